/**
 * Baseline for the matching benchmark: PostgreSQL pg_trgm `similarity()` on the same data, in the same run
 * (PGlite with the pg_trgm extension, as the product opens it). This is what a user would otherwise pick:
 * trigram similarity of the raw names, no transliteration, no name structure.
 * - pairs: similarity(name_a, name_b) per row, reported with the same figures as the engine;
 * - screening: records in a table with a GIN trigram index, each query `name % $1 ORDER BY similarity DESC`.
 */
import { sql } from 'drizzle-orm';
import { openPglite, rowsOf, type Database } from '../src/server/platform/db/client.ts';
import { readTable } from './matching-io.ts';
import { ScreeningTally } from './matching-screening.ts';

/** pg_trgm's own default for the `%` operator (pg_trgm.similarity_threshold). */
export const TRGM_MATCH_THRESHOLD = 0.3;

export async function openTrgm(): Promise<Database> {
  const database = await openPglite(null);
  await database.db.execute(sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
  return database;
}

/** Scores name pairs with pg_trgm similarity() in one statement per chunk; returns one score per pair. */
export async function trgmPairScores(database: Database, pairs: [string, string][]): Promise<number[]> {
  const out: number[] = [];
  const CHUNK = 2000;
  for (let i = 0; i < pairs.length; i += CHUNK) {
    const chunk = JSON.stringify(pairs.slice(i, i + CHUNK));
    const res = await database.db.execute(
      sql`SELECT similarity(x->>0, x->>1) AS s FROM jsonb_array_elements(${chunk}::jsonb) WITH ORDINALITY AS t(x, n) ORDER BY n`,
    );
    for (const r of rowsOf<{ s: number | string }>(res)) out.push(Number(r.s));
  }
  return out;
}

function recordName(r: Record<string, string>): string {
  const composed = [r.first_name, r.middle_name, r.last_name].filter((x) => x && x.trim()).join(' ');
  return (r.full_name ?? '').trim() || composed;
}

/** Screening through a pg_trgm GIN index; returns metrics prefixed with `screen_trgm_`. */
export async function runTrgmScreening(database: Database, recordsPath: string, queriesPath: string, alertThreshold: number): Promise<[string, number][]> {
  const { db } = database;
  const records = readTable(recordsPath).map((r) => [r.record_id!, recordName(r)] as [string, string]).filter(([, n]) => n);
  const t0 = performance.now();
  await db.execute(sql`CREATE TABLE screen_record (id text NOT NULL, name text NOT NULL)`);
  for (let i = 0; i < records.length; i += 5000) {
    const chunk = JSON.stringify(records.slice(i, i + 5000));
    await db.execute(sql`INSERT INTO screen_record SELECT x->>0, x->>1 FROM jsonb_array_elements(${chunk}::jsonb) AS t(x)`);
  }
  await db.execute(sql`CREATE INDEX screen_record_trgm ON screen_record USING gin (name gin_trgm_ops)`);
  await db.execute(sql.raw(`SET pg_trgm.similarity_threshold = ${TRGM_MATCH_THRESHOLD}`));
  const loadMs = performance.now() - t0;
  const queries = readTable(queriesPath);
  const tally = new ScreeningTally();
  for (const q of queries) {
    const name = recordName(q);
    const start = performance.now();
    const res = name
      ? await db.execute(sql`SELECT id, similarity(name, ${name}) AS s, count(*) OVER () AS n FROM screen_record WHERE name % ${name} ORDER BY s DESC LIMIT 200`)
      : [];
    const ranked = rowsOf<{ id: string; s: number | string; n: number | string }>(res).map((r) => ({ id: r.id, score: Number(r.s), n: Number(r.n) }));
    tally.add(q.kind ?? 'all', q.expected_record_id ?? '', ranked, alertThreshold, performance.now() - start, ranked[0]?.n ?? 0);
  }
  console.log(`\n== Screening baseline (pg_trgm, PGlite): ${records.length} records loaded and indexed in ${(loadMs / 1000).toFixed(1)} s, ${queries.length} queries; candidates = rows with name % query (similarity ≥ ${TRGM_MATCH_THRESHOLD}); alert at similarity ≥ ${alertThreshold}`);
  return tally.report('screen_trgm');
}
