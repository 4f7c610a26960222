/** Every module's durable job handlers, gathered for the runner. */
import type { JobHandler } from './platform/jobs/job.service.ts';
import { exchangeJobs } from './modules/exchange/index.ts';
import { accountabilityJobs } from './modules/accountability/index.ts';
import { wantedJobs } from './modules/wanted/index.ts';
import { matchingJobs } from './modules/matching/index.ts';

export const allJobs: JobHandler[] = [...exchangeJobs, ...accountabilityJobs, ...wantedJobs, ...matchingJobs] as JobHandler[];
