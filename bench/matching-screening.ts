/**
 * Screening benchmark: each query person is looked up through a candidate-retrieval callback, the
 * candidates are scored with scorePreparedPersons, and retrieval recall, ranking recall, alert rates,
 * candidate counts and latency are reported.
 *
 * PLUG POINT (lead): implement `CandidateRetriever` over the DB table person_name_key (blockingKeys per
 * stored name, btree on key) and over the pg_trgm baseline, and pass it to runScreeningBenchmark in
 * bench/matching.ts. `inMemoryKeyRetriever` below is the same key logic in memory, as a reference.
 */
import { blockingKeys, parseBirthDate, preparePerson, scorePreparedPersons, type PersonInput, type PreparedPerson } from '../src/server/modules/matching/index.ts';
import { quantile, readTable } from './matching-io.ts';

export interface ScreeningRecord {
  id: string;
  person: PersonInput;
}

/** Candidate retrieval under test: load the haystack once, then return candidate record ids per query. */
export interface CandidateRetriever {
  load(records: ScreeningRecord[]): Promise<void> | void;
  candidates(query: PersonInput): Promise<string[]> | string[];
}

// A date the engine would refuse (1974-01-32, a "treated" query) is left out, as an officer would search by
// name and the valid facts rather than not at all.
function validDate(dob: string): string | null {
  try {
    parseBirthDate(dob);
    return dob;
  } catch {
    return null;
  }
}

function toPerson(r: Record<string, string>): PersonInput {
  const composed = [r.first_name, r.middle_name, r.last_name].filter((x) => x && x.trim()).join(' ');
  const names = [r.full_name, composed].map((x) => (x ?? '').trim()).filter(Boolean);
  const dob = (r.date_of_birth ?? '').trim();
  const g = (r.gender ?? '').trim().toLowerCase();
  return {
    names: names.length ? [...new Set(names)] : ['?'],
    birthDate: validDate(dob),
    nationalities: r.nationality ? [r.nationality] : [],
    gender: g === 'male' || g === 'm' ? 'male' : g === 'female' || g === 'f' ? 'female' : null,
  };
}

/** Candidates scored per query: bounds latency whatever the register size. */
export const MAX_CANDIDATES = 200;

/** Blocking keys in a Map standing in for person_name_key; returns every record sharing a key. */
export const inMemoryKeyRetriever: CandidateRetriever = (() => {
  const index = new Map<string, string[]>();
  return {
    load(records: ScreeningRecord[]) {
      for (const r of records) {
        const keys = new Set<string>();
        for (const n of r.person.names) {
          try {
            for (const k of blockingKeys(n)) keys.add(k);
          } catch {
            // a record whose name is unusable gets no keys: it cannot be found by name
          }
        }
        for (const k of keys) {
          const list = index.get(k);
          if (list) list.push(r.id);
          else index.set(k, [r.id]);
        }
      }
    },
    // As the DB query would: sum the rarity of shared keys per person, keep the best MAX_CANDIDATES.
    candidates(query: PersonInput) {
      const votes = new Map<string, number>();
      for (const n of query.names) {
        let keys: string[] = [];
        try {
          keys = blockingKeys(n);
        } catch {
          continue;
        }
        for (const k of keys) {
          const ids = index.get(k) ?? [];
          const idf = 1 / Math.log2(2 + ids.length);
          for (const id of ids) votes.set(id, (votes.get(id) ?? 0) + idf);
        }
      }
      return [...votes].sort((a, b) => b[1] - a[1]).slice(0, MAX_CANDIDATES).map(([id]) => id);
    },
  };
})();

interface KindStat {
  n: number;
  found: number;
  r1: number;
  r10: number;
  alert1: number;
  anyAlert: number;
}

/** Per query kind: where the expected record ranked, whether the top candidate alerted; latency and candidate counts. */
export class ScreeningTally {
  private readonly byKind = new Map<string, KindStat>();
  readonly latencies: number[] = [];
  readonly counts: number[] = [];

