/**
 * The candidate index over every stored person: subjects are prepared and keyed when their source is stored
 * (same transaction), and a query person is answered by recall in SQL (shared blocking keys) followed by the
 * scorer. Recall is this file's job; precision is the scorer's.
 */
import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { SQL } from 'drizzle-orm';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { blockingKeys } from './keys.ts';
import { DEFAULT_MATCHING_SETTINGS, type MatchingSettings } from './matching.settings.ts';
import { preparePerson, scorePreparedPersons, type PersonInput, type PersonScore, type PreparedPerson } from './person.ts';
import * as repo from './matching.repository.ts';

export type SubjectKind = 'request_person' | 'wanted_person' | 'external';

/** A person to index, whatever stores it. */
export interface SubjectInput {
  kind: SubjectKind;
  sourceId: string;
  requestId?: string | null;
  reference?: string;
  /** Primary name first. */
  names: string[];
  birthDate?: string | null;
  nationalities?: string[];
  gender?: string | null;
  documents?: { type?: string | null; number: string; country?: string | null }[];
  active?: boolean;
}

// Recall limits: a key held by more than `cap` subjects is narrowed by birth date; the best `preLimit` candidates
// per query person by shared keys are checked against the caller's filter, and the first `topK` passing are scored
// (the scorer costs ~0.1–0.2 ms a pair). Chosen with `npm run bench:matching-scale` at 1,000,000 persons: recall
// of persons queried with their birth date 0.997 (docs/benchmarks.md).
export const INDEX_LIMITS = { cap: 200, preLimit: 14, topK: 10 };
// Keys held by more subjects than this are counted in the key statistics; rarer ones are counted at lookup.
const KEY_STAT_MIN = 64;
const MAX_KEYS_PER_SUBJECT = 40;
const MAX_NAMES = 20;

const GENDERS = new Set(['male', 'female', 'other', 'unknown']);

/** The scorer's input for a subject: unusable parts (bad date, unknown gender) are dropped, not fatal. */
export function personInputOf(s: Pick<SubjectInput, 'names' | 'birthDate' | 'nationalities' | 'gender' | 'documents'>): PersonInput {
  const names = s.names.map((n) => n.trim()).filter(Boolean).slice(0, MAX_NAMES);
  return {
    names,
    birthDate: s.birthDate && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(s.birthDate) ? s.birthDate : null,
    nationalities: (s.nationalities ?? []).slice(0, 10),
    gender: s.gender && GENDERS.has(s.gender) ? (s.gender as PersonInput['gender']) : null,
    documents: (s.documents ?? []).filter((d) => d.number && d.number.length <= 60).slice(0, 20)
      .map((d) => ({ type: d.type ? d.type.slice(0, 40) : null, number: d.number, country: d.country ?? null })),
  };
}

/** Prepares a person; null when nothing in it can be matched (no usable name), never a crash. */
export function tryPrepare(input: PersonInput): PreparedPerson | null {
  try {
    return preparePerson(input);
  } catch (e) {
    if (e instanceof DomainError && input.birthDate) {
      try { return preparePerson({ ...input, birthDate: null }); } catch { return null; }
    }
    if (e instanceof DomainError) return null;
    throw e;
  }
}

/**
 * The blocking keys of a person: its identity document numbers first (the surest key), then the keys of all its
 * names (a bad alias is skipped).
 */
export function keysOf(names: string[], prepared?: PreparedPerson | null): string[] {
  const keys = new Set<string>();
  for (const d of prepared?.documents ?? []) keys.add(`d:${d.number}`);
  for (const n of names) {
    try {
      for (const k of blockingKeys(n)) keys.add(k);
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
    }
  }
  return [...keys].slice(0, MAX_KEYS_PER_SUBJECT);
}

/** Month × 100 + day of a full birth date, else null. */
const birthMd = (p: PreparedPerson | null | undefined): number | null =>
  p?.birthDate && p.birthDate.month !== null && p.birthDate.day !== null ? p.birthDate.month * 100 + p.birthDate.day : null;

let fingerprint: string | null = null;

/**
 * A fingerprint of the running engine's preparation: stored prepared persons are reused only while it is
 * unchanged (otherwise they are prepared again from the stored names). Empty when prepared persons do not
 * survive a JSON round trip, so none is ever trusted.
 */
export function engineFingerprint(): string {
  if (fingerprint !== null) return fingerprint;
  const probe = ['Мухаммад Абдуллаев', 'ABDULLAEV, Mukhammad', 'محمد عبد الله', '王小明', 'Jörg Müller-Lüdenscheidt', 'キム ジョンウン', '김정은', 'Ελένη Παπαδοπούλου'];
  const p = tryPrepare({ names: probe, birthDate: '1980-02-03', nationalities: ['se'], gender: 'male', documents: [{ type: 'passport', number: 'AB123456', country: 'SE' }] });
  const json = JSON.stringify(p);
  // The keys are part of it: a change to how keys are made leaves stored keys stale until a re-index.
  fingerprint = p && isDeepStrictEqual(JSON.parse(json), p) ? createHash('sha256').update(json).update(JSON.stringify(keysOf(probe))).digest('hex').slice(0, 16) : '';
  return fingerprint;
}

/** The prepared person of a stored subject: the stored one while the engine is unchanged, else prepared anew. */
export function preparedOf(s: repo.StoredSubject): PreparedPerson | null {
  const fp = engineFingerprint();
  if (fp && s.engine === fp && s.prepared) return s.prepared as PreparedPerson;
  return tryPrepare(personInputOf({ names: s.names, birthDate: s.birth_date, nationalities: s.nationalities, gender: s.gender, documents: s.documents as SubjectInput['documents'] }));
}

