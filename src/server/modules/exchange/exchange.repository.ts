/** All SQL of the exchange module. Every read of a request goes through the need-to-know scope. */
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { OPEN_STATUSES } from '../../../shared/domain.ts';
import type { ListRequestsQuery } from '../../../shared/exchange.schemas.ts';
import type { Db } from '../../platform/db/client.ts';
import { rowsOf } from '../../platform/db/client.ts';
import { appUser, unit } from '../identity/index.ts';
import type { VisibilityScope } from './exchange.policy.ts';
import {
  attachment, clockStop, deadlineEvent, exchangeSettings, request, requestAssignee, requestItem,
  requestMessage, requestPerson,
} from './exchange.schema.ts';

export type RequestRow = typeof request.$inferSelect;
export type NewRequestRow = typeof request.$inferInsert;
export type PersonRow = typeof requestPerson.$inferSelect;

/** The need-to-know predicate: the actor's unit, or assigned to the actor; auditors see all. */
function visible(scope: VisibilityScope): SQL {
  if (scope.all) return sql`true`;
  return sql`(${request.unitId} = ${scope.unitId} OR EXISTS (SELECT 1 FROM request_assignee ra WHERE ra.request_id = ${request.id} AND ra.user_id = ${scope.userId}))`;
}

/**
 * The need-to-know predicate for another module's query (matching: hits, person search): whether the request
 * with this id is visible to the scope. The same rule as `visible` above.
 */
export function requestVisibleSql(scope: VisibilityScope, requestId: SQL): SQL {
  if (scope.all) return sql`true`;
  return sql`EXISTS (SELECT 1 FROM request rv WHERE rv.id = ${requestId} AND (rv.unit_id = ${scope.unitId} OR EXISTS (SELECT 1 FROM request_assignee ra WHERE ra.request_id = rv.id AND ra.user_id = ${scope.userId})))`;
}

/** The same rule for a query that reads `request` under an alias (desk search and handover read many rows). */
export function requestRowVisibleSql(scope: VisibilityScope, alias: string): SQL {
  if (!/^[a-z_][a-z0-9_]*$/.test(alias)) throw new Error(`unsafe SQL alias: ${alias}`);
  if (scope.all) return sql`true`;
  const a = sql.raw(alias);
  return sql`(${a}.unit_id = ${scope.unitId} OR EXISTS (SELECT 1 FROM request_assignee ra WHERE ra.request_id = ${a}.id AND ra.user_id = ${scope.userId}))`;
}

/**
 * The next number of a reference scope (e.g. SE-2026), from that scope's sequence (migration 0017): unique and
 * taken without a lock held to the commit; a rolled-back transaction leaves a gap, which no rule forbids.
 */
export async function nextReference(db: Db, scope: string): Promise<number> {
  const rows = rowsOf<{ n: string | number }>(await db.execute(sql`SELECT next_reference(${scope}) AS n`));
  return Number(rows[0].n);
}

export async function insertRequest(db: Db, v: NewRequestRow): Promise<RequestRow> {
  return (await db.insert(request).values(v).returning())[0];
}

export async function findVisibleRequest(db: Db, scope: VisibilityScope, id: string, forUpdate = false): Promise<RequestRow | null> {
  const q = db.select().from(request).where(and(eq(request.id, id), visible(scope))).limit(1);
  const rows = forUpdate ? await q.for('update') : await q;
  return rows[0] ?? null;
}

export async function findRequestById(db: Db, id: string): Promise<RequestRow | null> {
  return (await db.select().from(request).where(eq(request.id, id)).limit(1))[0] ?? null;
}

/** Updates a request if its version is still the one the caller read (optimistic concurrency). */
export async function updateRequestVersioned(db: Db, id: string, version: number, v: Partial<NewRequestRow>): Promise<RequestRow | null> {
  const rows = await db.update(request).set({ ...v, version: version + 1 })
    .where(and(eq(request.id, id), eq(request.version, version))).returning();
  return rows[0] ?? null;
}

export async function updateRequest(db: Db, id: string, v: Partial<NewRequestRow>): Promise<void> {
  await db.update(request).set(v).where(eq(request.id, id));
}

/** The queue counts matching requests up to this many. */
export const TOTAL_CAP = 1000;

export interface QueueRow {
  id: string; reference: string; direction: string; channel: string; country_code: string; status: string; urgent: boolean;
  subject: string; received_at: Date | string | null; due_at: Date | string | null; paused_since: Date | string | null;
  regime_id: string; person_count: number; open_hit_count: number;
}

/**
 * The duty queue: visible requests, overdue first then least time left (due_at ascending puts overdue first),
 * paused and deadline-less ones last.
 */
