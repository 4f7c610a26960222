/**
 * Matching at scale (issue 3): loads N synthetic persons (default 1,000,000) into the candidate index through
 * the real indexing path (`indexSubjects`, batches in transactions), then measures the cross-check of one
 * request with five persons: index the five and find their matches, in a transaction rolled back afterwards.
 * Names are drawn from the shipped name data (src/server/modules/matching/data): Latin parts by their corpus
 * frequency, Cyrillic, Arabic, Hebrew, Han, kana and Hangul parts weighted by the frequency of their Latin form.
 * Embedded PGlite by default (a temporary data folder); PostgreSQL when DATABASE_URL is set.
 * The register is generated from a seed, ids included: with `--reuse` and a database that already holds it (a
 * previous run against the same DATABASE_URL), only the cross-checks are timed.
 *   npm run bench:matching-scale [-- --persons 100000 --checks 200 --batch 1000 --reuse]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { systemClock } from '../src/server/platform/clock.ts';
import { inTransaction, systemCtx } from '../src/server/platform/context.ts';
import { openPglite, openPostgres, rowsOf, runMigrations } from '../src/server/platform/db/client.ts';
import { findMatches, INDEX_LIMITS, indexSize, indexSubjects, preparePerson, refreshKeyStatistics, type SubjectInput } from '../src/server/modules/matching/index.ts';

const { values } = parseArgs({ options: {
  persons: { type: 'string', default: '1000000' }, checks: { type: 'string', default: '200' }, batch: { type: 'string', default: '1000' },
  seed: { type: 'string', default: '42' }, cap: { type: 'string' }, topk: { type: 'string' }, prelimit: { type: 'string' }, reuse: { type: 'boolean', default: false },
} });
const N = Number(values.persons), CHECKS = Number(values.checks), BATCH = Number(values.batch);
// Recall limits may be varied to study their effect (defaults: candidate-index.ts).
if (values.cap) INDEX_LIMITS.cap = Number(values.cap);
if (values.topk) INDEX_LIMITS.topK = Number(values.topk);
if (values.prelimit) INDEX_LIMITS.preLimit = Number(values.prelimit);

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

/** A version-4 uuid drawn from the seeded generator (the same seed gives the same ids). */
function uuid(): string {
  const h = Array.from({ length: 16 }, () => Math.floor(rnd() * 256));
  h[6] = (h[6]! & 0x0f) | 0x40;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

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
      kind: 'external', sourceId: uuid(), reference: '', names: [written, ...aliases], birthDate,
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
const reuse = values.reuse && (await indexSize(database.db)).subjects === N;
const t0 = performance.now();
let lastReport = t0;
for (let done = 0; done < N; done += BATCH) {
  const batch = Array.from({ length: Math.min(BATCH, N - done) }, person);
  for (const p of batch) if (probes.length < 2000 && rnd() < 0.01) probes.push(p);
  if (!reuse) await inTransaction(ctx, (tx) => indexSubjects(tx, batch.map((b) => b.subject)));
  if (performance.now() - lastReport > 30_000) {
    lastReport = performance.now();
    console.error(`  … ${done + batch.length} persons in ${fmt((lastReport - t0) / 1000)} s`);
  }
}
const buildMs = performance.now() - t0;
if (!reuse) {
  // What autovacuum would have done by now on a live system: statistics, and the visibility map for index-only scans.
  await database.db.execute(sql`VACUUM ANALYZE match_subject`);
  await database.db.execute(sql`VACUUM ANALYZE match_key`);
}
// What the recurring key-statistics job would have done by now (timed: it runs in the background on a live system).
const statsStart = performance.now();
const statKeys = await refreshKeyStatistics(ctx);
const statsMs = performance.now() - statsStart;
const size = await indexSize(database.db);
const bytes = rowsOf<{ db: string; subjects: string; keys: string }>(await database.db.execute(sql`
  SELECT pg_database_size(current_database())::text AS db, pg_total_relation_size('match_subject')::text AS subjects,
    pg_total_relation_size('match_key')::text AS keys`))[0]!;

class Rollback extends Error {}
const reorder = (name: string) => { const parts = name.split(' '); return parts.length > 1 ? `${parts.at(-1)!.toUpperCase()}, ${parts.slice(0, -1).join(' ')}` : name; };
const latencies: number[] = [];
const indexMs: number[] = [];
const findMs: number[] = [];
const recallDated: number[] = [];
const recallUndated: number[] = [];
for (let i = 0; i < CHECKS + 20; i++) {
  // Five persons: three stored ones written differently (Latin reading, family name first), two new ones.
  const known = [0, 1, 2].map(() => probes[Math.floor(rnd() * probes.length)]!);
  const fresh = [person(), person()];
  const query: SubjectInput[] = [
    ...known.map((k) => ({ ...k.subject, sourceId: uuid(), names: [reorder(k.latin)] })),
    ...fresh.map((f) => ({ ...f.subject, sourceId: uuid() })),
  ];
  const start = performance.now();
  let indexedAt = start;
  let foundAt = start;
  let found: string[][] = [];
  try {
    await inTransaction(ctx, async (tx) => {
      await indexSubjects(tx, query);
      indexedAt = performance.now();
      const people = query.map((q) => ({ names: q.names, prepared: preparePerson({ names: q.names, birthDate: q.birthDate, nationalities: q.nationalities, gender: q.gender as 'male' }), birthDate: q.birthDate ?? null }));
      const ids = new Set(query.map((q) => q.sourceId));
      // As the product does for a request: active subjects other than the request's own persons.
      const own = sql`${`{${[...ids].join(',')}}`}::uuid[]`;
      const matches = await findMatches(tx, people, { filter: sql`s.active AND s.source_id <> ALL (${own})`, minScore: 0.65 });
      foundAt = performance.now();
      found = matches.map((list) => list.filter((m) => !ids.has(m.subject.source_id)).map((m) => m.subject.source_id));
      throw new Rollback();
    });
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
  }
  const ms = performance.now() - start;
  if (i >= 20) {
    latencies.push(ms);
    indexMs.push(indexedAt - start);
    findMs.push(foundAt - indexedAt);
    known.forEach((k, j) => (k.subject.birthDate ? recallDated : recallUndated).push(found[j]!.includes(k.subject.sourceId) ? 1 : 0));
  }
}

const mb = (x: number | string) => fmt(Number(x) / 1048576);
console.log(`engine: ${engine}`);
console.log(`key_cap: ${INDEX_LIMITS.cap}`);
console.log(`ranked_per_person: ${INDEX_LIMITS.preLimit}`);
console.log(`scored_per_person: ${INDEX_LIMITS.topK}`);
console.log(`persons: ${N}`);
console.log(`index_subjects: ${size.subjects}`);
console.log(`index_keys: ${size.keys}`);
if (reuse) console.log('index_build_s: (reused from an earlier run)');
else {
  console.log(`index_build_s: ${fmt(buildMs / 1000)}`);
  console.log(`index_build_persons_per_s: ${Math.round(N / (buildMs / 1000))}`);
}
console.log(`key_statistics_refresh_s: ${fmt(statsMs / 1000)} (${statKeys} common keys)`);
console.log(`db_size_mb: ${mb(bytes.db)}`);
console.log(`match_subject_mb: ${mb(bytes.subjects)}`);
console.log(`match_key_mb: ${mb(bytes.keys)}`);
console.log(`process_rss_mb: ${mb(process.memoryUsage().rss)}`);
console.log(`crosscheck_5_persons_p50_ms: ${fmt(pct(latencies, 50))}`);
console.log(`crosscheck_5_persons_p95_ms: ${fmt(pct(latencies, 95))}`);
console.log(`crosscheck_5_persons_p99_ms: ${fmt(pct(latencies, 99))}`);
console.log(`indexing_the_5_p50_ms: ${fmt(pct(indexMs, 50))}`);
console.log(`finding_and_scoring_p50_ms: ${fmt(pct(findMs, 50))}`);
console.log(`finding_and_scoring_p95_ms: ${fmt(pct(findMs, 95))}`);
console.log(`finding_and_scoring_p99_ms: ${fmt(pct(findMs, 99))}`);
const share = (xs: number[]) => (xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length)).toFixed(3);
console.log(`crosscheck_known_person_recall: ${share([...recallDated, ...recallUndated])}`);
console.log(`  with_birth_date: ${share(recallDated)} (${recallDated.length} queries)`);
console.log(`  without_birth_date: ${share(recallUndated)} (${recallUndated.length} queries)`);
await database.close();
if (dir) fs.rmSync(dir, { recursive: true, force: true });
