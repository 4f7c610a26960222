/**
 * Recurring matching job, durable in the job table: the key statistics the candidate lookup weighs keys by are
 * counted again every few hours (like a database's planner statistics). A person stored meanwhile is found at
 * once all the same: its keys are in the index from its own transaction; only their weights wait.
 */
import { z } from 'zod';
import { defineJob, planNextRun } from '../../platform/jobs/job.service.ts';
import { refreshKeyStatistics } from './candidate-index.ts';

export const KEY_STATS_JOB = 'matching.key_statistics';
const KEY_STATS_EVERY_MS = 6 * 3600_000;

export const keyStatisticsJob = defineJob({
  kind: KEY_STATS_JOB,
  payload: z.object({}).passthrough(),
  recurring: true,
  async run(ctx) {
    await planNextRun(ctx, KEY_STATS_JOB, KEY_STATS_EVERY_MS);
    await refreshKeyStatistics(ctx);
  },
});

export const matchingJobs = [keyStatisticsJob];
