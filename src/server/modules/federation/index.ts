/** The federation module's public surface: Polsam-to-Polsam exchange between installations. */
export { registerFederationRoutes } from './federation.routes.ts';
export { addPeer, configureFederation, federationSettings, getNodeInfo, getStats, enqueue, type FederationSettings } from './federation.service.ts';
export { startDelivery, deliverDue } from './federation.delivery.ts';
export { nodeKey as federationNodeKey } from './federation.service.ts';
export * as federationSchema from './federation.schema.ts';
