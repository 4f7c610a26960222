import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import canonicalize from 'canonicalize';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { inTransaction } from '../context.ts';
import { openPglite, openPostgres, rowsOf, runMigrations, type Database } from '../db/client.ts';
import { createTestEnv, type TestEnv } from '../../testing/harness.ts';
import { verifyAudit } from '../../modules/accountability/index.ts';
import { audit } from './audit.service.ts';
import { sealAudit } from './audit.seal.ts';

const q = async <T>(db: Database['db'], s: ReturnType<typeof sql>) => rowsOf<T>(await db.execute(s));

describe('sealing the audit chain', () => {
  let env: TestEnv;
  before(async () => {
    env = await createTestEnv();
  });
  after(() => env.close());

  test('32 concurrent writers, some rolling back: every committed entry is sealed once, gap-free, and nothing else', async () => {
    const committed = new Set<string>();
    let writing = true;
    let rounds = 0;
    // A sealer runs all the time the writers do, as in the server.
    const sealer = (async () => {
      while (writing) {
        await sealAudit(env.ctx);
        rounds++;
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    await Promise.all(Array.from({ length: 32 }, async (_, w) => {
      for (let i = 0; i < 8; i++) {
        const marker = `w${w}-${i}`;
        const rollBack = (w + i) % 4 === 0;
        await inTransaction(env.ctx, async (tx) => {
          await audit(tx, { category: 'admin', action: 'test.concurrent', entityType: 'test', entityId: `${marker}-a` });
          await audit(tx, { category: 'admin', action: 'test.concurrent', entityType: 'test', entityId: `${marker}-b` });
          if (rollBack) throw new Error('rolled back on purpose');
        }).catch((e: Error) => assert.equal(e.message, 'rolled back on purpose'));
        if (!rollBack) committed.add(`${marker}-a`).add(`${marker}-b`);
      }
    }));
    writing = false;
    await sealer;
    // The horizon is cluster-wide: a transaction in another database (a parallel test file) may hold it back a moment.
    for (let k = 0; k < 200; k++) {
      await sealAudit(env.ctx);
      if (!(await q<{ n: number }>(env.database.db, sql`SELECT count(*)::int AS n FROM audit_event WHERE chain_seq IS NULL`))[0].n) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.ok(rounds > 0);
    const rows = await q<{ entity_id: string; seq: number; chain_seq: number | null }>(env.database.db,
      sql`SELECT entity_id, seq::int AS seq, chain_seq::int AS chain_seq FROM audit_event WHERE action = 'test.concurrent'`);
    assert.deepEqual(new Set(rows.map((r) => r.entity_id)), committed, 'exactly the committed entries are there');
    assert.equal(rows.length, committed.size);
    assert.ok(rows.every((r) => r.chain_seq !== null), 'every committed entry is sealed');
    const chain = await q<{ n: number; max: number; min: number; distinct: number }>(env.database.db,
      sql`SELECT count(*)::int AS n, max(chain_seq)::int AS max, min(chain_seq)::int AS min, count(DISTINCT chain_seq)::int AS distinct FROM audit_event`);
    assert.deepEqual([chain[0].min, chain[0].max, chain[0].distinct], [1, chain[0].n, chain[0].n], 'positions 1..n, each once');
    // Rolled-back transactions used entry numbers too: the numbers have gaps, the chain has none.
    const seqs = await q<{ span: number; n: number }>(env.database.db, sql`SELECT (max(seq) - min(seq) + 1)::int AS span, count(*)::int AS n FROM audit_event`);
    assert.ok(seqs[0].span > seqs[0].n, 'entry numbers have gaps from rollbacks');
    const v = await verifyAudit({ ...env.ctx, locale: 'en' }, { record: false });
    assert.equal(v.ok, true, JSON.stringify(v.problem));
    assert.equal(v.entries, chain[0].n);
    assert.equal(v.unsealed, 0);
  });

  test('an entry of a transaction still open is not sealed, even by a sealer inside that transaction', async () => {
    await sealAudit(env.ctx);
    const headBefore = (await q<{ seq: number }>(env.database.db, sql`SELECT seq::int AS seq FROM audit_chain_head`))[0].seq;
    await inTransaction(env.ctx, async (tx) => {
      const seq = await audit(tx, { category: 'admin', action: 'test.open', entityType: 'test' });
      const r = await sealAudit(tx);
      assert.equal(r.sealed, 0);
      assert.equal(r.head.seq, headBefore);
      const mine = await q<{ chain_seq: number | null }>(tx.db, sql`SELECT chain_seq FROM audit_event WHERE seq = ${seq}`);
      assert.equal(mine[0].chain_seq, null, 'it could still roll back');
      throw new Error('roll back');
    }).catch(() => undefined);
    assert.equal((await q<{ n: number }>(env.database.db, sql`SELECT count(*)::int AS n FROM audit_event WHERE action = 'test.open'`))[0].n, 0);
    assert.equal((await verifyAudit({ ...env.ctx, locale: 'en' }, { record: false })).ok, true);
  });
});

/** A database migrated only up to (and including) the given migration tag. */
async function databaseUpTo(tag: string): Promise<{ database: Database; folder: string; drop: () => Promise<void> }> {
  const src = path.resolve(import.meta.dirname, '../../../../migrations');
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'polsam-migrations-'));
  const journal = JSON.parse(fs.readFileSync(path.join(src, 'meta/_journal.json'), 'utf8'));
  const upto = journal.entries.findIndex((e: { tag: string }) => e.tag === tag);
  journal.entries = journal.entries.slice(0, upto + 1);
  fs.mkdirSync(path.join(folder, 'meta'));
  fs.writeFileSync(path.join(folder, 'meta/_journal.json'), JSON.stringify(journal));
  for (const e of journal.entries) fs.copyFileSync(path.join(src, `${e.tag}.sql`), path.join(folder, `${e.tag}.sql`));
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const database = await openPglite(null);
    await migratePglite(database.db as never, { migrationsFolder: folder });
    return { database, folder, drop: async () => {} };
  }
  const name = `polsam_test_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openPostgres(u.toString(), 3);
  await migratePg(database.db as never, { migrationsFolder: folder });
  return {
    database, folder, drop: async () => {
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

describe('migrating a chain written under the head lock', () => {
  test('old entries keep their hashes and verify, new entries continue the chain, the old private key is dropped', async () => {
    const { database, folder, drop } = await databaseUpTo('0014_channels');
    try {
      // Five entries exactly as the locked writer made them: SHA-256 over canonical [prevHash, seq, content…].
      let prev = '0'.repeat(64);
      for (let seq = 1; seq <= 5; seq++) {
        const e = { id: randomUUID(), at: new Date(Date.UTC(2026, 0, seq)), details: { seq, z: 1, a: [seq] } };
        const hash = createHash('sha256').update(canonicalize([prev, seq, e.id, e.at.toISOString(), null, 'system', 'admin', 'legacy.act',
          'test', `old-${seq}`, [], null, null, e.details]) as string).digest('hex');
        await database.db.execute(sql`INSERT INTO audit_event (seq, id, at, actor_label, category, action, entity_type, entity_id, details, prev_hash, hash)
          VALUES (${seq}, ${e.id}, ${e.at.toISOString()}, 'system', 'admin', 'legacy.act', 'test', ${`old-${seq}`}, ${JSON.stringify(e.details)}::jsonb, ${prev}, ${hash})`);
        prev = hash;
      }
      await database.db.execute(sql`INSERT INTO audit_chain_head (id, seq, hash) VALUES (1, 5, ${prev})`);
      await database.db.execute(sql`INSERT INTO signing_key (id, purpose, algorithm, public_key, private_key, created_at)
        VALUES ('old', 'audit.checkpoint', 'ed25519', 'x', 'PRIVATE KEY THAT LIVED IN THE DATABASE', now())`);
      await runMigrations(database);
      assert.deepEqual(await q(database.db, sql`SELECT private_key FROM signing_key`), [{ private_key: null }]);
      const env = await createTestEnv({ database });
      try {
        const seq = await inTransaction(env.ctx, (tx) => audit(tx, { category: 'admin', action: 'new.act', entityType: 'test' }));
        assert.ok(seq > 5, 'numbering continues after the old entries');
        const v = await verifyAudit({ ...env.ctx, locale: 'en' }, { record: false });
        assert.equal(v.ok, true, JSON.stringify(v.problem));
        assert.ok(v.entries + v.unsealed >= 6);
        await env.database.db.execute(sql`UPDATE audit_event SET entity_id = 'changed' WHERE seq = 3`);
        const bad = await verifyAudit({ ...env.ctx, locale: 'en' }, { record: false });
        assert.deepEqual([bad.problem?.kind, bad.problem?.seq, bad.problem?.entry], ['altered', 3, 3]);
      } finally {
        await env.app.close();
      }
    } finally {
      await database.close();
      await drop();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
