/**
 * Matching at scale (issue 3): loads N synthetic persons (default 1,000,000) into the candidate index through
 * the real indexing path (`indexSubjects`, batches in transactions), then measures the cross-check of one
 * request with five persons: index the five and find their matches, in a transaction rolled back afterwards.
 * Names are drawn from the shipped name data (src/server/modules/matching/data): Latin parts by their corpus
 * frequency, Cyrillic, Arabic, Hebrew, Han, kana and Hangul parts weighted by the frequency of their Latin form.
 * Embedded PGlite by default (a temporary data folder); PostgreSQL when DATABASE_URL is set.
 *   npm run bench:matching-scale [-- --persons 100000 --checks 200 --batch 1000]
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
import { findMatches, INDEX_LIMITS, indexSize, indexSubjects, preparePerson, type SubjectInput } from '../src/server/modules/matching/index.ts';

const { values } = parseArgs({ options: {
  persons: { type: 'string', default: '1000000' }, checks: { type: 'string', default: '200' }, batch: { type: 'string', default: '1000' },
  seed: { type: 'string', default: '42' }, cap: { type: 'string' }, topk: { type: 'string' },
} });
const N = Number(values.persons), CHECKS = Number(values.checks), BATCH = Number(values.batch);
// Recall limits may be varied to study their effect (defaults: candidate-index.ts).
if (values.cap) INDEX_LIMITS.cap = Number(values.cap);
if (values.topk) INDEX_LIMITS.topK = Number(values.topk);

// A small deterministic generator (mulberry32): the same seed gives the same register.
let state = Number(values.seed) >>> 0;
const rnd = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const dataDir = path.resolve(import.meta.dirname, '../src/server/modules/matching/data');
const readJson = <T>(f: string): T => JSON.parse(fs.readFileSync(path.join(dataDir, f), 'utf8')) as T;
const freq = readJson<Record<string, number>>('name-freq.json');

/** A sampler over weighted items (cumulative weights, binary search). */
function sampler<T>(items: [T, number][]): () => T {
  const cum: number[] = [];
  let total = 0;
  for (const [, w] of items) cum.push((total += w));
  return () => {
    const x = rnd() * total;
    let lo = 0, hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! < x) lo = mid + 1; else hi = mid;
    }
    return items[lo]![0];
  };
}

const latin = sampler(Object.entries(freq).filter(([k]) => /^[a-z]{2,}$/.test(k)).map(([k, n]) => [k[0]!.toUpperCase() + k.slice(1), n]));
// Native parts: weight by how common their Latin reading is (+1 so unattested readings still occur).
const nativeOf = (file: string) => sampler(Object.entries(readJson<Record<string, string[]>>(file)).map(([k, v]) => [[k, v[0] ?? ''] as [string, string], 1 + (freq[v[0] ?? ''] ?? 0)]));
const SCRIPTS: [string, number, () => [string, string]][] = [
  ['Cyrl', 0.15, nativeOf('translit-cyrl.json')], ['Arab', 0.12, nativeOf('translit-arab.json')], ['Hani', 0.06, nativeOf('translit-hani.json')],
  ['Kana', 0.04, nativeOf('translit-kana.json')], ['Hang', 0.04, nativeOf('translit-hang.json')], ['Hebr', 0.04, nativeOf('translit-hebr.json')],
];
const COUNTRIES = ['SE', 'FI', 'NO', 'DK', 'DE', 'PL', 'RU', 'UA', 'IQ', 'SY', 'AF', 'IR', 'CN', 'JP', 'KR', 'IL', 'TR', 'RS', 'RO', 'GB', 'FR', 'ES', 'IT', 'NL', 'US'];

interface Synthetic { subject: SubjectInput; latin: string }

/** One synthetic person: its name in its own script, and the Latin reading a foreign request might use. */
function person(): Synthetic {
  let r = rnd();
  let names: [string, string][] = [];
  for (const [, share, pick] of SCRIPTS) {
    if (r < share) { names = [pick(), pick()]; break; }
    r -= share;
  }
  if (!names.length) names = [[latin(), ''], [latin(), '']];
  const written = names.map(([n]) => n).join(' ');
  const reading = names.map(([n, l]) => (l ? l[0]!.toUpperCase() + l.slice(1) : n)).join(' ');
  const y = 1940 + Math.floor(rnd() * 66), m = 1 + Math.floor(rnd() * 12), d = 1 + Math.floor(rnd() * 28);
  const birthDate = rnd() < 0.85 ? `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` : null;
  const aliases = rnd() < 0.2 ? [[latin(), names[1]![1] || names[1]![0]].join(' ')] : [];
  return {
    latin: reading,
    subject: {
      kind: 'external', sourceId: randomUUID(), reference: '', names: [written, ...aliases], birthDate,
      nationalities: [COUNTRIES[Math.floor(rnd() * COUNTRIES.length)]!], gender: rnd() < 0.5 ? 'male' : 'female',
    },
  };
}

