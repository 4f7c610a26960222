/** All SQL of the strategic module. Need-to-know for restricted instructions is applied here, in SQL. */
import { and, asc, desc, eq, gte, inArray, isNull, max, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { appUser, unit } from '../identity/index.ts';
import {
  strategicActionItem, strategicAgendaItem, strategicAttachment, strategicGroup, strategicInstruction, strategicMeeting, strategicMember,
} from './strategic.schema.ts';

export type GroupRow = typeof strategicGroup.$inferSelect;
export type MeetingRow = typeof strategicMeeting.$inferSelect;
export type InstructionRow = typeof strategicInstruction.$inferSelect;
export type ActionRow = typeof strategicActionItem.$inferSelect;

/** Who reads: restricted instructions are for the group's members, the drafter and the unit's approvers. */
export interface Reader { userId: string; approver: boolean }

/** A restricted instruction is visible to the group's delegates and substitutes, its drafter and the approvers. */
export function instructionVisible(r: Reader): SQL {
  // Qualified names throughout: drizzle leaves columns unqualified in single-table queries, which a subquery would capture.
  return sql`(strategic_instruction.restricted = false OR strategic_instruction.drafted_by = ${r.userId} OR ${r.approver} OR EXISTS (
    SELECT 1 FROM strategic_member sm JOIN strategic_meeting smt ON smt.group_id = sm.group_id
    WHERE smt.id = strategic_instruction.meeting_id AND sm.user_id = ${r.userId}))`;
}

// ---- groups and members ----

export async function insertGroup(db: Db, v: typeof strategicGroup.$inferInsert): Promise<GroupRow> {
  return (await db.insert(strategicGroup).values(v).returning())[0];
}

export async function codeTaken(db: Db, code: string): Promise<boolean> {
  return (await db.select({ id: strategicGroup.id }).from(strategicGroup).where(sql`lower(${strategicGroup.code}) = lower(${code})`).limit(1)).length > 0;
}

export async function findGroup(db: Db, id: string, forUpdate = false): Promise<GroupRow | null> {
  const q = db.select().from(strategicGroup).where(eq(strategicGroup.id, id)).limit(1);
  return (forUpdate ? await q.for('update') : await q)[0] ?? null;
}

/** Bumps a group's version if it is still the one the caller read. */
export async function bumpGroup(db: Db, id: string, version: number, now: Date): Promise<boolean> {
  const rows = await db.update(strategicGroup).set({ version: version + 1, updatedAt: now })
    .where(and(eq(strategicGroup.id, id), eq(strategicGroup.version, version))).returning({ id: strategicGroup.id });
  return rows.length > 0;
}

const parentCode = sql<string | null>`(SELECT p.code FROM strategic_group p WHERE p.id = strategic_group.parent_id)`;

/** Groups (all, or one's children), with the parent's code, the next meeting and the reader's own role. */
export async function listGroups(db: Db, userId: string, now: Date, where?: SQL) {
  return db.select({
    g: strategicGroup, parentCode,
    nextMeetingAt: sql<Date | string | null>`(SELECT min(sm.starts_at) FROM strategic_meeting sm WHERE sm.group_id = strategic_group.id AND sm.ends_at >= ${now.toISOString()}::timestamptz)`,
    myRole: sql<string | null>`(SELECT mb.role FROM strategic_member mb WHERE mb.group_id = strategic_group.id AND mb.user_id = ${userId})`,
  }).from(strategicGroup).where(where)
    // Operational action plans right after their priority.
    .orderBy(sql`coalesce(${parentCode}, strategic_group.code)`, sql`strategic_group.parent_id IS NOT NULL`, asc(strategicGroup.code));
}

export const groupIs = (id: string) => eq(strategicGroup.id, id);
export const childOf = (id: string) => eq(strategicGroup.parentId, id);

export async function membersOf(db: Db, groupId: string) {
  return db.select({ userId: strategicMember.userId, role: strategicMember.role, displayName: appUser.displayName, username: appUser.username, unitCode: unit.code })
    .from(strategicMember).innerJoin(appUser, eq(appUser.id, strategicMember.userId)).innerJoin(unit, eq(unit.id, appUser.unitId))
    .where(eq(strategicMember.groupId, groupId)).orderBy(asc(strategicMember.role), asc(appUser.displayName));
}

export async function memberCount(db: Db, groupId: string): Promise<number> {
  return (await db.select({ n: sql<number>`count(*)::int` }).from(strategicMember).where(eq(strategicMember.groupId, groupId)))[0].n;
}

export async function upsertMember(db: Db, v: typeof strategicMember.$inferInsert): Promise<void> {
  await db.insert(strategicMember).values(v).onConflictDoUpdate({ target: [strategicMember.groupId, strategicMember.userId], set: { role: v.role } });
}

export async function deleteMember(db: Db, groupId: string, userId: string): Promise<boolean> {
  return (await db.delete(strategicMember).where(and(eq(strategicMember.groupId, groupId), eq(strategicMember.userId, userId))).returning({ u: strategicMember.userId })).length > 0;
}

/** Active strategic officers (owners and delegates are chosen among them), supervisors marked. */
export async function strategicOfficers(db: Db) {
  return db.select({ id: appUser.id, displayName: appUser.displayName, roles: appUser.roles }).from(appUser)
    .where(and(eq(appUser.active, true), sql`'strategic_officer' = ANY(${appUser.roles})`)).orderBy(asc(appUser.displayName));
}

export async function isStrategicOfficer(db: Db, userId: string): Promise<boolean> {
  return (await db.select({ id: appUser.id }).from(appUser)
    .where(and(eq(appUser.id, userId), eq(appUser.active, true), sql`'strategic_officer' = ANY(${appUser.roles})`)).limit(1)).length > 0;
}

export async function userNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await db.select({ id: appUser.id, displayName: appUser.displayName }).from(appUser).where(inArray(appUser.id, unique));
  return new Map(rows.map((r) => [r.id, r.displayName]));
}

