/**
 * Audit benchmark (issues 6 and 12): audited writes with concurrent writers while the sealer links them into the
 * hash chain, and the time to verify a large log.
 *   1. W writers (default 32), each running audited transactions through the real `audit()` (content hash, one
 *      insert, no shared lock) for a fixed total; the real sealer runs beside them as in the server. Prints writes/s,
 *      the time the sealer needed to catch up afterwards, and its throughput.
 *   2. Verification of N entries: a chain computed here with the application's own hash functions is bulk-inserted
 *      (batches of 10,000), a checkpoint signed, then the real `verifyAudit` walks it.
 * Embedded PGlite by default; PostgreSQL when DATABASE_URL is set, or with --pg a PostgreSQL 15 cluster of its own
 * (initdb in /tmp, a free port; fsync on as in production unless --no-fsync). Prints `metric: value` lines.
 *   npm run bench:audit -- [--pg] [--no-fsync] [--writers 32] [--writes 20000] [--entries 1000000]
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { systemClock } from '../src/server/platform/clock.ts';
import { inTransaction, systemCtx } from '../src/server/platform/context.ts';
import { openPglite, openPostgres, rowsOf, runMigrations } from '../src/server/platform/db/client.ts';
import { audit } from '../src/server/platform/audit/audit.service.ts';
import { ephemeralAuditSigner, setAuditSigner } from '../src/server/platform/audit/audit-key.ts';
import { contentHash, GENESIS_HASH, linkHash } from '../src/server/platform/audit/audit.hash.ts';
import { sealAudit, startAuditSealer } from '../src/server/platform/audit/audit.seal.ts';
import { verifyAudit, writeCheckpoint } from '../src/server/modules/accountability/index.ts';
import { loadLine, startBenchPostgres } from './support/postgres.ts';

const { values } = parseArgs({ options: {
  pg: { type: 'boolean', default: false }, 'no-fsync': { type: 'boolean', default: false },
  writers: { type: 'string', default: '32' }, writes: { type: 'string', default: '20000' }, entries: { type: 'string', default: '1000000' },
} });
const WRITERS = Number(values.writers), W = Number(values.writes), N = Number(values.entries);
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
console.log(`load_average_start: ${load()}`);

// --pg: a cluster of the bench's own, as .ci/run does (fsync and synchronous commit on unless --no-fsync).
const own = values.pg ? await startBenchPostgres(!values['no-fsync']) : null;
const url = own?.url ?? process.env.DATABASE_URL;
const engine = url ? 'postgres' : 'pglite';
const dir = url ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'polsam-bench-audit-'));
const database = url ? await openPostgres(url, WRITERS + 4) : await openPglite(dir);
await runMigrations(database);
setAuditSigner(ephemeralAuditSigner());
const ctx = { ...systemCtx(database.db, systemClock, 'SE'), locale: 'en' as const };
const db = database.db;
const entry = (i: number) => ({
  category: 'consultation' as const, action: 'exchange.persons.view', entityType: 'request', entityId: randomUUID(),
  personIds: [randomUUID()], justification: `Bench consultation ${i} for case SE-2026-${String(i).padStart(6, '0')}`, details: { i, shown: 1 },
});
console.log(`engine: ${engine}`);
const setting = async (name: string) => rowsOf<Record<string, string>>(await db.execute(sql.raw(`SHOW ${name}`)))[0][name];
if (url) console.log(`postgres: ${own ? 'own cluster' : 'DATABASE_URL'}, fsync=${await setting('fsync')}, synchronous_commit=${await setting('synchronous_commit')}`);

await db.execute(sql`TRUNCATE audit_event, audit_chain_head, audit_checkpoint`);

// 1. Concurrent audited writes with the sealer running beside them.
const stopSealer = startAuditSealer(ctx, 200, (e) => console.error('sealer', e));
let next = 0;
let t = performance.now();
await Promise.all(Array.from({ length: WRITERS }, async () => {
  while (next < W) {
    const i = next++;
    await inTransaction(ctx, (tx) => audit(tx, entry(i)));
  }
}));
const writeMs = performance.now() - t;
const loadAfterWrites = load();
await stopSealer();
t = performance.now();
await sealAudit(ctx);
const catchUpMs = performance.now() - t;
const sealed = rowsOf<{ n: number }>(await db.execute(sql`SELECT count(*)::int AS n FROM audit_event WHERE chain_seq IS NOT NULL`))[0].n;
if (sealed !== W) throw new Error(`sealed ${sealed} of ${W}`);

// Seal throughput on its own: the same number of entries written first, then sealed in one go.
await db.execute(sql`TRUNCATE audit_event, audit_chain_head, audit_checkpoint`);
for (let from = 0; from < W; from += 500) {
  await Promise.all(Array.from({ length: Math.min(500, W - from) }, (_, k) => inTransaction(ctx, (tx) => audit(tx, entry(from + k)))));
}
t = performance.now();
await sealAudit(ctx);
const sealMs = performance.now() - t;

// 2. N entries forming one valid chain, bulk-inserted, then verified.
await db.execute(sql`TRUNCATE audit_event, audit_chain_head, audit_checkpoint`);
t = performance.now();
const BATCH = 10_000;
let prev = GENESIS_HASH;
const start = Date.parse('2026-01-01T00:00:00Z');
for (let from = 1; from <= N; from += BATCH) {
  const rows = [];
  for (let seq = from; seq < Math.min(from + BATCH, N + 1); seq++) {
    const e = entry(seq);
    const r = {
      id: randomUUID(), at: new Date(start + seq * 1000), actorId: null, actorLabel: 'system', category: e.category, action: e.action,
      entityType: e.entityType, entityId: e.entityId, personIds: e.personIds, justification: e.justification, recipient: null, details: e.details,
    };
    const ch = contentHash(r);
    const hash = linkHash(prev, seq, seq, ch);
    rows.push({ ...r, seq, at: r.at.toISOString(), content_hash: ch, prev_hash: prev, hash });
    prev = hash;
  }
  await db.execute(sql`
    INSERT INTO audit_event (seq, id, at, actor_label, category, action, entity_type, entity_id, person_ids, justification, details, txid, content_hash, chain_seq, prev_hash, hash)
    SELECT seq, id, at, "actorLabel", category, action, "entityType", "entityId", "personIds", justification, details, 1, content_hash, seq, prev_hash, hash
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(seq bigint, id uuid, at timestamptz, "actorLabel" text, category text, action text,
      "entityType" text, "entityId" text, "personIds" uuid[], justification text, details jsonb, content_hash text, prev_hash text, hash text)`);
}
await db.execute(sql`INSERT INTO audit_chain_head (id, seq, hash) VALUES (1, ${N}, ${prev})`);
await db.execute(sql`SELECT setval('audit_event_seq', ${N + 1}, false)`);
await db.execute(sql`ANALYZE audit_event`);
const fillMs = performance.now() - t;
await writeCheckpoint(ctx, { force: true });
const v = await verifyAudit(ctx, { record: false });
if (!v.ok || v.entries !== N) throw new Error(`verification failed: ${JSON.stringify(v)}`);

console.log(`writers: ${WRITERS}`);
console.log(`audited_writes: ${W}`);
console.log(`audited_writes_per_s: ${(W / (writeMs / 1000)).toFixed(0)}`);
console.log(`audited_write_ms_mean: ${((writeMs * WRITERS) / W).toFixed(2)}`);
console.log(`seal_catch_up_after_writes_ms: ${catchUpMs.toFixed(0)}`);
console.log(`seal_entries_per_s: ${(W / (sealMs / 1000)).toFixed(0)}`);
console.log(`load_average_after_writes: ${loadAfterWrites}`);
console.log(`verify_entries: ${v.entries}`);
console.log(`verify_fill_s: ${(fillMs / 1000).toFixed(1)}`);
console.log(`verify_s: ${(v.durationMs / 1000).toFixed(2)}`);
console.log(`verify_entries_per_s: ${(v.entries / (v.durationMs / 1000)).toFixed(0)}`);
console.log(`load_average_end: ${load()}`);
console.log(`machine: ${loadLine()}`);

await database.close();
own?.stop();
if (dir) fs.rmSync(dir, { recursive: true, force: true });
