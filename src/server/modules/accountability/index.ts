/** The accountability module's public surface: audit verification and search, retention reviews, data-subject reports, Art 18 statistics. */
export { registerAccountabilityRoutes } from './accountability.routes.ts';
export { accountabilityJobs, CHECKPOINT_JOB, RETENTION_JOB } from './accountability.jobs.ts';
export { verifyAudit, writeCheckpoint, keyFingerprint, exportCheckpoint, parseCheckpointFile } from './audit-verify.service.ts';
export { scanRetention, decideReview, listReviewQueue } from './retention.service.ts';
export { statisticsForYear, toCsv } from './statistics.service.ts';
export { dataSubjectReport } from './data-subject.service.ts';
export { getSettings, DEFAULT_SETTINGS } from './accountability.settings.ts';
export { SETTINGS_EDITORS } from './accountability.policy.ts';
