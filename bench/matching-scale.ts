/**
 * Cross-check at scale (issues 3, 12): loads N persons (default 1,000,000) into the candidate index through the real
 * indexing path (`indexSubjects`, batches in transactions), then times the product's whole cross-check of one
 * request with five persons — `crossCheckRequestPersons`, as registration calls it: index the five, find and score
 * their matches, store the hits, write the audit entry and notify the unit's desk — in a transaction rolled back
 * afterwards (the request and its persons are inserted first, untimed).
 * Names are not the engine's own: given and family names are drawn from the external screening haystack
 * (../shared/namebench/screen_records.tsv: Latin, Han, Arabic, Devanagari, Hangul, Cyrillic, Thai …), given names by
 * gender, each part as often as it occurs there, and recombined. Three of the five persons are stored ones written as
 * another country might: `FAMILY, Given`, and in half of them one letter doubled or dropped.
 * `--pg` starts a private PostgreSQL 15 (fsync on); DATABASE_URL uses yours; otherwise embedded PGlite. The register
 * is generated from a seed, ids included: with `--reuse` and a DATABASE_URL that already holds it, only the checks run.
 *   npm run bench:matching-scale [-- --pg --persons 1000000 --checks 300 --batch 1000 --reuse --cap 200 --topk 10 --prelimit 14]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { systemClock } from '../src/server/platform/clock.ts';
import { loadConfig } from '../src/server/platform/config.ts';
import { inTransaction, systemCtx } from '../src/server/platform/context.ts';
import { openPglite, openPostgres, rowsOf, runMigrations } from '../src/server/platform/db/client.ts';
import { firstStart } from '../src/server/bootstrap.ts';
import { createUser, findUnitByCode } from '../src/server/modules/identity/index.ts';
import { crossCheckRequestPersons, INDEX_LIMITS, indexSize, indexSubjects, refreshKeyStatistics, type SubjectInput } from '../src/server/modules/matching/index.ts';
import { parseDelimited } from './matching-io.ts';
import { benchDatabaseUrl, loadLine } from './support/postgres.ts';

const { values } = parseArgs({ options: {
  persons: { type: 'string', default: '1000000' }, checks: { type: 'string', default: '300' }, batch: { type: 'string', default: '1000' },
  seed: { type: 'string', default: '42' }, cap: { type: 'string' }, topk: { type: 'string' }, prelimit: { type: 'string' }, reuse: { type: 'boolean', default: false },
  pg: { type: 'boolean', default: false }, 'pg-unsafe': { type: 'boolean', default: false },
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
const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!;

// Name pools from the external haystack, per script (a part occurs as often as it does there).
const haystack = path.resolve(import.meta.dirname, '..', '..', 'shared', 'namebench', 'screen_records.tsv');
if (!fs.existsSync(haystack)) throw new Error(`${haystack} not found: the bench draws its names from the namebench data beside the project`);
const SCRIPT_NAMES = ['Latin', 'Han', 'Arabic', 'Devanagari', 'Hangul', 'Cyrillic', 'Thai', 'Hebrew', 'Greek', 'Hiragana', 'Katakana', 'Bengali', 'Tamil', 'Georgian', 'Armenian', 'Ethiopic'];
const scriptOf = (s: string) => SCRIPT_NAMES.find((n) => new RegExp(`\\p{Script=${n}}`, 'u').test(s)) ?? 'Other';
interface Pool { given: Record<'male' | 'female' | 'unknown', string[]>; family: string[] }
const pools = new Map<string, Pool>();
const templates: { script: string; gender: 'male' | 'female' | 'unknown' }[] = [];
for (const r of parseDelimited(fs.readFileSync(haystack, 'utf8'), '\t')) {
  if (r.kind !== 'synthetic_distractor' || !r.first_name || !r.last_name) continue;
  const script = scriptOf(r.full_name!);
  const gender = r.gender === 'male' || r.gender === 'female' ? r.gender : 'unknown';
  const pool = pools.get(script) ?? { given: { male: [], female: [], unknown: [] }, family: [] };
  pools.set(script, pool);
  pool.given[gender].push(r.first_name);
  pool.family.push(r.last_name);
  templates.push({ script, gender });
}
const givenOf = (p: Pool, g: 'male' | 'female' | 'unknown') => pick(p.given[g].length ? p.given[g] : [...p.given.male, ...p.given.female, ...p.given.unknown]);
const COUNTRIES = ['SE', 'FI', 'NO', 'DK', 'DE', 'PL', 'RU', 'UA', 'IQ', 'SY', 'AF', 'IR', 'CN', 'JP', 'KR', 'IN', 'TH', 'IL', 'TR', 'RS', 'RO', 'GB', 'FR', 'ES', 'IT', 'NL', 'US'];

/** A version-4 uuid drawn from the seeded generator (the same seed gives the same ids). */
function uuid(): string {
  const h = Array.from({ length: 16 }, () => Math.floor(rnd() * 256));
  h[6] = (h[6]! & 0x0f) | 0x40;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

interface Synthetic { subject: SubjectInput; given: string[]; family: string }

/** One person: given name(s) and a family name of one script, a birth date for 85 %, an alias for 20 %. */
function person(): Synthetic {
  const t = pick(templates);
  const pool = pools.get(t.script)!;
  const given = [givenOf(pool, t.gender), ...(rnd() < 0.15 ? [givenOf(pool, t.gender)] : [])];
  const family = pick(pool.family);
  const y = 1940 + Math.floor(rnd() * 66), m = 1 + Math.floor(rnd() * 12), d = 1 + Math.floor(rnd() * 28);
  const birthDate = rnd() < 0.85 ? `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` : null;
  const aliases = rnd() < 0.2 ? [`${givenOf(pool, t.gender)} ${family}`] : [];
  return {
    given, family,
    subject: {
      kind: 'external', sourceId: uuid(), reference: '', names: [[...given, family].join(' '), ...aliases], birthDate,
      nationalities: [pick(COUNTRIES)], gender: t.gender,
    },
  };
}

/** How another country might write a stored person: family name first, and in half the cases one letter doubled or dropped. */
function writtenElsewhere(p: Synthetic): string {
  const parts = [p.family.toUpperCase(), ...p.given];
  if (rnd() < 0.5) {
    const i = Math.floor(rnd() * parts.length);
    const chars = [...parts[i]!];
    if (chars.length >= 5) {
      const at = 1 + Math.floor(rnd() * (chars.length - 2));
      if (rnd() < 0.5) chars.splice(at, 1); // dropped
      else chars.splice(at, 0, chars[at]!); // doubled
      parts[i] = chars.join('');
    }
  }
  return `${parts[0]}, ${parts.slice(1).join(' ')}`;
}

const target = await benchDatabaseUrl();
const url = target.url;
const engine = url ? 'postgres' : 'pglite';
const dir = url ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'polsam-bench-matching-'));
const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'polsam-bench-matching-keys-'));
const database = url ? await openPostgres(url) : await openPglite(dir!);
await runMigrations(database);
const config = loadConfig({ NODE_ENV: 'production', COOKIE_SECURE: 'false', LOG_LEVEL: 'silent', DATA_DIR: keyDir } as NodeJS.ProcessEnv);
await firstStart(database, systemClock, config);
const ctx = systemCtx(database.db, systemClock, 'SE');
const spoc = (await findUnitByCode(database.db, 'SPOC'))!;
// A duty officer of the receiving unit: an alert notifies the unit's desk.
if (!rowsOf(await database.db.execute(sql`SELECT 1 FROM app_user WHERE username = 'benchofficer'`)).length) {
  await createUser(ctx, { username: 'benchofficer', displayName: 'Bench', password: 'bench password 2026', roles: ['duty_officer'], unitCode: 'SPOC', locale: 'en', mustChangePassword: false });
}
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const fmt = (x: number) => Math.round(x * 10) / 10;

