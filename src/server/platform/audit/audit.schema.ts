import { bigint, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The append-only audit log (LED Art 25): collection, alteration, consultation, disclosure,
 * combination, erasure. Each row commits to the previous one by hash (tamper evidence).
 */
export const auditEvent = pgTable(
  'audit_event',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    id: uuid('id').notNull().defaultRandom(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    actorLabel: text('actor_label').notNull(),
    /** LED Art 25 kind: collection | alteration | consultation | disclosure | combination | erasure | security | admin */
    category: text('category').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    /** Persons whose data the act touched, for the auditor's search by person. */
    personIds: uuid('person_ids').array().notNull().default([]),
    justification: text('justification'),
    recipient: text('recipient'),
    details: jsonb('details').notNull().default({}),
    requestId: text('request_id'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_event_at_idx').on(t.at),
    index('audit_event_entity_idx').on(t.entityType, t.entityId),
    index('audit_event_actor_idx').on(t.actorId, t.at),
  ],
);

/** One row: the head of the hash chain. Locking it serialises audit writes so the chain never forks. */
export const auditChainHead = pgTable('audit_chain_head', {
  id: integer('id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});
