/** All SQL of the desk module: case search and the shift handover, need-to-know applied in SQL. */
import { desc, eq, sql, type SQL } from 'drizzle-orm';
import { OPEN_STATUSES } from '../../../shared/domain.ts';
import type { CaseSearchQuery, SearchField } from '../../../shared/desk.schemas.ts';
import type { Db } from '../../platform/db/client.ts';
import { rowsOf } from '../../platform/db/client.ts';
import { appUser } from '../identity/index.ts';
import { requestRowVisibleSql, type VisibilityScope } from '../exchange/index.ts';
import { shiftHandover } from './desk.schema.ts';

/** A search answers at most this many matches exactly; beyond it, "more than". */
export const SEARCH_TOTAL_CAP = 500;

export interface CaseRow {
  id: string; reference: string; counterpart_reference: string | null; direction: string; channel: string; country_code: string;
  status: string; urgent: boolean; subject: string; received_at: Date | string | null; due_at: Date | string | null;
  paused_since: Date | string | null;
}

const CASE_COLUMNS = sql.raw(`r.id, r.reference, r.counterpart_reference, r.direction, r.channel, r.country_code, r.status, r.urgent,
  r.subject, r.received_at, r.due_at, r.paused_since`);

function likePattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function statusFilter(status: CaseSearchQuery['status']): SQL {
  if (status === 'all') return sql`true`;
  if (status === 'open') return sql`r.status IN (${sql.join(OPEN_STATUSES.map((s) => sql`${s}`), sql`, `)})`;
  return sql`r.status = ${status}`;
}

/** The newest this many cases the user may see are searched first (see `searchCases`). */
export const SEARCH_WINDOW = 5000;

const NEWEST_FIRST = sql.raw('received_at DESC NULLS LAST, reference DESC');

/**
 * Cases whose own or foreign reference contains the text, or whose subject or thread has its words, newest first;
 * the total is exact up to `SEARCH_TOTAL_CAP`. A common word matches thousands of cases, and sorting all of them costs
 * more than the user waits for, so the newest `SEARCH_WINDOW` cases the user may see (through the unit's and the
 * assignee's own indexes, as the queue does) are searched first: when that finds more than the cap, or covers every
 * case the filters leave, it is the answer (any case outside it is older than all inside). Otherwise every case is
 * searched through the indexes of each field (trigram on references, full text on subject and messages).
 */
export async function searchCases(db: Db, scope: VisibilityScope, q: CaseSearchQuery): Promise<{ rows: (CaseRow & { fields: SearchField[] })[]; total: number }> {
  const like = likePattern(q.q);
  const filters: SQL[] = [statusFilter(q.status)];
  if (q.channel) filters.push(sql`r.channel = ${q.channel}`);
  if (q.country) filters.push(sql`r.country_code = ${q.country}`);
  if (q.direction) filters.push(sql`r.direction = ${q.direction}`);
  // Dates are Stockholm calendar days (the desk's day), inclusive at both ends.
  if (q.receivedFrom) filters.push(sql`r.received_at >= (${q.receivedFrom}::date::timestamp AT TIME ZONE 'Europe/Stockholm')`);
  if (q.receivedTo) filters.push(sql`r.received_at < ((${q.receivedTo}::date + 1)::timestamp AT TIME ZONE 'Europe/Stockholm')`);
  const filtered = sql.join(filters, sql` AND `);
  // A query of only punctuation has no words: the full-text fields then match nothing (a reference still may).
  const words = sql`websearch_to_tsquery('simple'::regconfig, ${q.q})`;
  const refs = sql`lower(c.reference || ' ' || coalesce(c.counterpart_reference, ''))`;
  const inThread = sql`c.id IN (SELECT request_id FROM thread)`;
  // Where a case matched; `c` is a case row, `thread` the requests whose messages have the words.
  const fields = sql`array_remove(ARRAY[
      CASE WHEN ${refs} LIKE ${like} THEN CASE WHEN lower(c.reference) LIKE ${like} THEN 'reference' ELSE 'foreign_reference' END END,
      CASE WHEN to_tsvector('simple'::regconfig, c.subject) @@ ${words} THEN 'subject' END,
      CASE WHEN ${inThread} THEN 'thread' END], NULL)`;
  type Row = CaseRow & { fields: SearchField[]; total: number; searched: number };
  /** The page of `cases` that match (all do when `match` is null), the capped total, and how many cases were read. */
  const answer = async (cases: SQL, match: SQL | null) => {
    const rows = rowsOf<Row & { id: string | null }>(await db.execute(sql`
      WITH thread AS (SELECT request_id FROM request_message WHERE to_tsvector('simple'::regconfig, body) @@ ${words}),
      w AS (${cases}),
      capped AS (SELECT * FROM w c WHERE ${match ?? sql`true`} ORDER BY ${NEWEST_FIRST} LIMIT ${SEARCH_TOTAL_CAP + 1}),
      page AS (SELECT c.*, ${fields} AS fields FROM capped c ORDER BY ${NEWEST_FIRST} LIMIT ${q.limit})
      SELECT page.*, (SELECT count(*)::int FROM capped) AS total, ${match ? sql`(SELECT count(*)::int FROM w)` : sql`0`} AS searched
      FROM (SELECT 1) AS one LEFT JOIN page ON true ORDER BY page.received_at DESC NULLS LAST, page.reference DESC`));
    return { rows: rows.filter((r): r is Row & { id: string } => r.id !== null), total: rows[0]!.total, searched: rows[0]!.searched };
  };

  const branch = (from: SQL, where: SQL) =>
    sql`(SELECT ${CASE_COLUMNS} FROM ${from} WHERE ${where} AND ${filtered} ORDER BY r.received_at DESC NULLS LAST, r.reference DESC LIMIT ${SEARCH_WINDOW})`;
  const visibleNewest = scope.all
    ? branch(sql`request r`, sql`true`)
    : sql`${branch(sql`request r`, sql`r.unit_id = ${scope.unitId}`)}
      UNION ALL
      ${branch(sql`request_assignee ra JOIN request r ON r.id = ra.request_id`, sql`ra.user_id = ${scope.userId} AND r.unit_id <> ${scope.unitId}`)}`;
  const newest = await answer(
    sql`SELECT * FROM (${visibleNewest}) v ORDER BY ${NEWEST_FIRST} LIMIT ${SEARCH_WINDOW}`,
    sql`(${refs} LIKE ${like} OR to_tsvector('simple'::regconfig, c.subject) @@ ${words} OR ${inThread})`,
  );
  // Complete when the window held every case the filters leave, or more matches than the cap.
  if (newest.searched < SEARCH_WINDOW || newest.total > SEARCH_TOTAL_CAP) return newest;

  // Every case: each field through its own index, then need-to-know and the filters.
  const matched = sql`
    SELECT id FROM request WHERE lower(reference || ' ' || coalesce(counterpart_reference, '')) LIKE ${like}
    UNION
    SELECT id FROM request WHERE to_tsvector('simple'::regconfig, subject) @@ ${words}
    UNION
    SELECT request_id FROM thread`;
  return answer(sql`SELECT ${CASE_COLUMNS} FROM request r WHERE r.id IN (${matched}) AND ${requestRowVisibleSql(scope, 'r')} AND ${filtered}`, null);
}

