/**
 * All SQL of the matching module: the candidate index (subjects and their blocking keys), candidate retrieval,
 * and cross-check hits. Need-to-know predicates come from the exchange module (`requestVisibleSql`).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { rowsOf } from '../../platform/db/client.ts';

/** One uuid[] parameter (not one parameter per id: a batch may hold thousands). */
const uuidArray = (ids: string[]): SQL => sql`${`{${ids.join(',')}}`}::uuid[]`;
/** One array parameter (a PostgreSQL array literal), so thousands of rows go in one statement with one parameter a column. */
const textArray = (xs: string[]): SQL => sql`${`{${xs.map((x) => `"${x.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`}::text[]`;
const smallintArray = (xs: (number | null)[]): SQL => sql`${`{${xs.map((x) => (x === null ? 'NULL' : String(Math.trunc(x)))).join(',')}}`}::smallint[]`;

export interface SubjectRow {
  kind: string;
  source_id: string;
  request_id: string | null;
  request_person_id: string | null;
  wanted_person_id: string | null;
  reference: string;
  names: string[];
  birth_date: string | null;
  nationalities: string[];
  gender: string | null;
  documents: unknown[];
  prepared: unknown;
  engine: string;
  active: boolean;
}

export interface StoredSubject extends SubjectRow {
  id: string;
}

export interface KeyRow {
  key: string;
  birth_year: number | null;
  /** Month × 100 + day of the birth date, when known. */
  birth_md: number | null;
  /** Index of the subject in the batch passed to `upsertSubjects`. */
  i: number;
}

/**
 * Adds or replaces subjects and their blocking keys, in the caller's transaction. Two statements per batch:
 * subjects are upserted by (kind, source id); the old keys of replaced ones are dropped and the new ones inserted.
 */
export async function upsertSubjects(db: Db, rows: SubjectRow[], keys: KeyRow[], at: Date): Promise<string[]> {
  if (!rows.length) return [];
  const atIso = at.toISOString();
  const ids = rowsOf<{ id: string; i: number; inserted: boolean }>(await db.execute(sql`
    WITH x AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows.map((r, i) => ({ ...r, i })))}::jsonb) AS x(
        i int, kind text, source_id uuid, request_id uuid, request_person_id uuid, wanted_person_id uuid, reference text,
        names text[], birth_date text, nationalities text[], gender text, documents jsonb, prepared jsonb, engine text, active boolean)
    ), up AS (
      INSERT INTO match_subject (kind, source_id, request_id, request_person_id, wanted_person_id, reference, names, birth_date,
        nationalities, gender, documents, prepared, engine, active, updated_at)
      SELECT kind, source_id, request_id, request_person_id, wanted_person_id, reference, names, birth_date,
        coalesce(nationalities, '{}'), gender, coalesce(documents, '[]'), prepared, engine, active, ${atIso}::timestamptz
      FROM x ORDER BY i
      ON CONFLICT (kind, source_id) DO UPDATE SET reference = excluded.reference, names = excluded.names,
        birth_date = excluded.birth_date, nationalities = excluded.nationalities, gender = excluded.gender,
        documents = excluded.documents, prepared = excluded.prepared, engine = excluded.engine, active = excluded.active,
        updated_at = excluded.updated_at
      RETURNING id, kind, source_id, (xmax = 0) AS inserted
    )
    SELECT up.id, x.i, up.inserted FROM up JOIN x ON x.kind = up.kind AND x.source_id = up.source_id`));
  const byIndex: string[] = [];
  for (const r of ids) byIndex[r.i] = r.id;
  // Only subjects that were there before have old keys to drop (an import of new notices deletes nothing).
  const replaced = ids.filter((r) => !r.inserted).map((r) => r.id);
  if (replaced.length) await db.execute(sql`DELETE FROM match_key WHERE subject_id = ANY (${uuidArray(replaced)})`);
  if (keys.length) {
    // In key order: the lookup index is then written page after page instead of all over.
    const sorted = [...keys].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    await db.execute(sql`
      INSERT INTO match_key (key, birth_year, birth_md, subject_id)
      SELECT * FROM unnest(${textArray(sorted.map((k) => k.key))}, ${smallintArray(sorted.map((k) => k.birth_year))},
        ${smallintArray(sorted.map((k) => k.birth_md))}, ${uuidArray(sorted.map((k) => byIndex[k.i]!))})`);
  }
  return byIndex;
}

/** Sets whether subjects raise hits (a wanted person arrested or no longer sought). */
export async function setSubjectActive(db: Db, kind: string, sourceId: string, active: boolean): Promise<void> {
  await db.execute(sql`UPDATE match_subject SET active = ${active} WHERE kind = ${kind} AND source_id = ${sourceId}`);
}

export interface CandidateQuery {
  /** Index of the query person in the caller's list. */
  pi: number;
  keys: string[];
  birthYear: number | null;
  /** Month × 100 + day of the query's birth date, when known. */
  birthMd: number | null;
}

export interface CandidateOptions {
  /** A key held by more subjects than this is used only narrowed to the query's birth year ±1. */
  cap: number;
  /** Candidates per query person after ranking by shared keys (before the filter). */
  preLimit: number;
  /** Candidates per query person returned (after the filter): what the caller will score. */
  limit: number;
  /** Only subjects passing this predicate on `s` (match_subject) are returned (e.g. `s.active`, need-to-know). */
  filter: SQL;
}

export interface CandidateRow extends StoredSubject {
  pi: number;
  w: number;
}

/**
 * Recall: the subjects sharing blocking keys with each query person, ranked by the rarity-weighted number of
 * shared keys (a key held by n subjects weighs 1/ln(2+n)); the same birth date weighs four times, a birth year
 * within one year half as much again, known birth years further apart half (the scorer sets those far lower). How many subjects hold a key comes from the key statistics, or for a key
 * missing there (rare, or new since the last refresh) from a count that stops at the cap. A key held by more
 * than `cap` subjects is read only where the birth date fits — the same date, then the same year, then the same
 * day and month a year either side (a query with only a year: that year ±1), each at most `cap` rows — so one
 * very common key can never make a lookup read a large part of the index. The ranking is the database function
 * `match_candidates` (migration 0009: a plpgsql function, so its plan is made once per connection); the best
 * `preLimit` per person are then checked against `filter` and the first `limit` passing are returned.
 */
export async function findCandidates(db: Db, queries: CandidateQuery[], o: CandidateOptions): Promise<CandidateRow[]> {
  const flat = queries.flatMap((q) => q.keys.map((key) => ({ pi: q.pi, key, y: q.birthYear, md: q.birthMd })));
  if (!flat.length) return [];
  return rowsOf<CandidateRow>(await db.execute(sql`
    WITH ranked AS MATERIALIZED (
      SELECT c.pi, c.subject_id, c.w FROM match_candidates(${JSON.stringify(flat)}::jsonb, ${o.cap}::int, ${o.preLimit}::int) c
    ), passed AS (
      -- One primary-key lookup per ranked candidate, whatever the size of the index; only those passing the filter.
      SELECT ranked.pi, ranked.w, s.id, row_number() OVER (PARTITION BY ranked.pi ORDER BY ranked.w DESC, s.id) AS rk
      FROM ranked CROSS JOIN LATERAL (SELECT s.id FROM match_subject s WHERE s.id = ranked.subject_id AND ${o.filter} LIMIT 1) s
    )
    SELECT passed.pi, passed.w::float8 AS w, s.id, s.kind, s.source_id, s.request_id, s.request_person_id, s.wanted_person_id, s.reference,
      s.names, s.birth_date, s.nationalities, s.gender, s.documents, s.prepared, s.engine, s.active
    FROM passed JOIN match_subject s ON s.id = passed.id
    WHERE passed.rk <= ${o.limit}
    ORDER BY passed.pi, passed.w DESC, s.id`));
}

/**
 * Refreshes the key statistics: every key held by more than `min` subjects with its count, replacing the old
 * figures in one statement pair (the caller's transaction). Returns how many keys were counted.
 */
export async function refreshKeyStats(db: Db, min: number): Promise<number> {
  await db.execute(sql`DELETE FROM match_key_stat`);
  const r = rowsOf<{ n: number }>(await db.execute(sql`
    WITH ins AS (
      INSERT INTO match_key_stat (key, n) SELECT key, count(*)::int FROM match_key GROUP BY key HAVING count(*) > ${min} RETURNING 1
    ) SELECT count(*)::int AS n FROM ins`));
  return Number(r[0]?.n ?? 0);
}

export interface HitRow extends NewHit {
  id: string;
  status: string;
  note: string | null;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: Date | string | null;
  version: number;
  target_kind: string;
  target_id: string;
  target_reference: string;
  target_name: string | null;
}

/**
 * Hits of persons of one request, with what the hit list shows of their targets. `targetVisible` is the
 * need-to-know test for the target's own record: when it fails, the name is withheld (the reference stays, so
 * the officer knows whom to ask).
 */
export async function hitsOfRequest(db: Db, requestId: string, targetVisible: SQL = sql`false`): Promise<HitRow[]> {
  return rowsOf<HitRow>(await db.execute(sql`
    SELECT h.id, h.request_id, h.request_person_id, h.subject_id, h.score, h.level, h.explanation, h.status, h.note,
      h.decided_by, u.display_name AS decided_by_name, h.decided_at, h.version,
      s.kind AS target_kind, s.source_id AS target_id, s.reference AS target_reference,
      CASE WHEN ${targetVisible} THEN s.names[1] END AS target_name
    FROM match_hit h JOIN match_subject s ON s.id = h.subject_id LEFT JOIN app_user u ON u.id = h.decided_by
    WHERE h.request_id = ${requestId}
    ORDER BY (h.status = 'open') DESC, h.score DESC, h.id`));
}

/** A request's hits counted: open alerts, open reviews, decided. */
export async function hitCountsOfRequest(db: Db, requestId: string): Promise<{ open_alerts: number; open_reviews: number; decided: number }> {
  const [row] = rowsOf<{ open_alerts: number; open_reviews: number; decided: number }>(await db.execute(sql`
    SELECT count(*) FILTER (WHERE status = 'open' AND level = 'alert')::int AS open_alerts,
      count(*) FILTER (WHERE status = 'open' AND level <> 'alert')::int AS open_reviews,
      count(*) FILTER (WHERE status <> 'open')::int AS decided
    FROM match_hit WHERE request_id = ${requestId}`));
  return row!;
}

/**
 * Removes the open hits of these persons other than those in `keep` (pairs of person and subject the engine still
 * finds); confirmed and rejected hits stay as judged.
 */
export async function dropOpenHitsExcept(db: Db, personIds: string[], keep: { personId: string; subjectId: string }[]): Promise<void> {
  if (!personIds.length) return;
  await db.execute(sql`
    DELETE FROM match_hit WHERE status = 'open' AND request_person_id = ANY (${uuidArray(personIds)})
      AND (request_person_id, subject_id) NOT IN (
        SELECT * FROM unnest(${uuidArray(keep.map((k) => k.personId))}, ${uuidArray(keep.map((k) => k.subjectId))}))`);
}

export interface NewHit {
  request_id: string;
  request_person_id: string;
  subject_id: string;
  score: number;
  level: string;
  explanation: unknown;
}

/**
 * Stores hits: new pairs are inserted open; an open hit gets the new score and explanation; a confirmed or
 * rejected hit is left exactly as the officer decided it. Returns the pairs that were inserted.
 */
export async function upsertHits(db: Db, hits: NewHit[], at: Date): Promise<{ id: string; subject_id: string; request_person_id: string; level: string }[]> {
  if (!hits.length) return [];
  const atIso = at.toISOString();
  return rowsOf(await db.execute(sql`
    INSERT INTO match_hit (request_id, request_person_id, subject_id, score, level, explanation, status, created_at, updated_at)
    SELECT request_id, request_person_id, subject_id, score, level, explanation, 'open', ${atIso}::timestamptz, ${atIso}::timestamptz
    FROM jsonb_to_recordset(${JSON.stringify(hits)}::jsonb) AS x(request_id uuid, request_person_id uuid, subject_id uuid, score float8, level text, explanation jsonb)
    ON CONFLICT (request_person_id, subject_id) DO UPDATE SET score = excluded.score, level = excluded.level,
      explanation = excluded.explanation, updated_at = excluded.updated_at
      WHERE match_hit.status = 'open'
    RETURNING id, subject_id, request_person_id, level, (xmax = 0) AS inserted`)).filter((r) => (r as { inserted: boolean }).inserted) as { id: string; subject_id: string; request_person_id: string; level: string }[];
}

/** Reference and unit of requests (who to tell about a hit). */
export async function requestsBrief(db: Db, ids: string[]): Promise<{ id: string; reference: string; unit_id: string }[]> {
  if (!ids.length) return [];
  return rowsOf(await db.execute(sql`SELECT id, reference, unit_id FROM request WHERE id = ANY (${uuidArray(ids)})`));
}

/** The persons of one request as the index needs them (a re-check; the caller has checked visibility). */
export async function personsOfRequest(db: Db, requestId: string): Promise<{ id: string; full_name: string; aliases: string[]; date_of_birth: string | null; gender: string; nationalities: string[]; documents: unknown }[]> {
  return rowsOf(await db.execute(sql`
    SELECT id, full_name, aliases, date_of_birth, gender, nationalities, documents FROM request_person WHERE request_id = ${requestId} ORDER BY created_at, id`));
}

/** One hit with its request's unit, locked for a decision. */
export async function lockHit(db: Db, id: string, visible: SQL): Promise<{ id: string; request_id: string; request_person_id: string; subject_id: string; status: string; version: number; unit_id: string; reference: string } | null> {
  return rowsOf<{ id: string; request_id: string; request_person_id: string; subject_id: string; status: string; version: number; unit_id: string; reference: string }>(await db.execute(sql`
    SELECT h.id, h.request_id, h.request_person_id, h.subject_id, h.status, h.version, r.unit_id, r.reference
    FROM match_hit h JOIN request r ON r.id = h.request_id
    WHERE h.id = ${id} AND ${visible}
    FOR UPDATE OF h`))[0] ?? null;
}

export async function decideHit(db: Db, id: string, version: number, v: { status: string; note: string | null; decidedBy: string; at: Date }): Promise<boolean> {
  const rows = rowsOf<{ id: string }>(await db.execute(sql`
    UPDATE match_hit SET status = ${v.status}, note = ${v.note}, decided_by = ${v.decidedBy}, decided_at = ${v.at.toISOString()}::timestamptz,
      version = version + 1, updated_at = ${v.at.toISOString()}::timestamptz
    WHERE id = ${id} AND version = ${version} AND status = 'open' RETURNING id`));
  return rows.length > 0;
}

/** User ids of a request's assignees. */
export async function assigneeIds(db: Db, requestId: string): Promise<string[]> {
  return rowsOf<{ user_id: string }>(await db.execute(sql`SELECT user_id FROM request_assignee WHERE request_id = ${requestId}`)).map((r) => r.user_id);
}

/**
 * Who learns of an alert on a request: those assigned to it and the active duty officers and supervisors of its unit
 * (the request may not be held by anyone yet), each once.
 */
export async function alertRecipients(db: Db, requestId: string, unitId: string): Promise<string[]> {
  return rowsOf<{ id: string }>(await db.execute(sql`
    SELECT user_id AS id FROM request_assignee WHERE request_id = ${requestId}
    UNION
    SELECT id FROM app_user WHERE unit_id = ${unitId} AND active AND roles && ARRAY['duty_officer', 'supervisor']::text[]`)).map((r) => r.id);
}

/** Counts of the index, for the bench and for operators. */
export async function indexSize(db: Db): Promise<{ subjects: number; keys: number }> {
  const r = rowsOf<{ subjects: number; keys: number }>(await db.execute(sql`
    SELECT (SELECT count(*) FROM match_subject)::int AS subjects, (SELECT count(*) FROM match_key)::int AS keys`))[0];
  return { subjects: Number(r.subjects), keys: Number(r.keys) };
}

/** Evaluates a predicate (e.g. a need-to-know rule for one request). */
export async function holds(db: Db, predicate: SQL): Promise<boolean> {
  return rowsOf<{ ok: boolean }>(await db.execute(sql`SELECT (${predicate}) AS ok`))[0]?.ok === true;
}

/** Subjects indexed by another engine version than the running one, a page at a time (for a re-index). */
export async function staleSubjects(db: Db, engine: string, afterId: string | null, limit: number): Promise<StoredSubject[]> {
  return rowsOf<StoredSubject>(await db.execute(sql`
    SELECT id, kind, source_id, request_id, request_person_id, wanted_person_id, reference, names, birth_date, nationalities, gender,
      documents, prepared, engine, active
    FROM match_subject WHERE engine <> ${engine} ${afterId ? sql`AND id > ${afterId}::uuid` : sql``} ORDER BY id LIMIT ${limit}`));
}
