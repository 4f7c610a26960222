/**
 * Recurring accountability jobs, durable in the job table: signed checkpoints of the audit chain, and the
 * retention scan that fills the review queue. Each run plans the next one; the first runs are seeded by the
 * module's migration. A failing run is retried with backoff (its plan rolls back with it); should it fail for
 * good, the runner plans a new run because the jobs are marked `recurring`.
 */
import { z } from 'zod';
import { defineJob, planNextRun } from '../../platform/jobs/job.service.ts';
import { writeCheckpoint } from './audit-verify.service.ts';
import { scanRetention } from './retention.service.ts';

export const CHECKPOINT_JOB = 'accountability.audit_checkpoint';
export const RETENTION_JOB = 'accountability.retention_scan';
/** How often the checkpoint job looks; whether it signs depends on the entry and time thresholds in settings. */
const CHECKPOINT_POLL_MS = 5 * 60_000;
const RETENTION_POLL_MS = 60 * 60_000;

export const checkpointJob = defineJob({
  kind: CHECKPOINT_JOB,
  payload: z.object({}).passthrough(),
  recurring: true,
  async run(ctx) {
    await planNextRun(ctx, CHECKPOINT_JOB, CHECKPOINT_POLL_MS);
    await writeCheckpoint(ctx);
  },
});

export const retentionScanJob = defineJob({
  kind: RETENTION_JOB,
  payload: z.object({}).passthrough(),
  recurring: true,
  async run(ctx) {
    await planNextRun(ctx, RETENTION_JOB, RETENTION_POLL_MS);
    await scanRetention(ctx);
  },
});

export const accountabilityJobs = [checkpointJob, retentionScanJob];
