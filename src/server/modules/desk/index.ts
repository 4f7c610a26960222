/** Public surface of the desk module: case search and the shift handover over every case a user may see. */
export { registerDeskRoutes } from './desk.routes.ts';
export { searchCases, handoverReport } from './desk.service.ts';