export async function listVisibleRequests(db: Db, scope: VisibilityScope, q: ListRequestsQuery, now: Date, hitCountSql: SQL) {
  const where: SQL[] = [];
  if (!q.status || q.status === 'open') where.push(inArray(request.status, [...OPEN_STATUSES]));
  else if (q.status !== 'all') where.push(eq(request.status, q.status));
  if (q.channel) where.push(eq(request.channel, q.channel));
  if (q.country) where.push(eq(request.countryCode, q.country));
  if (q.direction) where.push(eq(request.direction, q.direction));
  if (q.assignee === 'me') where.push(sql`EXISTS (SELECT 1 FROM request_assignee a WHERE a.request_id = ${request.id} AND a.user_id = ${scope.userId})`);
  else if (q.assignee === 'none') where.push(sql`NOT EXISTS (SELECT 1 FROM request_assignee a WHERE a.request_id = ${request.id})`);
  else if (q.assignee) where.push(sql`EXISTS (SELECT 1 FROM request_assignee a WHERE a.request_id = ${request.id} AND a.user_id = ${q.assignee})`);
  const cond = where.length ? and(...where)! : sql`true`;
  const order = sql`${request.dueAt} ASC NULLS LAST, ${request.urgent} DESC, ${request.receivedAt} ASC, ${request.id}`;
  const limit = q.limit + q.offset;
  // Need-to-know as a union of its two parts (the unit's requests; those assigned to the user), so each part uses its
  // own index — the unit's open-queue index, the assignee index — instead of an OR that reads every request.
  const branches = (cap: number) => scope.all
    ? sql`(SELECT ${request.id} AS id, ${request.dueAt} AS due_at, ${request.urgent} AS urgent, ${request.receivedAt} AS received_at FROM ${request} WHERE ${cond} ORDER BY ${order} LIMIT ${cap})`
    : sql`(SELECT ${request.id} AS id, ${request.dueAt} AS due_at, ${request.urgent} AS urgent, ${request.receivedAt} AS received_at FROM ${request}
          WHERE ${request.unitId} = ${scope.unitId} AND ${cond} ORDER BY ${order} LIMIT ${cap})
      UNION
      (SELECT ${request.id}, ${request.dueAt}, ${request.urgent}, ${request.receivedAt} FROM request_assignee ra JOIN ${request} ON ${request.id} = ra.request_id
          WHERE ra.user_id = ${scope.userId} AND ${request.unitId} <> ${scope.unitId} AND ${cond} ORDER BY ${order} LIMIT ${cap})`;
  const items = rowsOf<QueueRow>(await db.execute(sql`
    WITH page AS (
      SELECT id, due_at, urgent, received_at FROM (${branches(limit)}) u
      ORDER BY due_at ASC NULLS LAST, urgent DESC, received_at ASC, id LIMIT ${q.limit} OFFSET ${q.offset}
    )
    SELECT r.id, r.reference, r.direction, r.channel, r.country_code, r.status, r.urgent, r.subject, r.received_at,
           r.due_at, r.paused_since, r.regime_id,
           (SELECT count(*)::int FROM request_person p WHERE p.request_id = r.id) AS person_count,
           ${hitCountSql} AS open_hit_count
    FROM page JOIN ${request} r ON r.id = page.id
    ORDER BY page.due_at ASC NULLS LAST, page.urgent DESC, page.received_at ASC, page.id`));
  // An exact count of 100,000 open requests costs more than the page itself; beyond the cap "1,000+" is enough.
  const total = rowsOf<{ n: number }>(await db.execute(sql`SELECT count(*)::int AS n FROM (${branches(TOTAL_CAP + 1)}) c`))[0].n;
  void now;
  return { items, total: Math.min(total, TOTAL_CAP), totalCapped: total > TOTAL_CAP };
}

export async function assigneesOf(db: Db, requestIds: string[]) {
  if (!requestIds.length) return [];
  return db.select({ requestId: requestAssignee.requestId, id: appUser.id, displayName: appUser.displayName })
    .from(requestAssignee).innerJoin(appUser, eq(appUser.id, requestAssignee.userId))
    .where(inArray(requestAssignee.requestId, requestIds)).orderBy(asc(requestAssignee.assignedAt));
}

export async function addAssignee(db: Db, v: typeof requestAssignee.$inferInsert): Promise<boolean> {
  const rows = await db.insert(requestAssignee).values(v).onConflictDoNothing().returning();
  return rows.length > 0;
}

export async function insertPersons(db: Db, rows: (typeof requestPerson.$inferInsert)[]): Promise<PersonRow[]> {
  return rows.length ? db.insert(requestPerson).values(rows).returning() : [];
}

export async function personsOf(db: Db, requestId: string): Promise<PersonRow[]> {
  return db.select().from(requestPerson).where(eq(requestPerson.requestId, requestId)).orderBy(requestPerson.createdAt, requestPerson.id);
}

