import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { contentHash, linkHash } from '../../platform/audit/audit.hash.ts';
import { auditSigner } from '../../platform/audit/audit-key.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import { sealAudit } from '../../platform/audit/audit.seal.ts';
import { signCheckpoint, type ChainRow } from '../../platform/audit/audit.verify.ts';
import { inTransaction } from '../../platform/context.ts';
import { openPglite, rowsOf, runMigrations, type Db } from '../../platform/db/client.ts';
import { createTestEnv, type TestEnv } from '../../testing/harness.ts';
import { chainBatches } from './accountability.repository.ts';
import { exportCheckpoint, parseCheckpointFile, verifyAudit, writeCheckpoint } from './audit-verify.service.ts';

/** Writes n audit entries the way the application does, and lets the sealer link them. */
async function writeEntries(env: TestEnv, n: number) {
  for (let i = 0; i < n; i++) {
    env.clock.advance(60_000);
    await inTransaction(env.ctx, (tx) => audit(tx, {
      category: 'consultation', action: 'exchange.persons.view', entityType: 'request', entityId: `r-${i}`,
      personIds: ['5f0c1c7e-0000-4000-8000-00000000000' + (i % 10)], justification: `Checking case number ${i}`, details: { i, nested: { b: 1, a: [i] } },
    }));
  }
  await sealAll(env);
}