// Keep a sample of stored persons to query for (written as another country might).
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
const latencies: number[] = [];
const hitCounts: number[] = [];
const alertCounts: number[] = [];
const recallDated: number[] = [];
const recallUndated: number[] = [];
for (let i = 0; i < CHECKS + 20; i++) {
  // Five persons: three stored ones written differently, two new ones.
  const known = [0, 1, 2].map(() => pick(probes));
  const fresh = [person(), person()];
  const people = [
    ...known.map((k) => ({ ...k.subject, names: [writtenElsewhere(k)] })),
    ...fresh.map((f) => f.subject),
  ];
  let ms = 0;
  let found: { person: string; source: string; level: string }[] = [];
  let personIds: string[] = [];
  try {
    await inTransaction(ctx, async (tx) => {
      // The request and its persons as registration stores them (untimed).
      const request = rowsOf<{ id: string; reference: string }>(await tx.db.execute(sql`
        INSERT INTO request (reference, direction, channel, country_code, counterpart_authority, urgent, access, received_at, language,
          handling_code, europol_copy, subject, information_sought, purpose, status, unit_id, regime_id, clock_start_at, due_at, created_at, updated_at)
        VALUES (${`SCALE-${i}`}, 'incoming', 'siena', 'DE', 'BKA', false, 'direct', now(), 'en', 'H0', false, 'Bench cross-check', 'Information sought',
          'Purpose', 'received', ${spoc.id}::uuid, 'eu-2023-977', now(), now() + interval '7 days', now(), now())
        RETURNING id, reference`))[0]!;
      const persons = [];
      for (const p of people) {
        persons.push(rowsOf<{ id: string; fullName: string; aliases: string[]; dateOfBirth: string | null; gender: string; nationalities: string[]; documents: unknown }>(await tx.db.execute(sql`
          INSERT INTO request_person (request_id, full_name, aliases, date_of_birth, gender, nationalities, documents, category, nature, reliability, accuracy, created_at)
          VALUES (${request.id}::uuid, ${p.names[0]!}, '{}', ${p.birthDate ?? null}, ${p.gender ?? 'unknown'}, ${`{${p.nationalities!.join(',')}}`}::text[], '[]'::jsonb,
            'suspect', 'fact', 'B', '2', now())
          RETURNING id, full_name AS "fullName", aliases, date_of_birth AS "dateOfBirth", gender, nationalities, documents`))[0]!);
      }
      personIds = persons.map((p) => p.id);
      const start = performance.now();
      await crossCheckRequestPersons(tx, { id: request.id, reference: request.reference, unitId: spoc.id }, persons);
      ms = performance.now() - start;
      found = rowsOf<{ person: string; source: string; level: string }>(await tx.db.execute(sql`
        SELECT h.request_person_id AS person, s.source_id AS source, h.level FROM match_hit h JOIN match_subject s ON s.id = h.subject_id
        WHERE h.request_id = ${request.id}::uuid`));
      throw new Rollback();
    });
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
  }
  if (i >= 20) {
    latencies.push(ms);
    hitCounts.push(found.length);
    alertCounts.push(found.filter((h) => h.level === 'alert').length);
    known.forEach((k, j) => (k.subject.birthDate ? recallDated : recallUndated).push(found.some((h) => h.person === personIds[j] && h.source === k.subject.sourceId) ? 1 : 0));
  }
}

