/** The exchange module's public surface: the SPOC desk's requests. */
export { registerExchangeRoutes } from './exchange.routes.ts';
export { exchangeJobs } from './exchange.jobs.ts';
export { createRequest, listRequests, getRequestDetail, consultPersons } from './exchange.service.ts';
/** Attachment checks other modules reuse: the sniffed type and the types accepted. */
export { sniffType, ALLOWED_TYPES as ATTACHMENT_TYPES } from './exchange.service.ts';
export { performAction } from './exchange.actions.ts';
export { setCrossCheckProvider, type CrossCheckProvider, type HitView } from './exchange.hooks.ts';
export { request, requestPerson } from './exchange.schema.ts';
export type { PersonRow, RequestRow } from './exchange.repository.ts';
export { requestVisibleSql, requestRowVisibleSql } from './exchange.repository.ts';
export { visibilityScope, type VisibilityScope } from './exchange.policy.ts';
export { setOutboundProvider, recordClarificationToPeer, type OutboundProvider, type OutboundEvent } from './exchange.outbound.ts';
export {
  receiveRequestFromPeer, receiveInformationFromPeer, receiveAnswerFromPeer, receiveRefusalFromPeer, receiveClarificationRequestFromPeer,
  receiveDelayNoticeFromPeer, receiveClarificationAnswerFromPeer, recordPeerReceipt, receiveThreadMessage, type PeerRef, type InboundRequest,
} from './exchange.inbound.ts';
export { registerRequest, type RegisterOptions } from './exchange.register.ts';