/** Seals until nothing is left: the horizon is cluster-wide, so a transaction of a parallel test file may hold it back. */
async function sealAll(env: TestEnv) {
  for (let k = 0; k < 200; k++) {
    await sealAudit(env.ctx);
    if (!(await one<{ n: number }>(env, sql`SELECT count(*)::int AS n FROM audit_event WHERE chain_seq IS NULL`)).n) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function rows(db: Db): Promise<ChainRow[]> {
  const out: ChainRow[] = [];
  for await (const b of chainBatches(db)) out.push(...b);
  return out;
}

const exec = (env: TestEnv, q: ReturnType<typeof sql>) => env.database.db.execute(q);
const one = async <T>(env: TestEnv, q: ReturnType<typeof sql>) => rowsOf<T>(await exec(env, q))[0];
const headSeq = async (env: TestEnv) => (await one<{ seq: number }>(env, sql`SELECT seq::int AS seq FROM audit_chain_head`)).seq;
const entryAt = async (env: TestEnv, pos: number) => (await one<{ seq: number }>(env, sql`SELECT seq::int AS seq FROM audit_event WHERE chain_seq = ${pos}`)).seq;
const verify = (env: TestEnv, opts: Parameters<typeof verifyAudit>[1] = {}) => verifyAudit({ ...env.ctx, locale: 'en' }, { record: false, ...opts });

/** A forged entry as someone with database access would write it (knowing the algorithm, but not the sealer's place). */
function forged(at = new Date('2026-11-23T10:00:00Z')) {
  return {
    id: '11111111-2222-4333-8444-555555555555', at, actorId: null, actorLabel: 'ghost', category: 'consultation',
    action: 'exchange.persons.view', entityType: 'request', entityId: 'forged', personIds: [] as string[],
    justification: 'Nothing to see here', recipient: null, details: {},
  };
}

async function insertForged(env: TestEnv, o: { seq: number; contentHash: string | null; txid?: number; link?: { chainSeq: number; prevHash: string; hash: string } }) {
  const f = forged();
  await exec(env, sql`INSERT INTO audit_event (seq, id, at, actor_label, category, action, entity_type, entity_id, justification, details, txid, content_hash, chain_seq, prev_hash, hash)
    VALUES (${o.seq}, ${f.id}, ${f.at.toISOString()}, ${f.actorLabel}, ${f.category}, ${f.action}, ${f.entityType}, ${f.entityId}, ${f.justification}, '{}',
      ${o.txid ?? sql`txid_current()`}, ${o.contentHash}, ${o.link?.chainSeq ?? null}, ${o.link?.prevHash ?? null}, ${o.link?.hash ?? null})`);
}

describe('audit verification', () => {
  let env: TestEnv;
  before(async () => {
    env = await createTestEnv();
  });
  after(() => env.close());

  test('an untouched log verifies, whatever jsonb does to key order', async () => {
    await writeEntries(env, 20);
    const r = await verify(env);
    assert.equal(r.ok, true, JSON.stringify(r.problem));
    assert.equal(r.entries, await headSeq(env));
    assert.equal(r.unsealed, 0);
    assert.match(r.message, /intact/);
  });

  test('checkpoints are signed with the key kept outside the database, whose private half the database never holds', async () => {
    const cp = await writeCheckpoint(env.ctx, { force: true });
    assert.ok(cp);
    assert.equal(cp!.seq, await headSeq(env));
    assert.equal(cp!.keyId, auditSigner().keyId);
    assert.deepEqual(rowsOf(await exec(env, sql`SELECT private_key FROM signing_key`)), [{ private_key: null }]);
    const r = await verify(env);
    assert.equal(r.ok, true);
    assert.equal(r.checkpoints, 1);
    assert.match(r.keyFingerprint ?? '', /^[0-9a-f]{4}(:[0-9a-f]{4}){15}$/);
    assert.equal(await writeCheckpoint(env.ctx, { force: true }), null, 'nothing new since');
  });

  test('an entry written just now is sealed before verifying; one still in its transaction is not counted', async () => {
    await inTransaction(env.ctx, (tx) => audit(tx, { category: 'admin', action: 'test.late', entityType: 'test' }));
    const before = await headSeq(env);
    const r = await verify(env);
    assert.equal(r.ok, true);
    // Sealed, or (a transaction elsewhere in the cluster holding the horizon back) counted as written but not sealed yet.
    assert.equal(r.entries + r.unsealed, before + 1);
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
    const seq = await entryAt(env, 7);
    await exec(env, sql`UPDATE audit_event SET justification = 'Something else entirely' WHERE seq = ${seq}`);
    const r = await verify(env);
    assert.equal(r.ok, false);
    assert.deepEqual([r.problem?.kind, r.problem?.seq, r.problem?.entry, r.problem?.reason], ['altered', 7, seq, 'content_changed']);
    assert.equal(r.message, `Tampering found: entry ${seq} was altered.`);
  });

  test('an edit to jsonb details or person ids is named; restoring the value restores the chain', async () => {
    await fresh();
    const s4 = await entryAt(env, 4);
    const s9 = await entryAt(env, 9);
    const original = (await one<{ d: string }>(env, sql`SELECT details::text AS d FROM audit_event WHERE seq = ${s4}`)).d;
    await exec(env, sql`UPDATE audit_event SET details = jsonb_set(details, '{i}', '99') WHERE seq = ${s4}`);
    assert.equal((await verify(env)).problem?.seq, 4);
    await exec(env, sql`UPDATE audit_event SET details = ${original}::jsonb WHERE seq = ${s4}`);
    assert.equal((await verify(env)).ok, true);
    await exec(env, sql`UPDATE audit_event SET person_ids = '{}' WHERE seq = ${s9}`);
    assert.equal((await verify(env)).problem?.seq, 9);
  });

  test('an edit with the entry\'s content hash and link recomputed is still named (the next entry links to the original)', async () => {
    await fresh();
    const all = await rows(env.database.db);
    const target = { ...all[5], actorLabel: 'someone-else' };
    const ch = contentHash(target);
    await exec(env, sql`UPDATE audit_event SET actor_label = ${target.actorLabel}, content_hash = ${ch},
      hash = ${linkHash(target.prevHash, target.chainSeq, target.seq, ch)} WHERE seq = ${target.seq}`);
    const r = await verify(env);
    assert.deepEqual([r.problem?.kind, r.problem?.seq], ['altered', target.chainSeq]);
  });

  test('a deleted sealed entry is named, unlike a gap in the entry numbers left by a rollback', async () => {
    await fresh();
    await inTransaction(env.ctx, async (tx) => {
      await audit(tx, { category: 'admin', action: 'test.rollback', entityType: 'test' });
      throw new Error('rolled back');
    }).catch(() => undefined);
    await writeEntries(env, 2);
    assert.equal((await verify(env)).ok, true, 'a rolled-back entry number is no tampering');
    await exec(env, sql`DELETE FROM audit_event WHERE chain_seq = 5`);
    const r = await verify(env);
    assert.deepEqual([r.problem?.kind, r.problem?.seq, r.problem?.entry, r.problem?.reason], ['removed', 5, null, 'seq_gap']);
    assert.equal(r.message, 'Tampering found: the entry at chain position 5 was removed.');
  });

  test('a deletion hidden by renumbering the later positions is named', async () => {
    await fresh();
    await exec(env, sql`DELETE FROM audit_event WHERE chain_seq = 5`);
    await exec(env, sql`UPDATE audit_event SET chain_seq = -(chain_seq - 1) WHERE chain_seq > 5`);
    await exec(env, sql`UPDATE audit_event SET chain_seq = -chain_seq WHERE chain_seq < 0`);
    await exec(env, sql`UPDATE audit_chain_head SET seq = seq - 1`);
    const r = await verify(env);
    assert.deepEqual([r.problem?.kind, r.problem?.seq, r.problem?.reason], ['removed', 5, 'renumbered']);
  });

  test('a deleted last entry is caught through the chain head', async () => {
    await fresh();
    await exec(env, sql`DELETE FROM audit_event WHERE chain_seq = ${n}`);
    const r = await verify(env);
    assert.deepEqual([r.problem?.kind, r.problem?.seq, r.problem?.reason], ['removed', n, 'tail_removed']);
  });

  test('newest entries truncated with head and checkpoints rewound: only the auditor\'s checkpoint file still tells', async () => {
    await fresh();
    const file = await exportCheckpoint({ ...env.ctx, locale: 'en' });
    const anchor = parseCheckpointFile(JSON.parse(JSON.stringify(file)));
    assert.equal(anchor.seq, await headSeq(env));
    const top = anchor.seq;
    const prev = (await one<{ hash: string }>(env, sql`SELECT hash FROM audit_event WHERE chain_seq = ${top - 3}`)).hash;
    // Everything after position top - 3 goes, the entries not sealed yet too (else the sealer would grow the chain again).
    await exec(env, sql`DELETE FROM audit_event WHERE chain_seq > ${top - 3} OR chain_seq IS NULL`);
    await exec(env, sql`UPDATE audit_chain_head SET seq = ${top - 3}, hash = ${prev}`);
    await exec(env, sql`DELETE FROM audit_checkpoint`);
    // What the database alone can show: nothing (docs/security.md says so).
    assert.equal((await verify(env)).ok, true);
    const r = await verify(env, { anchor });
    assert.deepEqual([r.ok, r.problem?.kind, r.problem?.seq, r.problem?.reason], [false, 'removed', top - 2, 'anchor_truncated']);
    assert.deepEqual(r.anchor && [r.anchor.seq, r.anchor.matched], [top, false]);
  });

  test('a chain rewritten from an entry on is caught by the signed checkpoint, and by the checkpoint file when those are gone', async () => {
    await fresh();
    const anchor = parseCheckpointFile(JSON.parse(JSON.stringify(await exportCheckpoint({ ...env.ctx, locale: 'en' }))));
    const all = await rows(env.database.db);
    let prev = all[2].hash;
    for (const r of all.slice(3)) {
      const changed = r.chainSeq === 4 ? { ...r, justification: 'Rewritten reason' } : r;
      const ch = contentHash(changed);
      const hash = linkHash(prev, r.chainSeq, r.seq, ch);
      await exec(env, sql`UPDATE audit_event SET justification = ${changed.justification}, content_hash = ${ch}, prev_hash = ${prev}, hash = ${hash} WHERE seq = ${r.seq}`);
      prev = hash;
    }
    await exec(env, sql`UPDATE audit_chain_head SET hash = ${prev}`);
    const r = await verify(env);
    assert.deepEqual([r.problem?.kind, r.problem?.seq, r.problem?.toSeq, r.problem?.reason], ['altered', 1, anchor.seq, 'checkpoint_mismatch']);
    await exec(env, sql`DELETE FROM audit_checkpoint`);
    const withFile = await verify(env, { anchor });
    assert.deepEqual([withFile.problem?.kind, withFile.problem?.toSeq, withFile.problem?.reason], ['altered', anchor.seq, 'anchor_mismatch']);
  });

  test('a checkpoint re-signed with another key (its public key swapped in the database) is named', async () => {
    await fresh();
    const cp = (await writeCheckpoint(env.ctx, { force: true }))!;
    const mallory = generateKeyPairSync('ed25519');
    await exec(env, sql`UPDATE audit_checkpoint SET signature = ${signCheckpoint(cp, mallory.privateKey)}`);
    await exec(env, sql`UPDATE signing_key SET public_key = ${mallory.publicKey.export({ type: 'spki', format: 'pem' }).toString()}`);
    const r = await verify(env);
    assert.deepEqual([r.problem?.kind, r.problem?.seq, r.problem?.reason], ['checkpoint_invalid', cp.seq, 'checkpoint_signature']);
  });

  test('a checkpoint file signed with another key is refused', async () => {
    await fresh();
    const file = await exportCheckpoint({ ...env.ctx, locale: 'en' });
    const anchor = parseCheckpointFile(JSON.parse(JSON.stringify(file)));
    const mallory = generateKeyPairSync('ed25519');
    const resigned = { ...anchor, publicKey: mallory.publicKey.export({ type: 'spki', format: 'pem' }).toString(), signature: signCheckpoint(anchor, mallory.privateKey) };
    const r = await verify(env, { anchor: resigned });
    assert.deepEqual([r.problem?.kind, r.problem?.reason], ['checkpoint_invalid', 'anchor_signature']);
  });

  test('an entry inserted at a position past the head, with a correct-looking link, is named', async () => {
    await fresh();
    const last = (await one<{ hash: string; seq: number }>(env, sql`SELECT hash, seq::int AS seq FROM audit_event WHERE chain_seq = ${n}`));
    const ch = contentHash(forged());
    await insertForged(env, { seq: 100_000, contentHash: ch, link: { chainSeq: n + 1, prevHash: last.hash, hash: linkHash(last.hash, n + 1, 100_000, ch) } });
    const r = await verify(env);
    assert.deepEqual([r.problem?.kind, r.problem?.seq, r.problem?.entry, r.problem?.reason], ['inserted', n + 1, 100_000, 'beyond_head']);
    assert.equal(r.message, 'Tampering found: entry 100000 was inserted.');
  });

  test('an entry slipped into the middle (later positions renumbered) is named', async () => {
    await fresh();
    await exec(env, sql`UPDATE audit_event SET chain_seq = -(chain_seq + 1) WHERE chain_seq >= 6`);
    await exec(env, sql`UPDATE audit_event SET chain_seq = -chain_seq WHERE chain_seq < 0`);
    await exec(env, sql`UPDATE audit_chain_head SET seq = seq + 1`);
    const h5 = (await one<{ hash: string }>(env, sql`SELECT hash FROM audit_event WHERE chain_seq = 5`)).hash;
    const ch = contentHash(forged());
    await insertForged(env, { seq: 100_000, contentHash: ch, link: { chainSeq: 6, prevHash: h5, hash: linkHash(h5, 6, 100_000, ch) } });
    const r = await verify(env);
    assert.deepEqual([r.problem?.kind, r.problem?.seq, r.problem?.entry, r.problem?.reason], ['inserted', 6, 100_000, 'link_skips_entry']);
  });

  test('a forged row past the sealed head takes no audited act down and is named, not sealed', async () => {
    await fresh();
    const auditor = await env.login(await env.buildUser({ roles: ['auditor'] }));
    const next = (await one<{ s: number }>(env, sql`SELECT max(seq)::int + 1 AS s FROM audit_event`)).s;
    // The very next entry numbers, so the application's next entries would collide with them.
    await insertForged(env, { seq: next, contentHash: null });
    await insertForged(env, { seq: next + 1, contentHash: 'f'.repeat(64) });
    for (let i = 0; i < 3; i++) assert.equal((await auditor.get('/api/audit?limit=5')).status, 200);
    const res = await auditor.post('/api/audit/verify');
    assert.equal(res.status, 200, res.raw);
    assert.deepEqual([res.body.ok, res.body.problem.kind, res.body.problem.entry, res.body.problem.reason], [false, 'inserted', next, 'unsealed_content']);
    assert.equal((await one<{ c: number | null }>(env, sql`SELECT chain_seq AS c FROM audit_event WHERE seq = ${next + 1}`)).c, null, 'never linked into the chain');
    const logged = (await one<{ n: number }>(env, sql`SELECT count(*)::int AS n FROM audit_event WHERE action = 'accountability.audit.verify'`)).n;
    assert.equal(logged, 1, 'the verification itself was audited despite the forged numbers');
  });

  test('a forged row with a correct content hash but a transaction that cannot have written it is named', async () => {
    await fresh();
    await insertForged(env, { seq: 100_000, contentHash: contentHash(forged()), txid: 2 ** 40 });
    const r = await verify(env);
    assert.deepEqual([r.problem?.kind, r.problem?.entry, r.problem?.reason], ['inserted', 100_000, 'unsealed_txid']);
    assert.match(r.problem?.message ?? '', /names a transaction that cannot have written it/);
  });

  test('a forged checkpoint signature is named', async () => {
    await fresh();
    await writeCheckpoint(env.ctx, { force: true });
    await exec(env, sql`UPDATE audit_checkpoint SET signature = ${Buffer.alloc(64, 7).toString('base64')}`);
    const r = await verify(env);
    assert.deepEqual([r.problem?.kind, r.problem?.seq], ['checkpoint_invalid', n]);
  });

  test('verification over HTTP is for auditors, recorded in the log and answered in Swedish too', async () => {
    await fresh();
    const auditor = await env.login(await env.buildUser({ roles: ['auditor'] }), 'sv');
    const officer = await env.login(await env.buildUser({ roles: ['case_officer'] }));
    assert.equal((await officer.post('/api/audit/verify')).status, 404);
    await exec(env, sql`DELETE FROM audit_event WHERE chain_seq = 3`);
    const res = await auditor.post('/api/audit/verify');
    assert.equal(res.status, 200);
    assert.equal(res.body.ok, false);
    assert.equal(res.body.problem.seq, 3);
    assert.equal(res.body.message, 'Manipulation upptäckt: posten på plats 3 i kedjan har tagits bort.');
    const logged = (await one<{ n: number }>(env, sql`SELECT count(*)::int AS n FROM audit_event WHERE action = 'accountability.audit.verify'`)).n;
    assert.equal(logged, 1);
  });
});

describe('polsam audit', () => {
  test('keeps the key in a 0600 file, exports a checkpoint file, and verify --checkpoint catches a truncation the database hides', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'polsam-cli-'));
    const keyFile = path.join(dir, 'keys', 'audit.pem');
    const cpFile = path.join(dir, 'checkpoint.json');
    const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/polsam.ts', 'audit', ...args], {
      cwd: path.resolve(import.meta.dirname, '../../../..'), encoding: 'utf8',
      env: { ...process.env, DATA_DIR: path.join(dir, 'data'), DATABASE_URL: '', NODE_ENV: 'production', AUDIT_SIGNING_KEY_FILE: keyFile },
    });
    try {
      const ok = cli('verify');
      assert.equal(ok.status, 0, ok.stderr + ok.stdout);
      assert.match(ok.stdout, /intact/);
      assert.match(ok.stderr, /signing key generated in .*audit\.pem \(mode 0600\)/);
      assert.equal(fs.statSync(keyFile).mode & 0o777, 0o600);
      const exported = cli('checkpoint', 'export', '--out', cpFile);
      assert.equal(exported.status, 0, exported.stderr + exported.stdout);
      const file = JSON.parse(fs.readFileSync(cpFile, 'utf8'));
      assert.equal(file.format, 'polsam.audit.checkpoint.v1');
      const key = cli('public-key');
      assert.match(key.stdout, new RegExp(`fingerprint: ${file.keyFingerprint}`));
      assert.equal(cli('verify', '--checkpoint', cpFile).status, 0);

      const database = await openPglite(path.join(dir, 'data'));
      await runMigrations(database);
      assert.deepEqual(rowsOf(await database.db.execute(sql`SELECT count(*)::int AS n FROM signing_key WHERE private_key IS NOT NULL`)), [{ n: 0 }]);
      // Truncate the newest sealed entry and cover the tracks inside the database.
      const prev = rowsOf<{ hash: string }>(await database.db.execute(sql`SELECT hash FROM audit_event WHERE chain_seq = ${file.seq - 1}`))[0].hash;
      await database.db.execute(sql`DELETE FROM audit_event WHERE chain_seq >= ${file.seq} OR chain_seq IS NULL`);
      await database.db.execute(sql`UPDATE audit_chain_head SET seq = ${file.seq - 1}, hash = ${prev}`);
      await database.db.execute(sql`DELETE FROM audit_checkpoint`);
      // And one forged row past the head with the next entry number.
      await database.db.execute(sql`INSERT INTO audit_event (seq, id, at, actor_label, category, action, entity_type) SELECT max(seq) + 1, gen_random_uuid(), now(), 'ghost', 'admin', 'x', 'y' FROM audit_event`);
      await database.close();

      const bad = cli('verify', '--checkpoint', cpFile);
      assert.equal(bad.status, 3, bad.stderr + bad.stdout);
      assert.match(bad.stdout, new RegExp(`The checkpoint file counts position ${file.seq}, but the chain ends before it`));
      const garbage = path.join(dir, 'garbage.json');
      fs.writeFileSync(garbage, '{"format":"something else"}');
      const refused = cli('verify', '--checkpoint', garbage);
      assert.equal(refused.status, 1);
      assert.match(refused.stderr, /not a Polsam audit checkpoint/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
