/** Every table of the one database, gathered for Drizzle (the composition root, not a domain module). */
import * as audit from './platform/audit/audit.schema.ts';
import * as jobs from './platform/jobs/job.schema.ts';
import * as notifications from './platform/notifications/notification.schema.ts';
import * as identity from './modules/identity/identity.schema.ts';
import * as reference from './modules/reference/reference.schema.ts';
import * as exchange from './modules/exchange/exchange.schema.ts';
import * as federation from './modules/federation/federation.schema.ts';
import * as channels from './modules/channels/channels.schema.ts';
import * as accountability from './modules/accountability/accountability.schema.ts';
import * as wanted from './modules/wanted/wanted.schema.ts';
import * as matching from './modules/matching/matching.schema.ts';
import * as desk from './modules/desk/desk.schema.ts';
import * as peace from './modules/peace/peace.schema.ts';
import * as strategic from './modules/strategic/strategic.schema.ts';
import * as development from './modules/development/development.schema.ts';

export const schema = { ...audit, ...jobs, ...notifications, ...identity, ...reference, ...exchange, ...federation, ...channels, ...accountability, ...wanted, ...matching, ...desk, ...peace, ...strategic, ...development };
export type Schema = typeof schema;
