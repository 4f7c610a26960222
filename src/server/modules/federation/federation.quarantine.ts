/**
 * Bounds on the quarantine of refused inbox bodies (issue 11, item 4): at most so many bodies per sending
 * address per hour (the rest are counted in the log, not stored), at most so many rows in all (the oldest go
 * first), and none older than the retention period. The inbox route is also rate limited per address.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import type { Ctx } from '../../platform/context.ts';
import { insertQuarantine } from './federation.repository.ts';
import { quarantine } from './federation.schema.ts';

export interface QuarantineLimits { perSourcePerHour: number; maxRows: number; days: number }

let limits: QuarantineLimits = { perSourcePerHour: 100, maxRows: 10_000, days: 30 };

/** Sets the bounds from configuration (once at start). */
export function configureQuarantine(l: QuarantineLimits): void {
  limits = l;
}

const rowsOf = (r: unknown) => ((r as { rows?: unknown[] }).rows ?? (r as unknown[])) as { n: number }[];

/** Stores one refused body within the bounds; returns false when the sender's hourly budget is spent. */
export async function storeQuarantined(ctx: Ctx, row: typeof quarantine.$inferInsert): Promise<boolean> {
  const now = ctx.clock.now();
  const db: Db = ctx.db;
  await db.execute(sql`DELETE FROM quarantine WHERE received_at < ${new Date(now.getTime() - limits.days * 86_400_000)}`);
  if (row.remoteAddress) {
    const recent = rowsOf(await db.execute(sql`SELECT count(*)::int AS n FROM quarantine WHERE remote_address = ${row.remoteAddress} AND received_at > ${new Date(now.getTime() - 3_600_000)}`));
    if (recent[0].n >= limits.perSourcePerHour) return false;
  }
  await insertQuarantine(db, row);
  await db.execute(sql`DELETE FROM quarantine WHERE id IN (SELECT id FROM quarantine ORDER BY received_at DESC, id OFFSET ${limits.maxRows})`);
  return true;
}
