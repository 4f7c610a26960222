/** SQL of the audit side of accountability: reading the chain, checkpoints, signing keys, search, settings. */
import { and, asc, desc, eq, gt, isNull, sql, type SQL } from 'drizzle-orm';
import type { AuditSearchQuery } from '../../../shared/accountability.schemas.ts';
import type { Db } from '../../platform/db/client.ts';
import { rowsOf } from '../../platform/db/client.ts';
import { auditChainHead, auditEvent } from '../../platform/audit/audit.schema.ts';
import type { ChainRow, Checkpoint, UnsealedRow } from '../../platform/audit/audit.verify.ts';
import { accountabilitySetting, auditCheckpoint, signingKey } from './accountability.schema.ts';

export type AuditEventRow = typeof auditEvent.$inferSelect;

const content = {
  seq: auditEvent.seq, id: auditEvent.id, at: auditEvent.at, actorId: auditEvent.actorId, actorLabel: auditEvent.actorLabel,
  category: auditEvent.category, action: auditEvent.action, entityType: auditEvent.entityType, entityId: auditEvent.entityId,
  personIds: auditEvent.personIds, justification: auditEvent.justification, recipient: auditEvent.recipient,
  details: auditEvent.details, contentHash: auditEvent.contentHash,
};

/** The sealed chain in position order, in batches (keyset pagination keeps memory flat over millions of entries). */
export async function* chainBatches(db: Db, batchSize = 10_000): AsyncGenerator<ChainRow[]> {
  let after = Number.MIN_SAFE_INTEGER;
  for (;;) {
    const rows = await db.select({
      ...content, chainSeq: sql<number>`${auditEvent.chainSeq}`.mapWith(Number),
      // Someone may have blanked a link by hand: compare it as text, never crash on it.
      prevHash: sql<string>`coalesce(${auditEvent.prevHash}, '')`, hash: sql<string>`coalesce(${auditEvent.hash}, '')`,
    }).from(auditEvent).where(gt(auditEvent.chainSeq, after)).orderBy(asc(auditEvent.chainSeq)).limit(batchSize);
    if (!rows.length) return;
    yield rows;
    after = rows[rows.length - 1].chainSeq;
    if (rows.length < batchSize) return;
  }
}

/** Entries not sealed into the chain yet (few: the sealer runs every second), with their writing transaction. */
export async function unsealedEntries(db: Db): Promise<UnsealedRow[]> {
  return db.select({ ...content, txid: auditEvent.txid }).from(auditEvent).where(isNull(auditEvent.chainSeq)).orderBy(asc(auditEvent.seq));
}

export async function chainHead(db: Db): Promise<{ seq: number; hash: string } | null> {
  const rows = await db.select().from(auditChainHead).where(eq(auditChainHead.id, 1)).limit(1);
  return rows[0] ? { seq: rows[0].seq, hash: rows[0].hash } : null;
}

export async function listCheckpoints(db: Db): Promise<Checkpoint[]> {
  return db.select().from(auditCheckpoint).orderBy(asc(auditCheckpoint.seq));
}

export async function lastCheckpoint(db: Db): Promise<Checkpoint | null> {
  return (await db.select().from(auditCheckpoint).orderBy(desc(auditCheckpoint.seq)).limit(1))[0] ?? null;
}

export async function insertCheckpoint(db: Db, cp: Checkpoint): Promise<void> {
  await db.insert(auditCheckpoint).values(cp).onConflictDoNothing();
}

/** Public keys by id, for verification (earlier keys stay, so their checkpoints still verify). */
export async function publicKeys(db: Db): Promise<Map<string, string>> {
  const rows = await db.select({ id: signingKey.id, publicKey: signingKey.publicKey }).from(signingKey);
  return new Map(rows.map((r) => [r.id, r.publicKey]));
}

/** Records a checkpoint key's public half (never the private one) unless already there. */
export async function recordPublicKey(db: Db, v: { id: string; purpose: string; publicKey: string; createdAt: Date }): Promise<void> {
  await db.insert(signingKey).values({ ...v, algorithm: 'ed25519', privateKey: null }).onConflictDoNothing();
}

function searchWhere(q: AuditSearchQuery): SQL {
  const where: SQL[] = [];
  if (q.personId) where.push(sql`${auditEvent.personIds} @> ARRAY[${q.personId}]::uuid[]`);
  if (q.actor) {
    where.push(/^[0-9a-f-]{36}$/i.test(q.actor)
      ? sql`${auditEvent.actorId} = ${q.actor}::uuid`
      : sql`lower(${auditEvent.actorLabel}) = lower(${q.actor})`);
  }
  if (q.request) {
    where.push(/^[0-9a-f-]{36}$/i.test(q.request)
      ? sql`${auditEvent.entityType} = 'request' AND ${auditEvent.entityId} = ${q.request.toLowerCase()}`
      : sql`${auditEvent.entityType} = 'request' AND ${auditEvent.entityId} IN (SELECT id::text FROM request WHERE upper(reference) = upper(${q.request}))`);
  }
  if (q.action) where.push(sql`(${auditEvent.action} = ${q.action} OR ${auditEvent.action} LIKE ${q.action.replace(/[%_\\]/g, '\\$&') + '.%'})`);
  if (q.category) where.push(eq(auditEvent.category, q.category));
  if (q.from) where.push(sql`${auditEvent.at} >= ${q.from}`);
  if (q.to) where.push(sql`${auditEvent.at} < ${q.to}`);
  return where.length ? and(...where)! : sql`true`;
}

/** Audit entries matching the auditor's filters, newest first. */
export async function searchAudit(db: Db, q: AuditSearchQuery): Promise<{ total: number; items: AuditEventRow[] }> {
  const cond = searchWhere(q);
  const items = await db.select().from(auditEvent).where(cond).orderBy(desc(auditEvent.seq)).limit(q.limit).offset(q.offset);
  const total = rowsOf<{ n: number }>(await db.execute(sql`SELECT count(*)::int AS n FROM ${auditEvent} WHERE ${cond}`))[0].n;
  return { total, items };
}

/** Entries naming any of the persons, oldest first (data-subject reports). */
export async function auditForPersons(db: Db, personIds: string[]): Promise<AuditEventRow[]> {
  return db.select().from(auditEvent)
    .where(sql`${auditEvent.personIds} && ARRAY[${sql.join(personIds.map((id) => sql`${id}`), sql`, `)}]::uuid[]`)
    .orderBy(asc(auditEvent.seq));
}

export async function getSettingValue(db: Db, key: string): Promise<unknown> {
  return (await db.select().from(accountabilitySetting).where(eq(accountabilitySetting.key, key)).limit(1))[0]?.value ?? null;
}

export async function putSettingValue(db: Db, key: string, value: unknown): Promise<void> {
  await db.insert(accountabilitySetting).values({ key, value: value as object })
    .onConflictDoUpdate({ target: accountabilitySetting.key, set: { value: value as object } });
}
