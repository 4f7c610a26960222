/** Durable jobs of the channels module: handing rendered messages to the channel's transport. */
import type { JobHandler } from '../../platform/jobs/job.service.ts';
import { deliverJob } from './channels.outbound.ts';

export const channelsJobs: JobHandler[] = [deliverJob as JobHandler];
