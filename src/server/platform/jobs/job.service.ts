/**
 * The durable job runner (Art 16(1)(e): follow-up of deadlines). Jobs live in the database, never in
 * in-memory timers, so anything that fell due while the server was down fires at the next poll.
 * Each job runs in its own transaction with its effects; a crash mid-job rolls back and it runs again.
 */
import type { z } from 'zod';
import type { Ctx } from '../context.ts';
import { inTransaction } from '../context.ts';
import { cancelPendingByPrefix, claimNextDue, hasPendingOfKind, insertJob, markDone, markFailedAttempt } from './job.repository.ts';

export interface JobHandler<S extends z.ZodType = z.ZodType> {
  kind: string;
  payload: S;
  run(ctx: Ctx, payload: z.infer<S>): Promise<void>;
  /**
   * A recurring job plans its own next run. Should a run fail for good (all attempts spent), the cycle would
   * end; the runner therefore plans a run at once whenever none of this kind is pending.
   */
  recurring?: boolean;
}

/** Declares a handler with a typed, validated payload. */
export function defineJob<S extends z.ZodType>(h: JobHandler<S>): JobHandler<S> {
  return h;
}

/** Schedules a job in ctx's transaction; the same dedupeKey is scheduled at most once. */
export async function scheduleJob(ctx: Ctx, v: { kind: string; runAt: Date; payload: unknown; dedupeKey?: string }): Promise<void> {
  await insertJob(ctx.db, v);
}

/** Plans a recurring job's next run `everyMs` from now, in ctx's transaction (once per planned time). */
export async function planNextRun(ctx: Ctx, kind: string, everyMs: number): Promise<void> {
  const runAt = new Date(ctx.clock.now().getTime() + everyMs);
  await insertJob(ctx.db, { kind, runAt, payload: {}, dedupeKey: `${kind}:${runAt.toISOString()}` });
}

/** Cancels pending jobs by dedupe-key prefix, in ctx's transaction. */
export async function cancelJobs(ctx: Ctx, prefix: string): Promise<void> {
  await cancelPendingByPrefix(ctx.db, prefix);
}

/** Runs every job due now, one transaction each; returns how many ran successfully. */
export async function runDueJobs(ctx: Ctx, handlers: JobHandler[], limit = 500): Promise<number> {
  const byKind = new Map(handlers.map((h) => [h.kind, h]));
  let ran = 0;
  for (let i = 0; i < limit; i++) {
    let failed: { id: string; attempts: number; max: number; error: string } | null = null;
    const claimed = await inTransaction(ctx, async (tx) => {
      const row = await claimNextDue(tx.db, tx.clock.now());
      if (!row) return false;
      const handler = byKind.get(row.kind);
      try {
        if (!handler) throw new Error(`no handler for job kind ${row.kind}`);
        const payload = handler.payload.parse(row.payload);
        // A savepoint, so that a failing handler's writes are undone but the claim can still be recorded.
        await tx.db.transaction(async (sp) => handler.run({ ...tx, db: sp as never }, payload));
        await markDone(tx.db, row.id, tx.clock.now());
        ran++;
      } catch (e) {
        failed = { id: row.id, attempts: row.attempts + 1, max: row.maxAttempts, error: e instanceof Error ? e.message : String(e) };
        // Exponential backoff: 10 s, 20 s, 40 s … capped at one hour.
        const delay = Math.min(3600_000, 10_000 * 2 ** row.attempts);
        await markFailedAttempt(tx.db, row.id, failed.error, new Date(tx.clock.now().getTime() + delay), failed.attempts >= failed.max);
      }
      return true;
    });
    if (!claimed) break;
  }
  return ran;
}

/** Plans a run now of every recurring job that has none pending; returns the kinds planned. */
export async function planMissingRecurring(ctx: Ctx, handlers: JobHandler[]): Promise<string[]> {
  const planned: string[] = [];
  for (const h of handlers.filter((x) => x.recurring)) {
    if (await hasPendingOfKind(ctx.db, h.kind)) continue;
    const now = ctx.clock.now();
    await insertJob(ctx.db, { kind: h.kind, runAt: now, payload: {}, dedupeKey: `${h.kind}:restart:${now.toISOString()}` });
    planned.push(h.kind);
  }
  return planned;
}

/** Polls for due jobs until stopped; returns a stop function that waits for the current round. */
export function startJobRunner(ctx: Ctx, handlers: JobHandler[], pollMs: number, onError: (e: unknown) => void): () => Promise<void> {
  let stopped = false;
  let current: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | null = null;
  const tick = () => {
    if (stopped) return;
    current = planMissingRecurring(ctx, handlers)
      .then(() => runDueJobs(ctx, handlers))
      .catch(onError)
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, pollMs);
      });
  };
  tick();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await current;
  };
}
