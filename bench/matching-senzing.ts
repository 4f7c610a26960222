/**
 * Senzing truth set as a clustering task: link two records when scorePersons reaches the alert threshold,
 * then report pairwise precision/recall of the links and of the clusters the links form (transitively).
 */
import { join } from 'node:path';
import { preparePerson, scorePreparedPersons, type PersonInput, type PreparedPerson } from '../src/server/modules/matching/index.ts';
import { prf, readTable } from './matching-io.ts';

// Senzing dates are mixed: M/D/YYYY, M/D/YY, YYYY-MM-DD, YYYY. Two-digit years ≥ 30 are read as 19xx.
function isoDate(raw: string): string | null {
  const s = raw.trim();
  if (!s) return null;
  if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(s)) return s;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(s);
  if (!m) return null;
  let y = Number(m[3]);
  if (m[3]!.length === 2) y += y >= 30 ? 1900 : 2000;
  return `${y}-${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
}

function toPerson(r: Record<string, string>): PersonInput | null {
  const composed = [r.PRIMARY_NAME_FIRST, r.PRIMARY_NAME_MIDDLE, r.PRIMARY_NAME_LAST].filter((x) => x && x.trim()).join(' ');
  const names = [r.PRIMARY_NAME_FULL, composed, r.PRIMARY_NAME_ORG, r.NATIVE_NAME_FULL, r.SECONDARY_NAME_ORG]
    .map((x) => (x ?? '').trim())
    .filter(Boolean);
  if (names.length === 0) return null;
  const documents = [
    r.PASSPORT_NUMBER && { type: 'passport', number: r.PASSPORT_NUMBER, country: r.PASSPORT_COUNTRY || null },
    r.NATIONAL_ID_NUMBER && { type: 'national_id', number: r.NATIONAL_ID_NUMBER, country: r.NATIONAL_ID_COUNTRY || null },
    r.SSN_NUMBER && { type: 'ssn', number: r.SSN_NUMBER, country: 'us' },
    r.DRIVERS_LICENSE_NUMBER && { type: 'driving_licence', number: r.DRIVERS_LICENSE_NUMBER, country: r.DRIVERS_LICENSE_STATE || null },
  ].filter((d): d is { type: string; number: string; country: string | null } => Boolean(d));
  const g = (r.GENDER ?? '').toUpperCase();
  return {
    names,
    birthDate: isoDate(r.DATE_OF_BIRTH ?? ''),
    gender: g === 'M' ? 'male' : g === 'F' ? 'female' : null,
    documents,
  };
}

/** Runs the Senzing clustering benchmark and returns its metrics. */
export function runSenzingBenchmark(dir: string, threshold: number): [string, number][] {
  const truth = new Map<string, string>();
  for (const r of readTable(join(dir, 'actual_truthset_key.csv'))) truth.set(`${r.DATA_SOURCE}/${r.RECORD_ID}`, r.CLUSTER_ID!);
  const records: { id: string; person: PreparedPerson | null }[] = [];
  for (const file of ['customers.csv', 'watchlist.csv', 'reference.csv']) {
    for (const r of readTable(join(dir, file))) {
      const id = `${r.DATA_SOURCE}/${r.RECORD_ID}`;
      if (!truth.has(id)) continue;
      const p = toPerson(r);
      let person: PreparedPerson | null = null;
      try {
        person = p ? preparePerson(p) : null;
      } catch {
        person = null; // unusable record: stays a singleton
      }
      records.push({ id, person });
    }
  }
  const parent = records.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < records.length; i++) {
    for (let j = i + 1; j < records.length; j++) {
      const a = records[i]!;
      const b = records[j]!;
      const same = truth.get(a.id) === truth.get(b.id);
      const linked = a.person !== null && b.person !== null && scorePreparedPersons(a.person, b.person).score >= threshold;
      if (linked) parent[find(i)] = find(j);
      if (linked && same) tp++;
      else if (linked) fp++;
      else if (same) fn++;
    }
  }
  let ctp = 0;
  let cfp = 0;
  let cfn = 0;
  for (let i = 0; i < records.length; i++) {
    for (let j = i + 1; j < records.length; j++) {
      const same = truth.get(records[i]!.id) === truth.get(records[j]!.id);
      const together = find(i) === find(j);
      if (together && same) ctp++;
      else if (together) cfp++;
      else if (same) cfn++;
    }
  }
  const links = prf(tp, fp, fn);
  const clusters = prf(ctp, cfp, cfn);
  console.log(`\n== Senzing truth set: ${records.length} records, ${new Set(truth.values()).size} clusters`);
  console.log(`links    P ${links.precision.toFixed(3)} R ${links.recall.toFixed(3)} F1 ${links.f1.toFixed(3)} (tp ${tp}, fp ${fp}, fn ${fn})`);
  console.log(`clusters P ${clusters.precision.toFixed(3)} R ${clusters.recall.toFixed(3)} F1 ${clusters.f1.toFixed(3)} (tp ${ctp}, fp ${cfp}, fn ${cfn})`);
  return [
    ['senzing_link_precision', links.precision],
    ['senzing_link_recall', links.recall],
    ['senzing_cluster_precision', clusters.precision],
    ['senzing_cluster_recall', clusters.recall],
    ['senzing_cluster_f1', clusters.f1],
  ];
}
