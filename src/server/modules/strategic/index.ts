/** The strategic module's public surface: EU working groups and institutions, meetings, instructions, follow-up. */
export { registerStrategicRoutes } from './strategic.routes.ts';
export { strategicJobs } from './strategic.jobs.ts';
export { createGroup, addMember, createMeeting } from './strategic.service.ts';
export { draftInstruction, approveInstruction, reportMeeting, addActionItem } from './strategic.work.ts';
export { strategicGroup } from './strategic.schema.ts';
export { loadDemoStrategic } from './strategic.demo.ts';
