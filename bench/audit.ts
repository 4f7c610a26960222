/**
 * Audit benchmark (issue 6: accountability): the cost of the hash chain and the time to verify a large log.
 *   1. Write throughput of audited writes, one transaction each as the application does them: through the real
 *      `audit()` (lock the chain head, canonical JSON, SHA-256, move the head) and, for comparison, the same row
 *      inserted without the chain (no head lock, no hash).
 *   2. Verification of N entries (default 1,000,000): the chain is computed in this script with the application's
 *      own hash function (`entryHash`) and bulk-inserted with SQL in batches of 10,000 rows (jsonb_to_recordset);
 *      a signed checkpoint is written; then the real `verifyAudit` walks the whole chain.
 * Embedded PGlite by default; PostgreSQL when DATABASE_URL is set. Prints `metric: value` lines.
 *   npm run bench:audit [-- --writes 2000 --entries 1000000]
 */
import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { systemClock } from '../src/server/platform/clock.ts';
import { inTransaction, systemCtx } from '../src/server/platform/context.ts';
import { openPglite, openPostgres, runMigrations } from '../src/server/platform/db/client.ts';
import { audit } from '../src/server/platform/audit/audit.service.ts';
import { GENESIS_HASH } from '../src/server/platform/audit/audit.repository.ts';
import { entryHash } from '../src/server/platform/audit/audit.verify.ts';
import { verifyAudit, writeCheckpoint } from '../src/server/modules/accountability/index.ts';

const { values } = parseArgs({ options: { writes: { type: 'string', default: '2000' }, entries: { type: 'string', default: '1000000' } } });
const W = Number(values.writes), N = Number(values.entries);
const url = process.env.DATABASE_URL;
const engine = url ? 'postgres' : 'pglite';
const dir = url ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'polsam-bench-audit-'));
const database = url ? await openPostgres(url) : await openPglite(dir);
await runMigrations(database);
const ctx = { ...systemCtx(database.db, systemClock, 'SE'), locale: 'en' as const };
const db = database.db;
const entry = (i: number) => ({
  category: 'consultation' as const, action: 'exchange.persons.view', entityType: 'request', entityId: randomUUID(),
  personIds: [randomUUID()], justification: `Bench consultation ${i} for case SE-2026-${String(i).padStart(6, '0')}`, details: { i, shown: 1 },
});

// A clean log for each run (the bench owns its database).
await db.execute(sql`TRUNCATE audit_event, audit_chain_head, audit_checkpoint`);

// 1a. With the chain: the real audit().
let t = performance.now();
for (let i = 0; i < W; i++) await inTransaction(ctx, (tx) => audit(tx, entry(i)));
const chainedMs = performance.now() - t;

// 1b. Without the chain: the same row, no head lock, no hash (what an unchained log would cost).
t = performance.now();
for (let i = 0; i < W; i++) {
  const e = entry(i);
  await inTransaction(ctx, (tx) => tx.db.execute(sql`
    INSERT INTO audit_event (seq, id, at, actor_id, actor_label, category, action, entity_type, entity_id, person_ids, justification, recipient, details, request_id, prev_hash, hash)
    VALUES (${10_000_000 + i}, ${randomUUID()}, now(), NULL, 'system', ${e.category}, ${e.action}, ${e.entityType}, ${e.entityId},
      ARRAY[${e.personIds[0]}]::uuid[], ${e.justification}, NULL, ${JSON.stringify(e.details)}::jsonb, NULL, '', '')`));
}
const plainMs = performance.now() - t;

// 2. N entries forming one valid chain, bulk-inserted.
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
      seq, id: randomUUID(), at: new Date(start + seq * 1000), actorId: null, actorLabel: 'system', category: e.category, action: e.action,
      entityType: e.entityType, entityId: e.entityId, personIds: e.personIds, justification: e.justification, recipient: null, details: e.details,
    };
    const hash = entryHash(prev, r);
    rows.push({ ...r, at: r.at.toISOString(), prev_hash: prev, hash });
    prev = hash;
  }
  await db.execute(sql`
    INSERT INTO audit_event (seq, id, at, actor_id, actor_label, category, action, entity_type, entity_id, person_ids, justification, recipient, details, request_id, prev_hash, hash)
    SELECT seq, id, at, NULL, "actorLabel", category, action, "entityType", "entityId", "personIds", justification, NULL, details, NULL, prev_hash, hash
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(seq bigint, id uuid, at timestamptz, "actorLabel" text, category text, action text,
      "entityType" text, "entityId" text, "personIds" uuid[], justification text, details jsonb, prev_hash text, hash text)`);
}
await db.execute(sql`INSERT INTO audit_chain_head (id, seq, hash) VALUES (1, ${N}, ${prev})`);
await db.execute(sql`ANALYZE audit_event`);
const fillMs = performance.now() - t;
await writeCheckpoint(ctx, { force: true });

const v = await verifyAudit(ctx, { record: false });
if (!v.ok || v.entries !== N) throw new Error(`verification failed: ${JSON.stringify(v)}`);

console.log(`engine: ${engine}`);
console.log(`audited_writes: ${W}`);
console.log(`audited_writes_per_s_with_chain: ${(W / (chainedMs / 1000)).toFixed(0)}`);
console.log(`audited_writes_per_s_without_chain: ${(W / (plainMs / 1000)).toFixed(0)}`);
console.log(`audited_write_ms_with_chain: ${(chainedMs / W).toFixed(3)}`);
console.log(`audited_write_ms_without_chain: ${(plainMs / W).toFixed(3)}`);
console.log(`chain_overhead_pct: ${(((chainedMs - plainMs) / plainMs) * 100).toFixed(1)}`);
console.log(`verify_entries: ${v.entries}`);
console.log(`verify_fill_s: ${(fillMs / 1000).toFixed(1)}`);
console.log(`verify_s: ${(v.durationMs / 1000).toFixed(2)}`);
console.log(`verify_entries_per_s: ${(v.entries / (v.durationMs / 1000)).toFixed(0)}`);

await database.close();
if (dir) fs.rmSync(dir, { recursive: true, force: true });
