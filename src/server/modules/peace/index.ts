/** The peace-operations module's public surface: missions, calls, the roster, nominations and tours (utlandsstyrkan). */
export { registerPeaceRoutes } from './peace.routes.ts';
export { peaceJobs } from './peace.jobs.ts';
export { createMission, createCall } from './missions.service.ts';
export { createCandidate } from './roster.service.ts';
export { proposeNomination, decideNomination, deployNomination } from './nominations.service.ts';
export { extendDeployment } from './deployments.service.ts';
export { loadDemoPeace } from './peace.demo.ts';
