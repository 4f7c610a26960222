import { bigint, boolean, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { appUser } from '../identity/identity.schema.ts';
import { request } from '../exchange/exchange.schema.ts';

/**
 * A signed checkpoint of the audit chain (tamper evidence, LED Art 25): the node's Ed25519 key signs
 * {seq, hash, at}, so a chain rewritten from scratch no longer matches a signature made before.
 */
export const auditCheckpoint = pgTable('audit_checkpoint', {
  seq: bigint('seq', { mode: 'number' }).primaryKey(),
  hash: text('hash').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull(),
  keyId: text('key_id').notNull(),
  signature: text('signature').notNull(),
});

/**
 * Public keys that signed audit checkpoints, so that checkpoints of earlier keys still verify. The private key is
 * kept outside the database (platform/audit/audit-key.ts); the column only held it before that and is emptied.
 */
export const signingKey = pgTable('signing_key', {
  id: text('id').primaryKey(),
  purpose: text('purpose').notNull(),
  algorithm: text('algorithm').notNull(),
  publicKey: text('public_key').notNull(),
  privateKey: text('private_key'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/**
 * The retention review queue and its decisions (Dir. (EU) 2023/977 Art 16(5); brottsdatalagen 2 kap. 18 §):
 * a task per request falling due; the reviewer keeps it (reason, new date) or erases its personal data.
 */
export const reviewTask = pgTable(
  'review_task',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id').notNull().references(() => request.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    queuedAt: timestamp('queued_at', { withTimezone: true }).notNull(),
    /** pending | kept | erased */
    status: text('status').notNull().default('pending'),
    /** Persons erased by the decision (ids only: the names are gone). Empty with a keep. */
    erasedPersonIds: uuid('erased_person_ids').array().notNull().default([]),
    /** Whether the decision erased all of the request's personal data (then it never comes up again). */
    erasedAll: boolean('erased_all').notNull().default(false),
    reason: text('reason'),
    nextReviewAt: timestamp('next_review_at', { withTimezone: true }),
    decidedBy: uuid('decided_by').references(() => appUser.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    index('review_task_queue_idx').on(t.unitId, t.dueAt).where(sql`status = 'pending'`),
    // One open task per request: the scan is idempotent.
    uniqueIndex('review_task_pending_idx').on(t.requestId).where(sql`status = 'pending'`),
  ],
);

/** Accountability periods (review intervals, checkpoint cadence): settings, not code. */
export const accountabilitySetting = pgTable('accountability_setting', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
});
