/**
 * Tables of Polsam-to-Polsam exchange: this node's signing key, its peers, the transactional outbox,
 * the idempotent inbox (keyed by message id), the quarantine of rejected input and the links between
 * a request here and its counterpart on a peer.
 */
import { bigint, bigserial, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { request } from '../exchange/exchange.schema.ts';

/** This node's Ed25519 key pair, generated at first start; the private key is never logged. */
export const nodeKey = pgTable('node_key', {
  id: text('id').primaryKey(),
  /** Raw 32-byte Ed25519 public key, base64. */
  publicKey: text('public_key').notNull(),
  /** PKCS#8 DER of the private key: base64, or AES-256-GCM ciphertext when `encryption` says so. */
  privateKey: text('private_key').notNull(),
  encryption: text('encryption').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/** Another Polsam installation this node exchanges with; managed by administrators. */
export const peer = pgTable('peer', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** The id the peer signs its envelopes with (`from`). */
  nodeId: text('node_id').notNull().unique(),
  countryCode: text('country_code').notNull(),
  name: text('name').notNull(),
  endpointUrl: text('endpoint_url').notNull(),
  publicKey: text('public_key').notNull(),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
}, (t) => [index('peer_country_idx').on(t.countryCode)]);

/** Transactional outbox: written in the same transaction as the act that produced the message. */
export const outboxMessage = pgTable('outbox_message', {
  /** The message id, carried in the envelope; the receiver's inbox is keyed by it. */
  id: uuid('id').primaryKey(),
  seq: bigserial('seq', { mode: 'number' }).notNull(),
  peerId: uuid('peer_id').notNull().references(() => peer.id),
  kind: text('kind').notNull(),
  payload: jsonb('payload').notNull(),
  /** The request here that the message is about, for its thread. */
  requestId: uuid('request_id').references(() => request.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  attempts: integer('attempts').notNull().default(0),
  nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
  status: text('status').notNull().default('pending'),
  lastError: text('last_error'),
  lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
  deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  /** The receiver's own received-at time, from its signed acknowledgement. */
  ackedReceivedAt: timestamp('acked_received_at', { withTimezone: true }),
  ackedReadAt: timestamp('acked_read_at', { withTimezone: true }),
}, (t) => [
  index('outbox_due_idx').on(t.nextAttemptAt).where(sql`status = 'pending'`),
  index('outbox_request_idx').on(t.requestId),
  index('outbox_peer_idx').on(t.peerId, t.createdAt),
]);

/** Idempotent inbox: the primary key on the message id makes a second delivery a no-op. */
export const inboxMessage = pgTable('inbox_message', {
  id: uuid('id').primaryKey(),
  peerId: uuid('peer_id').notNull().references(() => peer.id),
  kind: text('kind').notNull(),
  seq: bigint('seq', { mode: 'number' }),
  payload: jsonb('payload').notNull(),
  /** SHA-256 of the canonical envelope body: a reused id with other content is caught. */
  digest: text('digest').notNull(),
  sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  processed: boolean('processed').notNull().default(false),
  requestId: uuid('request_id').references(() => request.id, { onDelete: 'set null' }),
  duplicateCount: integer('duplicate_count').notNull().default(0),
  lastDuplicateAt: timestamp('last_duplicate_at', { withTimezone: true }),
}, (t) => [index('inbox_peer_idx').on(t.peerId, t.receivedAt)]);

/** Rejected input kept for an administrator: raw body (size-capped), reason code, claimed sender. */
export const quarantine = pgTable('quarantine', {
  id: uuid('id').primaryKey().defaultRandom(),
  reason: text('reason').notNull(),
  detail: text('detail'),
  peerClaimed: text('peer_claimed'),
  messageId: text('message_id'),
  rawBody: text('raw_body').notNull(),
  size: integer('size').notNull(),
  truncated: boolean('truncated').notNull().default(false),
  remoteAddress: text('remote_address'),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  /** Set when a message first held back (e.g. out of order) was later applied. */
  resolvedAt: timestamp('resolved_at', { withTimezone: true }),
}, (t) => [
  index('quarantine_received_idx').on(t.receivedAt),
  // Every accepted message resolves its held-back copies: without this, a flood of garbage slows every delivery.
  index('quarantine_unresolved_msg_idx').on(t.messageId).where(sql`resolved_at IS NULL`),
]);

/** A request here and its counterpart on a peer (the requester's id travels in follow-up messages). */
export const peerRequestLink = pgTable('peer_request_link', {
  localRequestId: uuid('local_request_id').primaryKey().references(() => request.id, { onDelete: 'cascade' }),
  peerId: uuid('peer_id').notNull().references(() => peer.id),
  /** The peer's id of the same request; null on the requester's side (follow-ups carry our id). */
  remoteRequestId: uuid('remote_request_id'),
  remoteReference: text('remote_reference'),
  /** 'requester': this node asked; 'responder': the peer asked. */
  role: text('role').notNull(),
}, (t) => [uniqueIndex('peer_request_link_remote_idx').on(t.peerId, t.remoteRequestId)]);