  /** Records one query: its kind, the record it must find ('' for none), its ranked candidates, latency and candidate count. */
  add(kind: string, expected: string, ranked: { id: string; score: number }[], threshold: number, ms: number, candidates: number): void {
    const stat = this.byKind.get(kind) ?? { n: 0, found: 0, r1: 0, r10: 0, alert1: 0, anyAlert: 0 };
    this.byKind.set(kind, stat);
    stat.n++;
    this.latencies.push(ms);
    this.counts.push(candidates);
    const pos = expected ? ranked.findIndex((x) => x.id === expected) : -1;
    if (pos >= 0) stat.found++;
    if (pos === 0) stat.r1++;
    if (pos >= 0 && pos < 10) stat.r10++;
    if (pos === 0 && ranked[0]!.score >= threshold) stat.alert1++;
    if (ranked[0] && ranked[0].score >= threshold) stat.anyAlert++;
  }

  /** Prints the figures per kind and returns them as metrics named `<prefix>_...`. */
  report(prefix: string): [string, number][] {
    const out: [string, number][] = [];
    for (const [kind, s] of this.byKind) {
      const k = kind.replace(/[^a-z0-9]+/gi, '_').toLowerCase();
      if (kind === 'synthetic_nonmatch') {
        console.log(`${kind.padEnd(20)} n=${s.n} alert rate ${(s.anyAlert / s.n).toFixed(4)}`);
        out.push([`${prefix}_${k}_alert_rate`, s.anyAlert / s.n]);
      } else {
        console.log(`${kind.padEnd(20)} n=${s.n} candidate recall ${(s.found / s.n).toFixed(4)} recall@1 ${(s.r1 / s.n).toFixed(4)} recall@10 ${(s.r10 / s.n).toFixed(4)} alert@1 ${(s.alert1 / s.n).toFixed(4)}`);
        out.push([`${prefix}_${k}_candidate_recall`, s.found / s.n], [`${prefix}_${k}_recall_at_1`, s.r1 / s.n], [`${prefix}_${k}_recall_at_10`, s.r10 / s.n], [`${prefix}_${k}_alert_recall_at_1`, s.alert1 / s.n]);
      }
    }
    const mean = this.counts.reduce((a, b) => a + b, 0) / Math.max(1, this.counts.length);
    console.log(`candidates per query: mean ${mean.toFixed(1)}, p95 ${quantile(this.counts, 0.95)}; latency per query: p50 ${quantile(this.latencies, 0.5).toFixed(2)} ms, p95 ${quantile(this.latencies, 0.95).toFixed(2)} ms`);
    out.push([`${prefix}_candidates_mean`, mean], [`${prefix}_candidates_p95`, quantile(this.counts, 0.95)], [`${prefix}_latency_p50_ms`, quantile(this.latencies, 0.5)], [`${prefix}_latency_p95_ms`, quantile(this.latencies, 0.95)]);
    return out;
  }
}

/** Runs the screening benchmark through `retriever` and returns metrics prefixed with `screen_<label>_`. */
export async function runScreeningBenchmark(recordsPath: string, queriesPath: string, retriever: CandidateRetriever, threshold: number, label: string): Promise<[string, number][]> {
  const records: ScreeningRecord[] = readTable(recordsPath).map((r) => ({ id: r.record_id!, person: toPerson(r) }));
  const prepared = new Map<string, PreparedPerson>();
  const t0 = performance.now();
  for (const r of records) {
    try {
      prepared.set(r.id, preparePerson(r.person));
    } catch {
      // unusable stored record: never a candidate
    }
  }
  await retriever.load(records);
  const loadMs = performance.now() - t0;
  const queries = readTable(queriesPath);
  const tally = new ScreeningTally();
  for (const q of queries) {
    const start = performance.now();
    let ranked: { id: string; score: number }[] = [];
    let n = 0;
    try {
      const qp = preparePerson(toPerson(q));
      const ids = await retriever.candidates(toPerson(q));
      n = ids.length;
      ranked = ids
        .map((id) => ({ id, p: prepared.get(id) }))
        .filter((x): x is { id: string; p: PreparedPerson } => x.p !== undefined)
        .map((x) => ({ id: x.id, score: scorePreparedPersons(qp, x.p).score }))
        .sort((a, b) => b.score - a.score);
    } catch {
      // an unusable query finds nothing
    }
    tally.add(q.kind ?? 'all', q.expected_record_id ?? '', ranked, threshold, performance.now() - start, n);
  }
  console.log(`\n== Screening (${label}): ${records.length} records loaded in ${(loadMs / 1000).toFixed(1)} s, ${queries.length} queries; latency = retrieve + score`);
  return tally.report(`screen_${label}`);
}