// ---- meetings ----

export async function insertMeeting(db: Db, v: typeof strategicMeeting.$inferInsert): Promise<MeetingRow> {
  return (await db.insert(strategicMeeting).values(v).returning())[0];
}

export async function insertAgenda(db: Db, rows: (typeof strategicAgendaItem.$inferInsert)[]): Promise<void> {
  if (rows.length) await db.insert(strategicAgendaItem).values(rows);
}

export async function findMeeting(db: Db, id: string, forUpdate = false) {
  const q = db.select({ m: strategicMeeting, groupCode: strategicGroup.code, groupName: strategicGroup.name }).from(strategicMeeting)
    .innerJoin(strategicGroup, eq(strategicGroup.id, strategicMeeting.groupId)).where(eq(strategicMeeting.id, id)).limit(1);
  return (forUpdate ? await q.for('update', { of: strategicMeeting }) : await q)[0] ?? null;
}

export async function updateMeetingVersioned(db: Db, id: string, version: number, v: Partial<typeof strategicMeeting.$inferInsert>): Promise<boolean> {
  const rows = await db.update(strategicMeeting).set({ ...v, version: version + 1 })
    .where(and(eq(strategicMeeting.id, id), eq(strategicMeeting.version, version))).returning({ id: strategicMeeting.id });
  return rows.length > 0;
}

const instructionStatus = sql<string | null>`(SELECT CASE WHEN bool_or(si.status = 'approved') THEN 'approved' WHEN bool_or(si.status = 'draft') THEN 'draft' END
  FROM strategic_instruction si WHERE si.meeting_id = strategic_meeting.id)`;

/** Meetings with their group's code and instruction status, filtered and ordered by start. */
export async function listMeetings(db: Db, where: SQL | undefined, limit = 500) {
  return db.select({ m: strategicMeeting, groupCode: strategicGroup.code, instructionStatus })
    .from(strategicMeeting).innerJoin(strategicGroup, eq(strategicGroup.id, strategicMeeting.groupId))
    .where(where).orderBy(asc(strategicMeeting.startsAt), asc(strategicMeeting.id)).limit(limit);
}

export const meetingIs = (id: string) => eq(strategicMeeting.id, id);
export const meetingsOfGroup = (groupId: string) => eq(strategicMeeting.groupId, groupId);
/** Meetings of the groups the user sits in (as delegate or substitute), from a moment on. */
export const meetingsOfMember = (userId: string, from?: Date) => and(
  sql`strategic_meeting.group_id IN (SELECT mb.group_id FROM strategic_member mb WHERE mb.user_id = ${userId})`,
  from ? gte(strategicMeeting.endsAt, from) : undefined,
);

export async function agendaOf(db: Db, meetingId: string) {
  return db.select().from(strategicAgendaItem).where(eq(strategicAgendaItem.meetingId, meetingId)).orderBy(asc(strategicAgendaItem.position));
}

// ---- instructions ----

export async function instructionsOf(db: Db, meetingId: string, r: Reader): Promise<InstructionRow[]> {
  return db.select().from(strategicInstruction).where(and(eq(strategicInstruction.meetingId, meetingId), instructionVisible(r)))
    .orderBy(desc(strategicInstruction.number));
}

export async function instructionCount(db: Db, meetingId: string): Promise<number> {
  return (await db.select({ n: sql<number>`count(*)::int` }).from(strategicInstruction).where(eq(strategicInstruction.meetingId, meetingId)))[0].n;
}