const url = process.env.DATABASE_URL;
const engine = url ? 'postgres' : 'pglite';
const dir = url ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'polsam-bench-matching-'));
const database = url ? await openPostgres(url) : await openPglite(dir);
await runMigrations(database);
const ctx = systemCtx(database.db, systemClock, 'SE');
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const fmt = (x: number) => Math.round(x * 10) / 10;

// Keep a sample of stored persons to query for (in another spelling: their Latin reading, family name first).
const probes: Synthetic[] = [];
const t0 = performance.now();
let lastReport = t0;
for (let done = 0; done < N; done += BATCH) {
  const batch = Array.from({ length: Math.min(BATCH, N - done) }, person);
  for (const p of batch) if (probes.length < 2000 && rnd() < 0.01) probes.push(p);
  await inTransaction(ctx, (tx) => indexSubjects(tx, batch.map((b) => b.subject)));
  if (performance.now() - lastReport > 30_000) {
    lastReport = performance.now();
    console.error(`  … ${done + batch.length} persons in ${fmt((lastReport - t0) / 1000)} s`);
  }
}
const buildMs = performance.now() - t0;
// What autovacuum would have done by now on a live system: statistics, and the visibility map for index-only scans.
await database.db.execute(sql`VACUUM ANALYZE match_subject`);
await database.db.execute(sql`VACUUM ANALYZE match_key`);
const size = await indexSize(database.db);
const bytes = rowsOf<{ db: string; subjects: string; keys: string }>(await database.db.execute(sql`
  SELECT pg_database_size(current_database())::text AS db, pg_total_relation_size('match_subject')::text AS subjects,
    pg_total_relation_size('match_key')::text AS keys`))[0]!;

class Rollback extends Error {}
const reorder = (name: string) => { const parts = name.split(' '); return parts.length > 1 ? `${parts.at(-1)!.toUpperCase()}, ${parts.slice(0, -1).join(' ')}` : name; };
const latencies: number[] = [];
const recallHits: number[] = [];
for (let i = 0; i < CHECKS + 20; i++) {
  // Five persons: three stored ones written differently (Latin reading, family name first), two new ones.
  const known = [0, 1, 2].map(() => probes[Math.floor(rnd() * probes.length)]!);
  const fresh = [person(), person()];
  const query: SubjectInput[] = [
    ...known.map((k) => ({ ...k.subject, sourceId: randomUUID(), names: [reorder(k.latin)] })),
    ...fresh.map((f) => ({ ...f.subject, sourceId: randomUUID() })),
  ];
  const start = performance.now();
  let found: string[][] = [];
  try {
    await inTransaction(ctx, async (tx) => {
      await indexSubjects(tx, query);
      const people = query.map((q) => ({ names: q.names, prepared: preparePerson({ names: q.names, birthDate: q.birthDate, nationalities: q.nationalities, gender: q.gender as 'male' }), birthDate: q.birthDate ?? null }));
      const ids = new Set(query.map((q) => q.sourceId));
      const matches = await findMatches(tx, people, { filter: sql`s.active`, minScore: 0.65 });
      found = matches.map((list) => list.filter((m) => !ids.has(m.subject.source_id)).map((m) => m.subject.source_id));
      throw new Rollback();
    });
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
  }
  const ms = performance.now() - start;
  if (i >= 20) {
    latencies.push(ms);
    known.forEach((k, j) => recallHits.push(found[j]!.includes(k.subject.sourceId) ? 1 : 0));
  }
}

const mb = (x: number | string) => fmt(Number(x) / 1048576);
console.log(`engine: ${engine}`);
console.log(`key_cap: ${INDEX_LIMITS.cap}`);
console.log(`scored_per_person: ${INDEX_LIMITS.topK}`);
console.log(`persons: ${N}`);
console.log(`index_subjects: ${size.subjects}`);
console.log(`index_keys: ${size.keys}`);
console.log(`index_build_s: ${fmt(buildMs / 1000)}`);
console.log(`index_build_persons_per_s: ${Math.round(N / (buildMs / 1000))}`);
console.log(`db_size_mb: ${mb(bytes.db)}`);
console.log(`match_subject_mb: ${mb(bytes.subjects)}`);
console.log(`match_key_mb: ${mb(bytes.keys)}`);
console.log(`process_rss_mb: ${mb(process.memoryUsage().rss)}`);
console.log(`crosscheck_5_persons_p50_ms: ${fmt(pct(latencies, 50))}`);
console.log(`crosscheck_5_persons_p95_ms: ${fmt(pct(latencies, 95))}`);
console.log(`crosscheck_5_persons_p99_ms: ${fmt(pct(latencies, 99))}`);
console.log(`crosscheck_known_person_recall: ${fmt((recallHits.reduce((a, b) => a + b, 0) / recallHits.length) * 1000) / 1000}`);
await database.close();
if (dir) fs.rmSync(dir, { recursive: true, force: true });
