/** Every module's durable job handlers, gathered for the runner. */
import type { JobHandler } from './platform/jobs/job.service.ts';
import { exchangeJobs } from './modules/exchange/index.ts';
import { accountabilityJobs } from './modules/accountability/index.ts';
import { wantedJobs } from './modules/wanted/index.ts';
import { matchingJobs } from './modules/matching/index.ts';
import { strategicJobs } from './modules/strategic/index.ts';
import { peaceJobs } from './modules/peace/index.ts';
import { channelsJobs } from './modules/channels/index.ts';

export const allJobs: JobHandler[] = [...exchangeJobs, ...accountabilityJobs, ...wantedJobs, ...matchingJobs, ...strategicJobs, ...peaceJobs, ...channelsJobs] as JobHandler[];
