/** SQL of the durable job table. */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { job } from './job.schema.ts';

export type JobRow = typeof job.$inferSelect;

export async function insertJob(db: Db, v: { kind: string; runAt: Date; payload: unknown; dedupeKey?: string | null; maxAttempts?: number }) {
  await db.insert(job).values({
    kind: v.kind, runAt: v.runAt, payload: v.payload as object, dedupeKey: v.dedupeKey ?? null,
    maxAttempts: v.maxAttempts ?? 8,
  }).onConflictDoUpdate({
    // A job cancelled when its deadline was replanned comes back if the same point is planned again;
    // a job that already ran (done) or is pending stays as it is, so nothing fires twice.
    target: job.dedupeKey,
    set: { status: 'pending', runAt: v.runAt, payload: v.payload as object, attempts: 0, lastError: null },
    setWhere: sql`${job.status} = 'cancelled'`,
  });
}

/** Cancels pending jobs whose dedupe key starts with prefix (e.g. a deadline that moved). */
export async function cancelPendingByPrefix(db: Db, prefix: string): Promise<void> {
  await db.update(job).set({ status: 'cancelled' })
    .where(and(eq(job.status, 'pending'), sql`${job.dedupeKey} LIKE ${prefix.replace(/[%_\\]/g, '\\$&') + '%'}`));
}

/** Claims the next due job for the caller's transaction; other workers skip it while locked. */
export async function claimNextDue(db: Db, now: Date): Promise<JobRow | null> {
  const rows = await db.select().from(job)
    .where(and(eq(job.status, 'pending'), sql`${job.runAt} <= ${now.toISOString()}`))
    .orderBy(job.runAt)
    .limit(1)
    .for('update', { skipLocked: true });
  return rows[0] ?? null;
}

export async function markDone(db: Db, id: string, now: Date): Promise<void> {
  await db.update(job).set({ status: 'done', doneAt: now, attempts: sql`${job.attempts} + 1` }).where(eq(job.id, id));
}

export async function markFailedAttempt(db: Db, id: string, error: string, retryAt: Date, final: boolean): Promise<void> {
  await db.update(job).set({
    attempts: sql`${job.attempts} + 1`,
    lastError: error.slice(0, 2000),
    runAt: retryAt,
    status: final ? 'failed' : 'pending',
  }).where(eq(job.id, id));
}

export async function countByStatus(db: Db): Promise<Record<string, number>> {
  const rows = await db.select({ status: job.status, n: sql<number>`count(*)::int` }).from(job).groupBy(job.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/** Whether a job of this kind is waiting to run. */
export async function hasPendingOfKind(db: Db, kind: string): Promise<boolean> {
  const rows = await db.select({ id: job.id }).from(job).where(and(eq(job.kind, kind), eq(job.status, 'pending'))).limit(1);
  return rows.length > 0;
}
