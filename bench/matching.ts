/**
 * Matching benchmark: `npm run bench:matching [-- PAIRS_FILE]`.
 * 1. Name pairs (default ../shared/namebench/pairs.tsv; any TSV/CSV with name_a, name_b, same and optionally
 *    group): ROC-AUC, P/R/F1 at the alert threshold and the best F1, per group, per label origin, per script
 *    pairing of the nomenklatura rows, and their aggregate — for the engine and, on the same rows, for the
 *    PostgreSQL pg_trgm similarity() baseline; then F1 at the operating threshold (the default alert threshold)
 *    of each of the six cross-script groups and of nomenklatura, against the targets of issue 13.
 * 2. Senzing truth set: pairwise precision/recall of links and of the clusters they form (scorePersons).
 * 3. Screening (screen_records / screen_queries) through a candidate-retrieval callback (the default is an
 *    in-memory blocking-key index standing in for the DB table person_name_key), then the same queries
 *    through a pg_trgm GIN index as the baseline.
 * Parts 2 and 3 run on the namebench files only when no PAIRS_FILE is given (SKIP_SCREENING=1 skips 3).
 * Ends with one `metric_name: value` line per figure.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_MATCHING_SETTINGS, prepareName, scorePreparedNames } from '../src/server/modules/matching/index.ts';
import { bestF1, prfAt, readTable, rocAuc } from './matching-io.ts';
import { runScreeningBenchmark, inMemoryKeyRetriever } from './matching-screening.ts';
import { runSenzingBenchmark } from './matching-senzing.ts';
import { openTrgm, runTrgmScreening, trgmPairScores, TRGM_MATCH_THRESHOLD } from './matching-trgm.ts';
import type { Database } from '../src/server/platform/db/client.ts';

const here = dirname(fileURLToPath(import.meta.url));
const benchDir = resolve(here, '..', '..', 'shared', 'namebench');
const customFile = process.argv[2];
const pairsPath = resolve(customFile ?? join(benchDir, 'pairs.tsv'));
const metrics: [string, number][] = [];
const put = (name: string, value: number) => metrics.push([name, value]);
const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : 'n/a');

interface Scored {
  score: number;
  same: boolean;
  row: Record<string, string>;
}

function report(label: string, key: string, rows: Scored[], threshold: number): void {
  const scores = rows.map((r) => r.score);
  const labels = rows.map((r) => r.same);
  const pos = labels.filter(Boolean).length;
  const auc = rocAuc(scores, labels);
  const at = prfAt(scores, labels, threshold);
  const best = bestF1(scores, labels);
  console.log(
    `${label.padEnd(34)} n=${String(rows.length).padStart(5)} pos=${String(pos).padStart(5)}  AUC ${fmt(auc)}  ` +
      `P ${fmt(at.precision)} R ${fmt(at.recall)} F1 ${fmt(at.f1)} @${threshold}  best F1 ${fmt(best.f1)} @${fmt(best.threshold)}`,
  );
  put(`${key}_auc`, auc);
  put(`${key}_precision`, at.precision);
  put(`${key}_recall`, at.recall);
  put(`${key}_f1`, at.f1);
  put(`${key}_best_f1`, best.f1);
}

function groupBy(rows: Scored[], keyOf: (r: Scored) => string): Map<string, Scored[]> {
  const m = new Map<string, Scored[]>();
  for (const r of rows) {
    const k = keyOf(r);
    m.set(k, [...(m.get(k) ?? []), r]);
  }
  return new Map([...m].sort((x, y) => x[0].localeCompare(y[0])));
}

const NK_GROUPS = new Set(['nk_checks', 'nk_unit_tests', 'synth_people', 'synth_companies', 'cluster_align', 'cust_cases']);
const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');

function reportAll(scored: Scored[], threshold: number, prefix: string, notes: boolean): void {
  report('all', `${prefix}_all`, scored, threshold);
  if (scored[0] && 'group' in scored[0].row) {
    console.log('-- by group');
    for (const [g, rows] of groupBy(scored, (r) => r.row.group || 'none')) report(g, `${prefix}_group_${slug(g)}`, rows, threshold);
    const nk = scored.filter((r) => NK_GROUPS.has(r.row.group ?? ''));
    if (nk.length) {
      console.log('-- nomenklatura name_bench');
      report('nomenklatura (all)', `${prefix}_nomenklatura`, nk, threshold);
      report('nomenklatura persons', `${prefix}_nomenklatura_person`, nk.filter((r) => r.row.schema === 'Person'), threshold);
      for (const [k, rows] of groupBy(nk, (r) => scriptPairing(r.row))) report(`nomenklatura ${k}`, `${prefix}_nomenklatura_${k}`, rows, threshold);
    }
  }
  if (scored[0] && 'label_origin' in scored[0].row) {
    console.log('-- by label origin');
    for (const [o, rows] of groupBy(scored, (r) => r.row.label_origin || 'none')) {
      if (rows.some((r) => r.same)) report(o, `${prefix}_origin_${slug(o)}`, rows, threshold);
      else {
        // Only negatives (constructed): the share that would raise a false alert is the figure.
        const rate = rows.filter((r) => r.score >= threshold).length / rows.length;
        console.log(`${o.padEnd(34)} n=${String(rows.length).padStart(5)} false alert rate ${fmt(rate)} @${threshold}`);
        put(`${prefix}_origin_${slug(o)}_false_alert_rate`, rate);
      }
    }
    if (notes) console.log('note: wd_hebrew and wd_korean are full names drawn from the whole upstream files; their parts may occur in train/, from which the shipped dictionaries were built.');
  }
}

async function runPairs(threshold: number, trgm: Database): Promise<void> {
  const table = readTable(pairsPath);
  const missing = ['name_a', 'name_b', 'same'].filter((c) => table[0] && !(c in table[0]));
  if (missing.length) throw new Error(`${pairsPath}: missing column(s) ${missing.join(', ')}`);
  const scored: Scored[] = [];
  let invalid = 0;
  const t0 = performance.now();
  for (const row of table) {
    let score = 0;
    try {
      score = scorePreparedNames(prepareName(row.name_a ?? ''), prepareName(row.name_b ?? '')).score;
    } catch {
      invalid++; // rejected input counts as "no match", as the product would show it
    }
    scored.push({ score, same: row.same === '1' || row.same === 'true', row });
  }
  const elapsed = performance.now() - t0;
  console.log(`\n== Name pairs: ${pairsPath} (${table.length} rows, ${invalid} rejected as invalid input)`);
  reportAll(scored, threshold, 'pairs', true);
  reportOperatingF1(scored, threshold);
  const trgmScores = await trgmPairScores(trgm, table.map((r) => [r.name_a ?? '', r.name_b ?? '']));
  const baseline = scored.map((r, i) => ({ ...r, score: trgmScores[i] ?? 0 }));
  console.log(`\n== Baseline on the same pairs: PostgreSQL pg_trgm similarity(name_a, name_b) (PGlite); P/R/F1 at pg_trgm's default match threshold ${TRGM_MATCH_THRESHOLD}`);
  reportAll(baseline, TRGM_MATCH_THRESHOLD, 'trgm_pairs', false);
  // Name-pair throughput including normalisation (cold) and scoring only (names prepared and cached).
  const prepared = table.map((r) => {
    try {
      return [prepareName(r.name_a ?? ''), prepareName(r.name_b ?? '')] as const;
    } catch {
      return null;
    }
  }).filter((x) => x !== null);
  const t1 = performance.now();
  const rounds = 5;
  for (let k = 0; k < rounds; k++) for (const [a, b] of prepared) scorePreparedNames(a, b);
  const scoreUs = ((performance.now() - t1) * 1000) / (rounds * prepared.length);
  console.log(`scoring: ${fmt(scoreUs)} µs per prepared pair; ${fmt((elapsed * 1000) / table.length)} µs per pair including normalisation`);
  put('pairs_score_us_per_pair', scoreUs);
  put('pairs_cold_us_per_pair', (elapsed * 1000) / table.length);
}

// The six cross-script Wikidata groups and the issue's targets: F1 at the operating threshold (the product's default
// alert threshold, not the best threshold found on this data) of at least 0.90 in each, nomenklatura at least 0.85.
const CROSS_SCRIPT_GROUPS: [string, string][] = [
  ['wd_chinese', 'Chinese'], ['wd_arabic', 'Arabic'], ['wd_hebrew', 'Hebrew'], ['wd_katakana', 'Katakana'], ['wd_korean', 'Korean'], ['wd_russian', 'Russian'],
];
const CROSS_SCRIPT_TARGET = 0.9;
const NOMENKLATURA_TARGET = 0.85;

function reportOperatingF1(scored: Scored[], threshold: number): void {
  if (!scored[0] || !('group' in scored[0].row)) return;
  console.log(`-- F1 at the operating threshold ${threshold} (matching settings default alert threshold)`);
  const f1Of = (rows: Scored[]) => prfAt(rows.map((r) => r.score), rows.map((r) => r.same), threshold).f1;
  const figures: number[] = [];
  for (const [group, label] of CROSS_SCRIPT_GROUPS) {
    const rows = scored.filter((r) => r.row.group === group);
    if (!rows.length) continue;
    const f1 = f1Of(rows);
    figures.push(f1);
    console.log(`${`cross-script ${label}`.padEnd(34)} F1 ${fmt(f1)}  ${f1 >= CROSS_SCRIPT_TARGET ? 'meets' : 'BELOW'} target ${CROSS_SCRIPT_TARGET}`);
    put(`cross_script_${label.toLowerCase()}_f1_at_operating_threshold`, f1);
  }
  if (figures.length) put('cross_script_min_f1_at_operating_threshold', Math.min(...figures));
  const nk = scored.filter((r) => NK_GROUPS.has(r.row.group ?? ''));
  if (nk.length) {
    const f1 = f1Of(nk);
    console.log(`${'nomenklatura (all)'.padEnd(34)} F1 ${fmt(f1)}  ${f1 >= NOMENKLATURA_TARGET ? 'meets' : 'BELOW'} target ${NOMENKLATURA_TARGET}`);
    put('nomenklatura_f1_at_operating_threshold', f1);
  }
}

function scriptPairing(row: Record<string, string>): string {
  const a = row.script_a ?? '';
  const b = row.script_b ?? '';
  if (a === 'Latn' && b === 'Latn') return 'latin';
  if (a === b) return 'same_nonlatin';
  return 'cross_script';
}

async function main(): Promise<void> {
  const threshold = DEFAULT_MATCHING_SETTINGS.alertThreshold;
  console.log(`alert threshold ${threshold}, review threshold ${DEFAULT_MATCHING_SETTINGS.reviewThreshold}`);
  const trgm = await openTrgm();
  await runPairs(threshold, trgm);
  const senzingDir = join(benchDir, 'senzing');
  if (!customFile && existsSync(senzingDir)) {
    for (const [k, v] of runSenzingBenchmark(senzingDir, threshold)) put(k, v);
  }
  const records = join(benchDir, 'screen_records.tsv');
  const queries = join(benchDir, 'screen_queries.tsv');
  if (!customFile && existsSync(records) && existsSync(queries) && !process.env.SKIP_SCREENING) {
    // Plug point for the lead: pass a retriever backed by person_name_key in the DB.
    const result = await runScreeningBenchmark(records, queries, inMemoryKeyRetriever, threshold, 'keys_mem');
    for (const [k, v] of result) put(k, v);
    for (const [k, v] of await runTrgmScreening(trgm, records, queries, threshold)) put(k, v);
  }
  await trgm.close();
  console.log('\n== metrics');
  for (const [k, v] of metrics) console.log(`${k}: ${Number.isFinite(v) ? Number(v.toFixed(4)) : 'NaN'}`);
}

await main();
