/** The reference module's public surface. */
export { registerReferenceRoutes } from './reference.routes.ts';
export { getAuthority, listAuthorities, seedAuthorities, SWEDISH_AUTHORITIES } from './reference.service.ts';
