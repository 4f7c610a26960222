import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { audit } from '../../platform/audit/audit.service.ts';
import { entryHash, type ChainRow } from '../../platform/audit/audit.verify.ts';
import { inTransaction } from '../../platform/context.ts';
import { openPglite, rowsOf, runMigrations, type Db } from '../../platform/db/client.ts';
import { createTestEnv, type TestEnv } from '../../testing/harness.ts';
import { chainBatches } from './accountability.repository.ts';
import { verifyAudit, writeCheckpoint } from './audit-verify.service.ts';

/** Writes n audit entries the way the application does. */
async function writeEntries(env: TestEnv, n: number) {
  for (let i = 0; i < n; i++) {
    env.clock.advance(60_000);
    await inTransaction(env.ctx, (tx) => audit(tx, {
      category: 'consultation', action: 'exchange.persons.view', entityType: 'request', entityId: `r-${i}`,
      personIds: ['5f0c1c7e-0000-4000-8000-00000000000' + (i % 10)], justification: `Checking case number ${i}`, details: { i, nested: { b: 1, a: [i] } },
    }));
  }
}

async function rows(db: Db): Promise<ChainRow[]> {
  const out: ChainRow[] = [];
  for await (const b of chainBatches(db)) out.push(...b);
  return out;
}

const exec = (env: TestEnv, q: ReturnType<typeof sql>) => env.database.db.execute(q);
const headSeq = async (env: TestEnv) => rowsOf<{ seq: number }>(await exec(env, sql`SELECT seq::int AS seq FROM audit_chain_head`))[0].seq;

/** Inserts a forged row with a hash computed exactly as the application would (the attacker knows the algorithm). */
async function insertForged(env: TestEnv, seq: number, prevHash: string) {
  const row = {
    seq, id: '11111111-2222-4333-8444-555555555555', at: new Date('2026-11-23T10:00:00Z'), actorId: null, actorLabel: 'ghost',
    category: 'consultation', action: 'exchange.persons.view', entityType: 'request', entityId: 'forged', personIds: [] as string[],
    justification: 'Nothing to see here', recipient: null, details: {},
  };
  const hash = entryHash(prevHash, row);
  await exec(env, sql`INSERT INTO audit_event (seq, id, at, actor_id, actor_label, category, action, entity_type, entity_id, person_ids, justification, recipient, details, request_id, prev_hash, hash)
    VALUES (${seq}, ${row.id}, ${row.at.toISOString()}, NULL, ${row.actorLabel}, ${row.category}, ${row.action}, ${row.entityType}, ${row.entityId}, '{}', ${row.justification}, NULL, '{}', NULL, ${prevHash}, ${hash})`);
}

describe('audit verification', () => {
  let env: TestEnv;
  before(async () => {
    env = await createTestEnv();
  });
  after(() => env.close());

  test('an untouched log verifies, whatever jsonb does to key order', async () => {
    await writeEntries(env, 20);
    const r = await verifyAudit({ ...env.ctx, locale: 'en' }, { record: false });
    assert.equal(r.ok, true, JSON.stringify(r.problem));
    assert.equal(r.entries, await headSeq(env));
    assert.equal(r.problem, null);
    assert.match(r.message, /intact/);
  });

  test('checkpoints are signed with a key kept in the database and verify', async () => {
    const cp = await writeCheckpoint(env.ctx, { force: true });
    assert.ok(cp);
    assert.equal(cp!.seq, await headSeq(env));
    const r = await verifyAudit({ ...env.ctx, locale: 'en' }, { record: false });
    assert.equal(r.ok, true);
    assert.equal(r.checkpoints, 1);
    assert.match(r.keyFingerprint ?? '', /^[0-9a-f]{4}(:[0-9a-f]{4}){15}$/);
    // No new checkpoint while nothing has been written since.
    assert.equal(await writeCheckpoint(env.ctx, { force: true }), null);
  });
});

