import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgSequence, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** Numbers audit entries as they are written; rolled-back transactions leave gaps, which are legitimate. */
export const auditEventSeq = pgSequence('audit_event_seq', { startWith: 1 });

/**
 * The append-only audit log (LED Art 25): collection, alteration, consultation, disclosure, combination, erasure.
 * The act's transaction inserts the entry with a hash of its own content and no lock shared with other writers;
 * the sealer (audit.seal.ts) later links committed entries into the hash chain (chain_seq, prev_hash, hash) in
 * the order it finds them, so that a removed, altered or inserted entry breaks the chain (tamper evidence).
 */
export const auditEvent = pgTable(
  'audit_event',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey().default(sql`nextval('audit_event_seq')`),
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
    /** The writing transaction: the sealer links only entries of transactions that can no longer commit. */
    txid: bigint('txid', { mode: 'number' }).notNull().default(sql`txid_current()`),
    /** SHA-256 of the entry's own content, written with it; null on entries of the first (locked) chain format. */
    contentHash: text('content_hash'),
    /** Position in the hash chain, gap-free from 1; null until sealed. */
    chainSeq: bigint('chain_seq', { mode: 'number' }),
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (t) => [
    index('audit_event_at_idx').on(t.at),
    index('audit_event_entity_idx').on(t.entityType, t.entityId),
    index('audit_event_actor_idx').on(t.actorId, t.at),
    uniqueIndex('audit_event_chain_seq_idx').on(t.chainSeq),
    // The sealer's work queue: small, because sealed entries leave it.
    index('audit_event_unsealed_idx').on(t.seq).where(sql`chain_seq IS NULL`),
  ],
);

/** One row: the sealed head of the hash chain. Only the sealer locks it; writers never touch it. */
export const auditChainHead = pgTable('audit_chain_head', {
  id: integer('id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});
