/**
 * Tables of channel ingress and egress: every message taken in from a channel (keyed by its content hash, so a
 * replayed file or a re-posted message is registered once), the channel outbox (rendered messages handed to the
 * channel's transport by a durable job, exactly once per row) and the API tokens of channel gateways.
 */
import { index, integer, jsonb, pgSequence, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appUser } from '../identity/identity.schema.ts';
import { request } from '../exchange/exchange.schema.ts';

/** One message received on a channel, and what it did on the desk (a new case, or a follow-up on one). */
export const channelInbox = pgTable('channel_inbox', {
  id: uuid('id').primaryKey().defaultRandom(),
  channel: text('channel').notNull(),
  /** SHA-256 of the RFC 8785 canonical JSON of the wire message: the same message by any path is one row. */
  contentHash: text('content_hash').notNull(),
  /** drop | api | cli */
  source: text('source').notNull(),
  tokenId: uuid('token_id'),
  /** The sender's message reference, the channel's thread (SIENA case, SIS alert, Interpol file) and the message answered. */
  messageRef: text('message_ref').notNull(),
  caseRef: text('case_ref'),
  inReplyTo: text('in_reply_to'),
  countryCode: text('country_code').notNull(),
  kind: text('kind').notNull(),
  /** registered (a new case) | attached (a follow-up on an existing case) */
  outcome: text('outcome').notNull(),
  requestId: uuid('request_id').references(() => request.id, { onDelete: 'set null' }),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
}, (t) => [
  uniqueIndex('channel_inbox_hash_idx').on(t.channel, t.contentHash),
  // A sender's reference names one message: the same reference with other content is refused.
  uniqueIndex('channel_inbox_ref_idx').on(t.channel, t.countryCode, t.messageRef),
  index('channel_inbox_case_idx').on(t.channel, t.countryCode, t.caseRef),
  index('channel_inbox_request_idx').on(t.requestId),
]);

/** A message rendered in a channel's format in the act's transaction, handed to the transport by a job. */
export const channelOutbox = pgTable('channel_outbox', {
  id: uuid('id').primaryKey(),
  channel: text('channel').notNull(),
  format: text('format').notNull(),
  kind: text('kind').notNull(),
  /** Our message reference on the channel (follow-ups from the counterpart name it). */
  messageRef: text('message_ref').notNull(),
  wire: jsonb('wire').notNull(),
  requestId: uuid('request_id').references(() => request.id, { onDelete: 'set null' }),
  /** pending | sent */
  status: text('status').notNull().default('pending'),
  attempts: integer('attempts').notNull().default(0),
  lastError: text('last_error'),
  externalRef: text('external_ref'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  sentAt: timestamp('sent_at', { withTimezone: true }),
}, (t) => [
  index('channel_outbox_request_idx').on(t.requestId),
  index('channel_outbox_ref_idx').on(t.channel, t.messageRef),
]);

/** An API token of a channel gateway: only its SHA-256 is stored; administrators create and revoke it (audited). */
export const channelToken = pgTable('channel_token', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  channel: text('channel').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  createdBy: uuid('created_by').references(() => appUser.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});

/** SIRENE field 002 must be unique within the Member State: a database sequence numbers our forms. */
export const sireneFormSeq = pgSequence('sirene_form_seq', { startWith: 1 });