/** Open cases of the scope that are overdue, due before `until`, or received after `since` (for the handover). */
export async function handoverCases(db: Db, scope: VisibilityScope, now: Date, until: Date, since: Date | null) {
  const open = sql`r.status IN (${sql.join(OPEN_STATUSES.map((s) => sql`${s}`), sql`, `)})`;
  const visible = requestRowVisibleSql(scope, 'r');
  const withAssignees = (cond: SQL, order: SQL) => sql`
    SELECT ${CASE_COLUMNS},
      coalesce((SELECT array_agg(u.display_name ORDER BY ra.assigned_at) FROM request_assignee ra JOIN app_user u ON u.id = ra.user_id WHERE ra.request_id = r.id), '{}') AS assignees
    FROM request r WHERE ${visible} AND ${open} AND ${cond} ORDER BY ${order} LIMIT 500`;
  type Row = CaseRow & { assignees: string[] };
  // A paused clock is not running out: paused requests are listed neither as overdue nor as due soon.
  const overdue = rowsOf<Row>(await db.execute(withAssignees(sql`r.due_at < ${now.toISOString()} AND r.paused_since IS NULL`, sql`r.due_at ASC`)));
  const dueSoon = rowsOf<Row>(await db.execute(withAssignees(
    sql`r.due_at >= ${now.toISOString()} AND r.due_at < ${until.toISOString()} AND r.paused_since IS NULL`, sql`r.due_at ASC`)));
  const fresh = since
    ? rowsOf<Row>(await db.execute(withAssignees(sql`r.created_at > ${since.toISOString()}`, sql`r.created_at ASC`)))
    : [];
  const openCount = rowsOf<{ n: number }>(await db.execute(sql`SELECT count(*)::int AS n FROM request r WHERE ${visible} AND ${open}`))[0].n;
  return { overdue, dueSoon, fresh, openCount };
}

export async function lastHandover(db: Db, unitId: string) {
  const rows = await db.select({ at: shiftHandover.at, note: shiftHandover.note, by: appUser.displayName })
    .from(shiftHandover).innerJoin(appUser, eq(appUser.id, shiftHandover.userId))
    .where(eq(shiftHandover.unitId, unitId)).orderBy(desc(shiftHandover.at)).limit(1);
  return rows[0] ?? null;
}

export async function insertHandover(db: Db, v: typeof shiftHandover.$inferInsert) {
  return (await db.insert(shiftHandover).values(v).returning())[0];
}