/**
 * Indexes subjects in ctx's transaction (insert or replace); returns their subject ids in order, null for a
 * subject with no usable name (it cannot be matched, and is not stored). `preparedAlready`: each subject's
 * `tryPrepare(personInputOf(subject))`, when the caller has it.
 */
export async function indexSubjects(ctx: Ctx, subjects: SubjectInput[], preparedAlready?: (PreparedPerson | null)[]): Promise<(string | null)[]> {
  const fp = engineFingerprint();
  const rows: repo.SubjectRow[] = [];
  const keys: repo.KeyRow[] = [];
  const positions: number[] = [];
  subjects.forEach((s, at) => {
    const input = personInputOf(s);
    const prepared = preparedAlready ? preparedAlready[at] : tryPrepare(input);
    if (!prepared) return;
    const i = rows.length;
    positions.push(at);
    rows.push({
      kind: s.kind, source_id: s.sourceId, request_id: s.requestId ?? null,
      request_person_id: s.kind === 'request_person' ? s.sourceId : null, wanted_person_id: s.kind === 'wanted_person' ? s.sourceId : null,
      reference: s.reference ?? '', names: input.names, birth_date: input.birthDate ?? null, nationalities: input.nationalities ?? [],
      gender: input.gender ?? null, documents: input.documents ?? [], prepared: fp ? prepared : null, engine: fp, active: s.active ?? true,
    });
    const y = prepared.birthDate ? prepared.birthDate.year : null;
    const md = birthMd(prepared);
    for (const key of keysOf(input.names, prepared)) keys.push({ key, birth_year: y, birth_md: md, i });
  });
  const ids = await repo.upsertSubjects(ctx.db, rows, keys, ctx.clock.now());
  const out: (string | null)[] = subjects.map(() => null);
  positions.forEach((at, i) => { out[at] = ids[i] ?? null; });
  return out;
}

export interface QueryPerson {
  names: string[];
  prepared: PreparedPerson;
  birthDate: string | null;
}

export interface Match {
  subject: repo.StoredSubject;
  score: PersonScore;
}

/**
 * The best matches of each query person among the subjects passing `filter`, scored and sorted; only matches at
 * or above `minScore` are kept.
 */
export async function findMatches(ctx: Ctx, people: QueryPerson[], o: { filter: SQL; minScore: number; settings?: MatchingSettings; preLimit?: number; topK?: number }): Promise<Match[][]> {
  const settings = o.settings ?? DEFAULT_MATCHING_SETTINGS;
  const queries = people.map((p, pi) => ({ pi, keys: keysOf(p.names, p.prepared), birthYear: p.prepared.birthDate?.year ?? null, birthMd: birthMd(p.prepared) }));
  const topK = o.topK ?? INDEX_LIMITS.topK;
  const options = { cap: INDEX_LIMITS.cap, preLimit: Math.max(topK, o.preLimit ?? INDEX_LIMITS.preLimit), limit: topK, filter: o.filter };
  // Several persons are looked up in two statements sent at once: the database answers the second while the
  // first one's candidates are scored here, so the two halves of the work overlap on two cores.
  const half = Math.ceil(queries.length / 2);
  const groups = queries.length >= 4 ? [queries.slice(0, half), queries.slice(half)] : [queries];
  const out: Match[][] = people.map(() => []);
  await inTransaction(ctx, async (tx) => {
    const pending = groups.map((g) => {
      const p = repo.findCandidates(tx.db, g, options);
      p.catch(() => undefined); // awaited below; a failure of one must not be reported as unhandled meanwhile
      return p;
    });
    for (const p of pending) {
      const taken = new Map<number, number>();
      for (const row of await p) {
        const n = taken.get(row.pi) ?? 0;
        if (n >= topK) continue;
        taken.set(row.pi, n + 1);
        const prepared = preparedOf(row);
        if (!prepared) continue;
        const score = scorePreparedPersons(people[row.pi]!.prepared, prepared, settings);
        if (score.score >= o.minScore) out[row.pi]!.push({ subject: row, score });
      }
    }
  });
  for (const list of out) list.sort((a, b) => b.score.score - a.score.score);
  return out;
}

/**
 * Re-indexes the subjects indexed by an earlier engine version (after an upgrade changed preparation or keys),
 * a batch per transaction; new and changed persons never wait for this, they are indexed as they are stored.
 */
export async function reindexStale(ctx: Ctx, o: { batch?: number; onProgress?: (done: number) => void } = {}): Promise<number> {
  const fp = engineFingerprint();
  let done = 0;
  let after: string | null = null;
  for (;;) {
    const page = await repo.staleSubjects(ctx.db, fp, after, o.batch ?? 1000);
    if (!page.length) {
      // New keys weigh as rare until counted: count them now rather than at the next scheduled refresh.
      if (done) await refreshKeyStatistics(ctx);
      return done;
    }
    after = page.at(-1)!.id;
    await inTransaction(ctx, (tx) => indexSubjects(tx, page.map((s) => ({
      kind: s.kind as SubjectKind, sourceId: s.source_id, requestId: s.request_id, reference: s.reference, names: s.names, birthDate: s.birth_date,
      nationalities: s.nationalities, gender: s.gender, documents: s.documents as SubjectInput['documents'], active: s.active,
    }))));
    done += page.length;
    o.onProgress?.(done);
  }
}

/**
 * Counts again how many subjects hold each common key (the weights and the birth-year narrowing of lookups), in
 * one transaction. Run by a recurring job and after a re-index; lookups never wait for it.
 */
export async function refreshKeyStatistics(ctx: Ctx): Promise<number> {
  return inTransaction(ctx, (tx) => repo.refreshKeyStats(tx.db, KEY_STAT_MIN));
}