export async function hasDraft(db: Db, meetingId: string): Promise<boolean> {
  return (await db.select({ id: strategicInstruction.id }).from(strategicInstruction)
    .where(and(eq(strategicInstruction.meetingId, meetingId), eq(strategicInstruction.status, 'draft'))).limit(1)).length > 0;
}

export async function nextInstructionNumber(db: Db, meetingId: string): Promise<number> {
  const r = await db.select({ n: max(strategicInstruction.number) }).from(strategicInstruction).where(eq(strategicInstruction.meetingId, meetingId));
  return (r[0]?.n ?? 0) + 1;
}

export async function insertInstruction(db: Db, v: typeof strategicInstruction.$inferInsert): Promise<InstructionRow> {
  return (await db.insert(strategicInstruction).values(v).returning())[0];
}

/** An instruction the reader may see, locked for a change. */
export async function findInstruction(db: Db, id: string, r: Reader): Promise<InstructionRow | null> {
  return (await db.select().from(strategicInstruction).where(and(eq(strategicInstruction.id, id), instructionVisible(r))).limit(1).for('update'))[0] ?? null;
}

/** Changes a draft if its version is still the one the caller read; approved instructions never match. */
export async function updateDraftVersioned(db: Db, id: string, version: number, v: Partial<typeof strategicInstruction.$inferInsert>): Promise<boolean> {
  const rows = await db.update(strategicInstruction).set({ ...v, version: version + 1 })
    .where(and(eq(strategicInstruction.id, id), eq(strategicInstruction.version, version), eq(strategicInstruction.status, 'draft')))
    .returning({ id: strategicInstruction.id });
  return rows.length > 0;
}

/** The approved instruction a newly approved version replaces becomes superseded (its text stays). */
export async function supersedeApproved(db: Db, meetingId: string, now: Date): Promise<number> {
  return (await db.update(strategicInstruction).set({ status: 'superseded', updatedAt: now, version: sql`${strategicInstruction.version} + 1` })
    .where(and(eq(strategicInstruction.meetingId, meetingId), eq(strategicInstruction.status, 'approved'))).returning({ id: strategicInstruction.id })).length;
}

// ---- action items ----

export async function insertAction(db: Db, v: typeof strategicActionItem.$inferInsert): Promise<ActionRow> {
  return (await db.insert(strategicActionItem).values(v).returning())[0];
}

export async function actionsOf(db: Db, meetingId: string): Promise<ActionRow[]> {
  return db.select().from(strategicActionItem).where(eq(strategicActionItem.meetingId, meetingId))
    .orderBy(asc(strategicActionItem.dueDate), asc(strategicActionItem.createdAt));
}

export async function findAction(db: Db, id: string, forUpdate = false): Promise<ActionRow | null> {
  const q = db.select().from(strategicActionItem).where(eq(strategicActionItem.id, id)).limit(1);
  return (forUpdate ? await q.for('update') : await q)[0] ?? null;
}

export async function completeActionVersioned(db: Db, id: string, version: number, v: { doneAt: Date; doneBy: string; doneNote: string | null }): Promise<boolean> {
  const rows = await db.update(strategicActionItem).set({ ...v, version: version + 1 })
    .where(and(eq(strategicActionItem.id, id), eq(strategicActionItem.version, version), isNull(strategicActionItem.doneAt)))
    .returning({ id: strategicActionItem.id });
  return rows.length > 0;
}

/** A user's open action items, soonest due first, with their meeting. */
export async function openActionsOf(db: Db, userId: string) {
  return db.select({ a: strategicActionItem, meetingTitle: strategicMeeting.title, groupCode: strategicGroup.code })
    .from(strategicActionItem).innerJoin(strategicMeeting, eq(strategicMeeting.id, strategicActionItem.meetingId))
    .innerJoin(strategicGroup, eq(strategicGroup.id, strategicMeeting.groupId))
    .where(and(eq(strategicActionItem.ownerId, userId), isNull(strategicActionItem.doneAt))).orderBy(asc(strategicActionItem.dueDate)).limit(200);
}

// ---- attachments ----

export async function insertAttachment(db: Db, v: typeof strategicAttachment.$inferInsert) {
  return (await db.insert(strategicAttachment).values(v).returning({ id: strategicAttachment.id }))[0];
}

export async function attachmentsOf(db: Db, meetingId: string) {
  return db.select({ id: strategicAttachment.id, filename: strategicAttachment.filename, contentType: strategicAttachment.contentType, size: strategicAttachment.size, createdAt: strategicAttachment.createdAt })
    .from(strategicAttachment).where(eq(strategicAttachment.meetingId, meetingId)).orderBy(asc(strategicAttachment.createdAt));
}

export async function findAttachment(db: Db, id: string) {
  return (await db.select().from(strategicAttachment).where(eq(strategicAttachment.id, id)).limit(1))[0] ?? null;
}
