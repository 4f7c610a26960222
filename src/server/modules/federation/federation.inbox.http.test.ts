import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { createTestEnv, type TestEnv } from '../../testing/harness.ts';

let env: TestEnv;
before(async () => {
  env = await createTestEnv({ env: { FEDERATION_INBOX_PER_MINUTE: '20', FEDERATION_QUARANTINE_PER_HOUR: '5', FEDERATION_QUARANTINE_DAYS: '30' } });
});
after(() => env.close());

const rowsOf = (r: unknown) => ((r as { rows?: unknown[] }).rows ?? (r as unknown[])) as { n: number }[];
const stored = async (ip: string) => rowsOf(await env.database.db.execute(sql`SELECT count(*)::int AS n FROM quarantine WHERE remote_address = ${ip}`))[0].n;
const garbage = (ip: string) => env.app.inject({ method: 'POST', url: '/api/federation/inbox', remoteAddress: ip, headers: { 'content-type': 'application/json' }, payload: 'x'.repeat(10_000) });

test('one address cannot fill the quarantine: calls are rate limited, stored bodies capped, old ones expire (issue 11, item 4)', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 30; i++) statuses.push((await garbage('203.0.113.9')).statusCode);
  assert.ok(statuses.slice(0, 20).every((s) => s === 400), statuses.join(','));
  assert.ok(statuses.slice(20).every((s) => s === 429), statuses.join(','));
  assert.equal(await stored('203.0.113.9'), 5);
  // Another sender still leaves its evidence.
  assert.equal((await garbage('203.0.113.10')).statusCode, 400);
  assert.equal(await stored('203.0.113.10'), 1);
  env.clock.advance(31 * 86_400_000);
  try {
    assert.equal((await garbage('203.0.113.11')).statusCode, 400);
    assert.equal(await stored('203.0.113.9'), 0);
    assert.equal(await stored('203.0.113.11'), 1);
  } finally {
    env.clock.set('2026-11-23T09:00:00Z');
  }
});
