/** SQL of the audit log. The chain head row is locked FOR UPDATE so entries get gap-free sequence numbers. */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { auditChainHead, auditEvent } from './audit.schema.ts';

export type AuditRow = typeof auditEvent.$inferInsert;

export const GENESIS_HASH = '0'.repeat(64);

export async function lockChainHead(db: Db): Promise<{ seq: number; hash: string }> {
  const rows = await db.select().from(auditChainHead).where(eq(auditChainHead.id, 1)).for('update');
  if (rows[0]) return { seq: rows[0].seq, hash: rows[0].hash };
  // First entry ever: create the head; ON CONFLICT covers two first writers racing.
  await db.insert(auditChainHead).values({ id: 1, seq: 0, hash: GENESIS_HASH }).onConflictDoNothing();
  const again = await db.select().from(auditChainHead).where(eq(auditChainHead.id, 1)).for('update');
  return { seq: again[0].seq, hash: again[0].hash };
}

export async function appendAudit(db: Db, row: AuditRow): Promise<void> {
  await db.insert(auditEvent).values(row);
  await db.update(auditChainHead).set({ seq: row.seq, hash: row.hash }).where(eq(auditChainHead.id, 1));
}

export async function listAuditForEntity(db: Db, entityType: string, entityId: string) {
  return db.select().from(auditEvent)
    .where(sql`${auditEvent.entityType} = ${entityType} AND ${auditEvent.entityId} = ${entityId}`)
    .orderBy(auditEvent.seq);
}
