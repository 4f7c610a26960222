/** SQL of the audit log: the writer's insert, and the sealer's queue, links and chain head. */
import { and, asc, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { rowsOf } from '../db/client.ts';
import { GENESIS_HASH } from './audit.hash.ts';
import { auditChainHead, auditEvent } from './audit.schema.ts';

export type AuditRow = typeof auditEvent.$inferInsert;
export type AuditEventRow = typeof auditEvent.$inferSelect;

/**
 * Inserts an entry with the next number. A row someone put in the table behind the application's back may hold
 * that number: the entry then takes the next free one instead of failing the act (the verifier names the row).
 */
export async function insertAuditEntry(db: Db, row: Omit<AuditRow, 'seq'>): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const out = await db.insert(auditEvent).values(row).onConflictDoNothing({ target: auditEvent.seq }).returning({ seq: auditEvent.seq });
    if (out[0]) return out[0].seq;
  }
  throw new Error('audit_event: no free entry number after 20 attempts');
}

export async function listAuditForEntity(db: Db, entityType: string, entityId: string) {
  return db.select().from(auditEvent)
    .where(sql`${auditEvent.entityType} = ${entityType} AND ${auditEvent.entityId} = ${entityId}`)
    .orderBy(auditEvent.seq);
}

/** Locks the chain head (only sealers take it) and returns it; creates it before the first seal. */
export async function lockChainHead(db: Db): Promise<{ seq: number; hash: string }> {
  const rows = await db.select().from(auditChainHead).where(eq(auditChainHead.id, 1)).for('update');
  if (rows[0]) return { seq: rows[0].seq, hash: rows[0].hash };
  // ON CONFLICT covers two first sealers racing.
  await db.insert(auditChainHead).values({ id: 1, seq: 0, hash: GENESIS_HASH }).onConflictDoNothing();
  const again = await db.select().from(auditChainHead).where(eq(auditChainHead.id, 1)).for('update');
  return { seq: again[0].seq, hash: again[0].hash };
}

export async function moveChainHead(db: Db, head: { seq: number; hash: string }): Promise<void> {
  await db.update(auditChainHead).set(head).where(eq(auditChainHead.id, 1));
}

/**
 * The safe horizon: the oldest transaction that may still be running (PostgreSQL's snapshot xmin). Every
 * transaction below it has committed or rolled back, so no entry of theirs can still appear.
 */
export async function sealHorizon(db: Db): Promise<number> {
  return Number(rowsOf<{ x: string }>(await db.execute(sql`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS x`))[0].x);
}

/** The newest transaction id this snapshot could see (exclusive): an entry naming a later one is not real. */
export async function snapshotXmax(db: Db): Promise<number> {
  return Number(rowsOf<{ x: string }>(await db.execute(sql`SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS x`))[0].x);
}

/** Unsealed entries of finished transactions (below the horizon), in number order, after `afterSeq`. */
export async function sealableEntries(db: Db, horizon: number, afterSeq: number, limit: number): Promise<AuditEventRow[]> {
  return db.select().from(auditEvent)
    .where(and(isNull(auditEvent.chainSeq), gt(auditEvent.seq, afterSeq), lt(auditEvent.txid, horizon)))
    .orderBy(asc(auditEvent.seq)).limit(limit);
}

/** Writes the links of a batch of entries (one statement). */
export async function writeLinks(db: Db, links: { seq: number; chainSeq: number; prevHash: string; hash: string }[]): Promise<void> {
  if (!links.length) return;
  await db.execute(sql`
    UPDATE ${auditEvent} AS e SET chain_seq = v.c, prev_hash = v.p, hash = v.h
    FROM jsonb_to_recordset(${JSON.stringify(links.map((l) => ({ s: l.seq, c: l.chainSeq, p: l.prevHash, h: l.hash })))}::jsonb)
      AS v(s bigint, c bigint, p text, h text)
    WHERE e.seq = v.s AND e.chain_seq IS NULL`);
}
