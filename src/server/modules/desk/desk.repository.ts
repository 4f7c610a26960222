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

/**
 * Cases whose own or foreign reference contains the text, or whose subject or thread has its words. Each
 * branch uses its own index (trigram on references, full text on subject and messages); the union is then
 * narrowed by need-to-know and the filters, newest first.
 */
export async function searchCases(db: Db, scope: VisibilityScope, q: CaseSearchQuery): Promise<{ rows: (CaseRow & { fields: SearchField[] })[]; total: number }> {
  const like = likePattern(q.q);
  const where: SQL[] = [requestRowVisibleSql(scope, 'r'), statusFilter(q.status)];
  if (q.channel) where.push(sql`r.channel = ${q.channel}`);
  if (q.country) where.push(sql`r.country_code = ${q.country}`);
  if (q.direction) where.push(sql`r.direction = ${q.direction}`);
  // Dates are Stockholm calendar days (the desk's day), inclusive at both ends.
  if (q.receivedFrom) where.push(sql`r.received_at >= (${q.receivedFrom}::date::timestamp AT TIME ZONE 'Europe/Stockholm')`);
  if (q.receivedTo) where.push(sql`r.received_at < ((${q.receivedTo}::date + 1)::timestamp AT TIME ZONE 'Europe/Stockholm')`);
  const cond = sql.join(where, sql` AND `);
  // Words for the full-text branches; a query of only punctuation matches no words (the reference branch may still match).
  const hits = sql`
    SELECT id, CASE WHEN lower(reference) LIKE ${like} THEN 'reference' ELSE 'foreign_reference' END AS field FROM request
      WHERE lower(reference || ' ' || coalesce(counterpart_reference, '')) LIKE ${like}
    UNION ALL
    SELECT id, 'subject' FROM request WHERE to_tsvector('simple'::regconfig, subject) @@ websearch_to_tsquery('simple'::regconfig, ${q.q})
    UNION ALL
    SELECT DISTINCT request_id, 'thread' FROM request_message WHERE to_tsvector('simple'::regconfig, body) @@ websearch_to_tsquery('simple'::regconfig, ${q.q})`;
  const rows = rowsOf<CaseRow & { fields: SearchField[]; total: number }>(await db.execute(sql`
    WITH h AS (${hits}),
    m AS (
      SELECT ${CASE_COLUMNS}, array_agg(DISTINCT h.field) AS fields
      FROM h JOIN request r ON r.id = h.id
      WHERE ${cond}
      GROUP BY r.id
    ),
    capped AS (SELECT * FROM m ORDER BY received_at DESC NULLS LAST, reference DESC LIMIT ${SEARCH_TOTAL_CAP + 1})
    SELECT *, (SELECT count(*)::int FROM capped) AS total FROM capped ORDER BY received_at DESC NULLS LAST, reference DESC LIMIT ${q.limit}`));
  return { rows, total: rows[0]?.total ?? 0 };
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
