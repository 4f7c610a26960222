import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { ManualClock } from '../clock.ts';
import { inTransaction, systemCtx } from '../context.ts';
import { openPglite, rowsOf, runMigrations } from '../db/client.ts';
import { createTestDatabase } from '../../testing/harness.ts';
import { defineJob, planMissingRecurring, runDueJobs, scheduleJob } from './job.service.ts';

const fired: string[] = [];
const echo = defineJob({
  kind: 'test.echo',
  payload: z.object({ label: z.string() }),
  async run(ctx, p) {
    fired.push(p.label);
    await ctx.db.execute(sql`INSERT INTO exchange_setting (key, value) VALUES (${'fired:' + p.label}, '{}'::jsonb)`);
  },
});

test('jobs that fell due while the server was down fire once at the next start', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'polsam-jobs-'));
  const clock = new ManualClock('2026-03-28T10:00:00Z');
  let db = await openPglite(dir);
  await runMigrations(db);
  let ctx = systemCtx(db.db, clock, 'SE');
  await inTransaction(ctx, async (tx) => {
    await scheduleJob(tx, { kind: 'test.echo', runAt: new Date('2026-03-28T12:00:00Z'), payload: { label: 'noon' }, dedupeKey: 'noon' });
    await scheduleJob(tx, { kind: 'test.echo', runAt: new Date('2026-03-28T12:00:00Z'), payload: { label: 'noon' }, dedupeKey: 'noon' });
    await scheduleJob(tx, { kind: 'test.echo', runAt: new Date('2026-03-29T12:00:00Z'), payload: { label: 'tomorrow' } });
  });
  assert.equal(await runDueJobs(ctx, [echo]), 0, 'nothing is due yet');
  await db.close(); // the server stops
  clock.set('2026-03-28T18:00:00Z'); // … and is down past noon
  db = await openPglite(dir);
  ctx = systemCtx(db.db, clock, 'SE');
  fired.length = 0;
  assert.equal(await runDueJobs(ctx, [echo]), 1);
  assert.deepEqual(fired, ['noon'], 'the duplicate schedule ran once, tomorrow\'s not yet');
  assert.equal(await runDueJobs(ctx, [echo]), 0, 'a done job never runs again');
  await db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a failing job is retried with backoff, and its partial writes are rolled back', async () => {
  const db = await createTestDatabase();
  const clock = new ManualClock('2026-01-01T00:00:00Z');
  const ctx = systemCtx(db.db, clock, 'SE');
  let calls = 0;
  const flaky = defineJob({
    kind: 'test.flaky',
    payload: z.object({}),
    async run(c) {
      calls++;
      await c.db.execute(sql`INSERT INTO exchange_setting (key, value) VALUES (${'flaky:' + calls}, '{}'::jsonb)`);
      if (calls === 1) throw new Error('peer unavailable');
    },
  });
  await inTransaction(ctx, (tx) => scheduleJob(tx, { kind: 'test.flaky', runAt: clock.now(), payload: {} }));
  assert.equal(await runDueJobs(ctx, [flaky]), 0);
  const [job] = rowsOf<{ status: string; attempts: number; last_error: string; run_at: Date | string }>(await db.db.execute(sql`SELECT status, attempts, last_error, run_at FROM job WHERE kind = 'test.flaky'`));
  assert.equal(job.status, 'pending');
  assert.equal(job.attempts, 1);
  assert.equal(job.last_error, 'peer unavailable');
  assert.equal(new Date(job.run_at).toISOString(), '2026-01-01T00:00:10.000Z');
  assert.equal(rowsOf(await db.db.execute(sql`SELECT 1 FROM exchange_setting WHERE key = 'flaky:1'`)).length, 0, 'the failed attempt left nothing behind');
  assert.equal(await runDueJobs(ctx, [flaky]), 0, 'not before the backoff');
  clock.advance(10_000);
  assert.equal(await runDueJobs(ctx, [flaky]), 1);
  await db.close();
});

test('a recurring job whose run failed for good is planned again, once', async () => {
  const db = await createTestDatabase();
  const clock = new ManualClock('2026-01-01T00:00:00Z');
  const ctx = systemCtx(db.db, clock, 'SE');
  let runs = 0;
  const cycle = defineJob({ kind: 'test.cycle', payload: z.object({}).passthrough(), recurring: true, async run() { runs++; } });
  const pendingCycles = async () => rowsOf<{ n: number }>(await db.db.execute(sql`SELECT count(*)::int AS n FROM job WHERE kind = 'test.cycle' AND status = 'pending'`))[0].n;
  assert.equal(await pendingCycles(), 0, 'the cycle has ended (no run pending)');
  assert.deepEqual(await planMissingRecurring(ctx, [cycle]), ['test.cycle']);
  assert.deepEqual(await planMissingRecurring(ctx, [cycle]), [], 'a pending run is not doubled');
  assert.equal(await pendingCycles(), 1);
  assert.equal(await runDueJobs(ctx, [cycle]), 1);
  assert.equal(runs, 1);
  await db.close();
});
