/** The wanted module's public surface: the FAST register of internationally wanted persons. */
export { registerWantedRoutes } from './wanted.routes.ts';
export { wantedJobs } from './wanted.jobs.ts';
export { createWanted, consultWanted, listWantedNamesForIndex, describeWantedForHit } from './wanted.service.ts';
export { performWantedAction } from './wanted.actions.ts';
export { importNotices, parseInterpolDocument } from './wanted.import.ts';
export { setWantedIndexProvider, type WantedIndexEntry, type WantedIndexProvider } from './wanted.hooks.ts';
export { runningClocksForHits, type RunningClockFlag } from './wanted.hit-clocks.ts';
export { wantedPerson } from './wanted.schema.ts';