const mb = (x: number | string) => fmt(Number(x) / 1048576);
const mean = (xs: number[]) => (xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length)).toFixed(2);
console.log(`engine: ${target.note}; ${loadLine()}`);
console.log(`names: ${haystack} (${templates.length} records, ${pools.size} scripts), recombined`);
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
console.log(`whole_crosscheck_5_persons_p50_ms: ${fmt(pct(latencies, 50))}`);
console.log(`whole_crosscheck_5_persons_p95_ms: ${fmt(pct(latencies, 95))}`);
console.log(`whole_crosscheck_5_persons_p99_ms: ${fmt(pct(latencies, 99))}`);
console.log(`hits_stored_per_check_mean: ${mean(hitCounts)} (alerts ${mean(alertCounts)})`);
console.log(`crosscheck_known_person_recall: ${mean([...recallDated, ...recallUndated])}`);
console.log(`  with_birth_date: ${mean(recallDated)} (${recallDated.length} queries)`);
console.log(`  without_birth_date: ${mean(recallUndated)} (${recallUndated.length} queries)`);
console.log(`machine_after: ${loadLine()}`);
await database.close();
target.stop();
if (dir) fs.rmSync(dir, { recursive: true, force: true });
fs.rmSync(keyDir, { recursive: true, force: true });