export async function insertItems(db: Db, rows: (typeof requestItem.$inferInsert)[]) {
  if (rows.length) await db.insert(requestItem).values(rows);
}

export async function itemsOf(db: Db, requestId: string) {
  return db.select().from(requestItem).where(eq(requestItem.requestId, requestId)).orderBy(requestItem.createdAt, requestItem.id);
}

export async function insertMessage(db: Db, v: typeof requestMessage.$inferInsert) {
  return (await db.insert(requestMessage).values(v).returning())[0];
}

export async function messagesOf(db: Db, requestId: string) {
  return db.select({ m: requestMessage, authorName: appUser.displayName }).from(requestMessage)
    .leftJoin(appUser, eq(appUser.id, requestMessage.authorId))
    .where(eq(requestMessage.requestId, requestId)).orderBy(requestMessage.createdAt, requestMessage.id);
}

export async function insertAttachment(db: Db, v: typeof attachment.$inferInsert) {
  return (await db.insert(attachment).values(v).returning({ id: attachment.id }))[0];
}

export async function attachmentsOf(db: Db, requestId: string) {
  return db.select({ id: attachment.id, messageId: attachment.messageId, filename: attachment.filename, contentType: attachment.contentType, size: attachment.size, createdAt: attachment.createdAt })
    .from(attachment).where(eq(attachment.requestId, requestId)).orderBy(attachment.createdAt);
}

/** An attachment with its content, only when its request is visible to the scope. */
export async function findVisibleAttachment(db: Db, scope: VisibilityScope, id: string) {
  const rows = await db.select({ a: attachment }).from(attachment).innerJoin(request, eq(request.id, attachment.requestId))
    .where(and(eq(attachment.id, id), visible(scope))).limit(1);
  return rows[0]?.a ?? null;
}

export async function stopsOf(db: Db, requestId: string) {
  return db.select().from(clockStop).where(eq(clockStop.requestId, requestId)).orderBy(clockStop.fromAt);
}

export async function openStop(db: Db, v: { requestId: string; reason: string; fromAt: Date }) {
  await db.insert(clockStop).values(v);
}

export async function closeOpenStops(db: Db, requestId: string, at: Date) {
  await db.update(clockStop).set({ toAt: at }).where(and(eq(clockStop.requestId, requestId), sql`${clockStop.toAt} IS NULL`));
}

export async function insertDeadlineEvent(db: Db, v: typeof deadlineEvent.$inferInsert) {
  await db.insert(deadlineEvent).values(v);
}

export async function deadlineEventsOf(db: Db, requestId: string) {
  return db.select({ e: deadlineEvent, actorName: appUser.displayName }).from(deadlineEvent)
    .leftJoin(appUser, eq(appUser.id, deadlineEvent.actorId))
    .where(eq(deadlineEvent.requestId, requestId)).orderBy(deadlineEvent.at, deadlineEvent.seq);
}

/** Supervisors of a unit (escalation recipients). */
export async function supervisorsOf(db: Db, unitId: string): Promise<string[]> {
  const rows = await db.select({ id: appUser.id }).from(appUser)
    .where(and(eq(appUser.unitId, unitId), eq(appUser.active, true), sql`'supervisor' = ANY(${appUser.roles})`));
  return rows.map((r) => r.id);
}

export async function isUserInUnit(db: Db, userId: string, unitId: string): Promise<boolean> {
  const rows = await db.select({ id: appUser.id }).from(appUser)
    .where(and(eq(appUser.id, userId), eq(appUser.unitId, unitId), eq(appUser.active, true))).limit(1);
  return rows.length > 0;
}

export async function getSetting<T>(db: Db, key: string): Promise<T | null> {
  const rows = await db.select().from(exchangeSettings).where(eq(exchangeSettings.key, key)).limit(1);
  return (rows[0]?.value as T) ?? null;
}

export async function putSetting(db: Db, key: string, value: unknown) {
  await db.insert(exchangeSettings).values({ key, value: value as object })
    .onConflictDoUpdate({ target: exchangeSettings.key, set: { value: value as object } });
}

export async function unitOf(db: Db, unitId: string) {
  return (await db.select().from(unit).where(eq(unit.id, unitId)).limit(1))[0] ?? null;
}

/** Replaces the information items of a request (a draft being edited). */
export async function replaceItems(db: Db, requestId: string, rows: (typeof requestItem.$inferInsert)[]) {
  await db.delete(requestItem).where(eq(requestItem.requestId, requestId));
  if (rows.length) await db.insert(requestItem).values(rows);
}

/** Rewrites the body of a draft's own first message (nothing has left the node yet). */
export async function updateDraftRequestMessage(db: Db, requestId: string, body: string) {
  await db.update(requestMessage).set({ body }).where(and(eq(requestMessage.requestId, requestId), eq(requestMessage.kind, 'request'), eq(requestMessage.direction, 'out')));
}