describe('tampering behind the application\'s back is detected and named', () => {
  let env: TestEnv;
  let n: number;
  afterEach(() => env.close());
  async function fresh(entries = 12) {
    env = await createTestEnv();
    await writeEntries(env, entries);
    n = await headSeq(env);
  }

  test('an edited entry is named', async () => {
    await fresh();
    await exec(env, sql`UPDATE audit_event SET justification = 'Something else entirely' WHERE seq = 7`);
    const r = await verifyAudit({ ...env.ctx, locale: 'en' }, { record: false });
    assert.equal(r.ok, false);
    assert.deepEqual([r.problem?.kind, r.problem?.seq, r.problem?.reason], ['altered', 7, 'content_changed']);
    assert.equal(r.message, 'Tampering found: entry 7 was altered.');
  });

  test('an edit to jsonb details or person ids is named', async () => {
    await fresh();
    await exec(env, sql`UPDATE audit_event SET details = jsonb_set(details, '{i}', '99') WHERE seq = 4`);
    assert.deepEqual((await verifyAudit({ ...env.ctx, locale: 'en' }, { record: false })).problem?.seq, 4);
    await exec(env, sql`UPDATE audit_event SET details = jsonb_set(details, '{i}', ${String(rowsOf<{ i: number }>(await exec(env, sql`SELECT (details->'nested'->'a'->>0)::int AS i FROM audit_event WHERE seq = 4`))[0].i)}::jsonb) WHERE seq = 4`);
    assert.equal((await verifyAudit({ ...env.ctx, locale: 'en' }, { record: false })).ok, true, 'restoring the value restores the chain');
    await exec(env, sql`UPDATE audit_event SET person_ids = '{}' WHERE seq = 9`);
    assert.deepEqual((await verifyAudit({ ...env.ctx, locale: 'en' }, { record: false })).problem?.seq, 9);
  });

  test('an edit with the entry\'s own hash recomputed is still named (the next entry links to the original)', async () => {
    await fresh();
    const all = await rows(env.database.db);
    const target = { ...all[5], actorLabel: 'someone-else' };
    await exec(env, sql`UPDATE audit_event SET actor_label = ${target.actorLabel}, hash = ${entryHash(target.prevHash, target)} WHERE seq = ${target.seq}`);
    const r = await verifyAudit({ ...env.ctx, locale: 'en' }, { record: false });
    assert.deepEqual([r.problem?.kind, r.problem?.seq], ['altered', target.seq]);
  });

  test('a deleted entry in the middle is named', async () => {
    await fresh();
    await exec(env, sql`DELETE FROM audit_event WHERE seq = 5`);
    const r = await verifyAudit({ ...env.ctx, locale: 'en' }, { record: false });
    assert.deepEqual([r.problem?.kind, r.problem?.seq], ['removed', 5]);
    assert.equal(r.message, 'Tampering found: entry 5 was removed.');
  });

  test('a deletion hidden by renumbering the later entries is named', async () => {
    await fresh();
    await exec(env, sql`DELETE FROM audit_event WHERE seq = 5`);
    await exec(env, sql`UPDATE audit_event SET seq = -(seq - 1) WHERE seq > 5`);
    await exec(env, sql`UPDATE audit_event SET seq = -seq WHERE seq < 0`);
    await exec(env, sql`UPDATE audit_chain_head SET seq = seq - 1`);
    const r = await verifyAudit({ ...env.ctx, locale: 'en' }, { record: false });
    assert.deepEqual([r.problem?.kind, r.problem?.seq], ['removed', 5]);
  });

  test('a deleted last entry is caught through the chain head', async () => {
    await fresh();
    await exec(env, sql`DELETE FROM audit_event WHERE seq = ${n}`);
    const r = await verifyAudit({ ...env.ctx, locale: 'en' }, { record: false });
    assert.deepEqual([r.problem?.kind, r.problem?.seq, r.problem?.reason], ['removed', n, 'tail_removed']);
  });

  test('a deleted last entry is caught through a checkpoint even when the head is rewound too', async () => {
    await fresh();
    await writeCheckpoint(env.ctx, { force: true });
    const prev = rowsOf<{ hash: string }>(await exec(env, sql`SELECT hash FROM audit_event WHERE seq = ${n - 1}`))[0].hash;
    await exec(env, sql`DELETE FROM audit_event WHERE seq = ${n}`);
    await exec(env, sql`UPDATE audit_chain_head SET seq = ${n - 1}, hash = ${prev}`);
    const r = await verifyAudit({ ...env.ctx, locale: 'en' }, { record: false });
    assert.deepEqual([r.problem?.kind, r.problem?.seq], ['removed', n]);
  });

  test('an entry inserted at the end, with a correct-looking hash, is named', async () => {
    await fresh();
    const last = rowsOf<{ hash: string }>(await exec(env, sql`SELECT hash FROM audit_event WHERE seq = ${n}`))[0].hash;
    await insertForged(env, n + 1, last);
    const r = await verifyAudit({ ...env.ctx, locale: 'en' }, { record: false });
    assert.deepEqual([r.problem?.kind, r.problem?.seq, r.problem?.reason], ['inserted', n + 1, 'beyond_head']);
    assert.equal(r.message, `Tampering found: entry ${n + 1} was inserted.`);
  });

  test('an entry slipped into the middle (later entries renumbered) is named', async () => {
    await fresh();
    await exec(env, sql`UPDATE audit_event SET seq = -(seq + 1) WHERE seq >= 6`);
    await exec(env, sql`UPDATE audit_event SET seq = -seq WHERE seq < 0`);
    await exec(env, sql`UPDATE audit_chain_head SET seq = seq + 1`);
    const h5 = rowsOf<{ hash: string }>(await exec(env, sql`SELECT hash FROM audit_event WHERE seq = 5`))[0].hash;
    await insertForged(env, 6, h5);
    const r = await verifyAudit({ ...env.ctx, locale: 'en' }, { record: false });
    assert.deepEqual([r.problem?.kind, r.problem?.seq, r.problem?.reason], ['inserted', 6, 'link_skips_entry']);
  });

  test('a rewrite of the whole chain from an entry on is caught by the signed checkpoint', async () => {
    await fresh();
    await writeCheckpoint(env.ctx, { force: true });
    const all = await rows(env.database.db);
    let prev = all[2].hash;
    for (const r of all.slice(3)) {
      const changed = r.seq === 4 ? { ...r, justification: 'Rewritten reason' } : r;
      const hash = entryHash(prev, changed);
      await exec(env, sql`UPDATE audit_event SET justification = ${changed.justification}, prev_hash = ${prev}, hash = ${hash} WHERE seq = ${r.seq}`);
      prev = hash;
    }
    await exec(env, sql`UPDATE audit_chain_head SET hash = ${prev}`);
    const r = await verifyAudit({ ...env.ctx, locale: 'en' }, { record: false });
    assert.deepEqual([r.problem?.kind, r.problem?.seq, r.problem?.toSeq, r.problem?.reason], ['altered', 1, n, 'checkpoint_mismatch']);
  });

  test('a forged checkpoint signature is named', async () => {
    await fresh();
    await writeCheckpoint(env.ctx, { force: true });
    await exec(env, sql`UPDATE audit_checkpoint SET signature = ${Buffer.alloc(64, 7).toString('base64')}`);
    const r = await verifyAudit({ ...env.ctx, locale: 'en' }, { record: false });
    assert.deepEqual([r.problem?.kind, r.problem?.seq], ['checkpoint_invalid', n]);
  });

  test('verification over HTTP is for auditors, recorded in the log and answered in Swedish too', async () => {
    await fresh();
    const auditor = await env.login(await env.buildUser({ roles: ['auditor'] }), 'sv');
    const officer = await env.login(await env.buildUser({ roles: ['case_officer'] }));
    assert.equal((await officer.post('/api/audit/verify')).status, 404);
    await exec(env, sql`DELETE FROM audit_event WHERE seq = 3`);
    const res = await auditor.post('/api/audit/verify');
    assert.equal(res.status, 200);
    assert.equal(res.body.ok, false);
    assert.equal(res.body.problem.seq, 3);
    assert.equal(res.body.message, 'Manipulation upptäckt: post 3 har tagits bort.');
    const logged = rowsOf<{ n: number }>(await exec(env, sql`SELECT count(*)::int AS n FROM audit_event WHERE action = 'accountability.audit.verify'`))[0].n;
    assert.equal(logged, 1);
  });
});

describe('polsam audit verify', () => {
  test('exits 0 on an intact log and 3 naming the entry on a tampered one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'polsam-cli-'));
    const cli = () => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/polsam.ts', 'audit', 'verify'], {
      cwd: path.resolve(import.meta.dirname, '../../../..'), env: { ...process.env, DATA_DIR: dir, DATABASE_URL: '', NODE_ENV: 'test' }, encoding: 'utf8',
    });
    try {
      const ok = cli();
      assert.equal(ok.status, 0, ok.stderr + ok.stdout);
      assert.match(ok.stdout, /intact/);
      const database = await openPglite(dir);
      await runMigrations(database);
      await database.db.execute(sql`UPDATE audit_event SET actor_label = 'mallory' WHERE seq = 1`);
      await database.close();
      const bad = cli();
      assert.equal(bad.status, 3, bad.stderr + bad.stdout);
      assert.match(bad.stdout, /entry 1 was altered/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
