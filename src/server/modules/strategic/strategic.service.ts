/**
 * Use cases of strategic cooperation: the EU working groups and institutions Sweden sits in, their delegates
 * (consulted only with a justification, LED Art 25), and their meetings with agenda. The work on a meeting —
 * instruction, report, action items, attachments — is in strategic.work.ts.
 */
import type { z } from 'zod';
import type {
  Classification, CreateGroupInput, CreateMeetingInput, GroupDetail, GroupKind, MeetingDetail, MeetingPlace, MemberRole, memberInput, removeMemberInput,
} from '../../../shared/strategic.schemas.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import { inTransaction, type Actor, type Ctx } from '../../platform/context.ts';
import { strategicErrors as E } from './strategic.errors.ts';
import { stockholmToday } from './strategic.jobs.ts';
import { actionItemActions, groupActions, instructionActions, mayApprove, maySeeModule, meetingActions } from './strategic.policy.ts';
import * as repo from './strategic.repository.ts';

export type ActorCtx = Ctx & { actor: Actor };

/** Only strategic officers see the module; for anybody else it does not exist. */
export function requireModule(ctx: ActorCtx): void {
  if (!maySeeModule(ctx.actor)) throw E.notFound();
}

export const readerOf = (ctx: ActorCtx): repo.Reader => ({ userId: ctx.actor.id, approver: mayApprove(ctx.actor) });
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

type GroupListRow = Awaited<ReturnType<typeof repo.listGroups>>[number];
function groupSummaryOf(r: GroupListRow) {
  return {
    id: r.g.id, code: r.g.code, name: r.g.name, kind: r.g.kind as GroupKind, parentId: r.g.parentId, parentCode: r.parentCode,
    nextMeetingAt: iso(r.nextMeetingAt), myRole: r.myRole as MemberRole | null,
  };
}

type MeetingListRow = Awaited<ReturnType<typeof repo.listMeetings>>[number];
export function meetingSummaryOf(r: MeetingListRow) {
  return {
    id: r.m.id, groupId: r.m.groupId, groupCode: r.groupCode, title: r.m.title, startsAt: r.m.startsAt.toISOString(), endsAt: r.m.endsAt.toISOString(),
    place: r.m.place as MeetingPlace, placeDetail: r.m.placeDetail, instructionStatus: r.instructionStatus as 'draft' | null, reported: !!r.m.reportedAt,
  };
}

/** Every group, EMPACT operational action plans under their priority, with the reader's own role in each. */
export async function listGroups(ctx: ActorCtx) {
  requireModule(ctx);
  return { items: (await repo.listGroups(ctx.db, ctx.actor.id, ctx.clock.now())).map(groupSummaryOf) };
}

/** Registers a group; an operational action plan needs an EMPACT priority as parent, and only it has one. */
export async function createGroup(ctx: ActorCtx, input: CreateGroupInput): Promise<GroupDetail> {
  requireModule(ctx);
  const id = await inTransaction(ctx, async (tx) => {
    if (input.kind === 'empact_oap') {
      const p = input.parentId ? await repo.findGroup(tx.db, input.parentId) : null;
      if (!p || p.kind !== 'empact_priority') throw E.invalid('parent_required', 'parentId');
    } else if (input.parentId) throw E.invalid('parent_not_allowed', 'parentId');
    if (await repo.codeTaken(tx.db, input.code)) throw E.duplicateCode();
    const now = tx.clock.now();
    const g = await repo.insertGroup(tx.db, {
      code: input.code, name: input.name, kind: input.kind, parentId: input.parentId ?? null, description: input.description ?? null,
      createdBy: ctx.actor.id, createdAt: now, updatedAt: now,
    });
    await audit(tx, { category: 'collection', action: 'strategic.group.create', entityType: 'strategic_group', entityId: g.id, details: { code: g.code, kind: g.kind } });
    return g.id;
  });
  return getGroup(ctx, id);
}

/** A group with its operational action plans and meetings; the delegates are a separate, justified read. */
export async function getGroup(ctx: ActorCtx, id: string): Promise<GroupDetail> {
  requireModule(ctx);
  const now = ctx.clock.now();
  const [row] = await repo.listGroups(ctx.db, ctx.actor.id, now, repo.groupIs(id));
  if (!row) throw E.notFound();
  const children = await repo.listGroups(ctx.db, ctx.actor.id, now, repo.childOf(id));
  const meetings = await repo.listMeetings(ctx.db, repo.meetingsOfGroup(id));
  return {
    ...groupSummaryOf(row), version: row.g.version, description: row.g.description, children: children.map(groupSummaryOf),
    meetings: meetings.map(meetingSummaryOf), memberCount: await repo.memberCount(ctx.db, id), allowedActions: groupActions(ctx.actor),
  };
}

/** The delegates and substitutes of a group: personal data, shown with a justification that is logged (LED Art 25). */
export async function consultMembers(ctx: ActorCtx, id: string, justification: string) {
  requireModule(ctx);
  if (!(await repo.findGroup(ctx.db, id))) throw E.notFound();
  const items = await repo.membersOf(ctx.db, id);
  await inTransaction(ctx, (tx) => audit(tx, {
    category: 'consultation', action: 'strategic.members.view', entityType: 'strategic_group', entityId: id, justification,
    details: { userIds: items.map((m) => m.userId) },
  }));
  return { items: items.map((m) => ({ ...m, role: m.role as MemberRole })) };
}

/** Appoints a strategic officer delegate or substitute of a group (or changes the role). */
export async function addMember(ctx: ActorCtx, id: string, input: z.infer<typeof memberInput>): Promise<GroupDetail> {
  requireModule(ctx);
  await inTransaction(ctx, async (tx) => {
    const g = await lockGroup(tx, id, input.version);
    if (!(await repo.isStrategicOfficer(tx.db, input.userId))) throw E.invalid('member_invalid', 'userId');
    await repo.upsertMember(tx.db, { groupId: g.id, userId: input.userId, role: input.role, createdAt: tx.clock.now() });
    await audit(tx, { category: 'alteration', action: 'strategic.member.add', entityType: 'strategic_group', entityId: g.id, details: { userId: input.userId, role: input.role } });
  });
  return getGroup(ctx, id);
}

/** Ends a delegate's or substitute's appointment. */
export async function removeMember(ctx: ActorCtx, id: string, input: z.infer<typeof removeMemberInput>): Promise<GroupDetail> {
  requireModule(ctx);
  await inTransaction(ctx, async (tx) => {
    const g = await lockGroup(tx, id, input.version);
    if (!(await repo.deleteMember(tx.db, g.id, input.userId))) throw E.invalid('member_invalid', 'userId');
    await audit(tx, { category: 'alteration', action: 'strategic.member.remove', entityType: 'strategic_group', entityId: g.id, details: { userId: input.userId } });
  });
  return getGroup(ctx, id);
}

async function lockGroup(tx: Ctx, id: string, version: number) {
  const g = await repo.findGroup(tx.db, id, true);
  if (!g) throw E.notFound();
  if (g.version !== version || !(await repo.bumpGroup(tx.db, g.id, version, tx.clock.now()))) throw E.staleVersion();
  return g;
}

/** Plans a meeting of a group with its agenda; the end must come after the start. */
export async function createMeeting(ctx: ActorCtx, groupId: string, input: CreateMeetingInput): Promise<MeetingDetail> {
  requireModule(ctx);
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  if (endsAt.getTime() <= startsAt.getTime()) throw E.invalid('dates_out_of_order', 'endsAt');
  if (endsAt.getTime() - startsAt.getTime() > 14 * 86_400_000) throw E.invalid('meeting_too_long', 'endsAt');
  if (input.place === 'other' && !input.placeDetail) throw E.invalid('place_detail_required', 'placeDetail');
  const id = await inTransaction(ctx, async (tx) => {
    const g = await repo.findGroup(tx.db, groupId);
    if (!g) throw E.notFound();
    const now = tx.clock.now();
    const m = await repo.insertMeeting(tx.db, {
      groupId: g.id, title: input.title, startsAt, endsAt, place: input.place, placeDetail: input.placeDetail ?? null,
      createdBy: ctx.actor.id, createdAt: now, updatedAt: now,
    });
    await repo.insertAgenda(tx.db, input.agenda.map((a, i) => ({ meetingId: m.id, position: i + 1, title: a.title, note: a.note ?? null })));
    await audit(tx, { category: 'collection', action: 'strategic.meeting.create', entityType: 'strategic_meeting', entityId: m.id, details: { groupId: g.id, agendaItems: input.agenda.length } });
    return m.id;
  });
  return buildMeeting(ctx, id);
}

/** A meeting as the reader may see it: restricted instructions of others' groups are only counted. */
export async function getMeeting(ctx: ActorCtx, id: string): Promise<MeetingDetail> {
  requireModule(ctx);
  const detail = await buildMeeting(ctx, id);
  // Classified or restricted positions are logged when read, like a consultation of the case file.
  const marked = detail.instructions.filter((i) => i.restricted || i.classification !== 'none');
  if (marked.length) {
    await inTransaction(ctx, (tx) => audit(tx, {
      category: 'consultation', action: 'strategic.instruction.view', entityType: 'strategic_meeting', entityId: id,
      details: { instructionIds: marked.map((i) => i.id) },
    }));
  }
  return detail;
}

export async function buildMeeting(ctx: ActorCtx, id: string): Promise<MeetingDetail> {
  const found = await repo.findMeeting(ctx.db, id);
  if (!found) throw E.notFound();
  const { m } = found;
  const reader = readerOf(ctx);
  const [summary] = await repo.listMeetings(ctx.db, repo.meetingIs(id), 1);
  const [agenda, instructions, total, actions, attachments] = [
    await repo.agendaOf(ctx.db, id), await repo.instructionsOf(ctx.db, id, reader), await repo.instructionCount(ctx.db, id),
    await repo.actionsOf(ctx.db, id), await repo.attachmentsOf(ctx.db, id),
  ];
  const names = await repo.userNames(ctx.db, [
    ...instructions.flatMap((i) => [i.draftedBy, i.approvedBy ?? i.draftedBy]), ...actions.map((a) => a.ownerId), m.reportedBy ?? m.createdBy ?? ctx.actor.id,
  ]);
  const ref = (uid: string) => ({ id: uid, displayName: names.get(uid) ?? '' });
  const today = stockholmToday(ctx.clock.now());
  const hasDraft = await repo.hasDraft(ctx.db, id);
  return {
    ...meetingSummaryOf(summary), version: m.version, groupName: found.groupName,
    agenda: agenda.map((a) => ({ id: a.id, position: a.position, title: a.title, note: a.note })),
    instructions: instructions.map((i) => ({
      id: i.id, number: i.number, status: i.status as 'draft', body: i.body, classification: i.classification as Classification, restricted: i.restricted,
      version: i.version, draftedBy: ref(i.draftedBy), approvedBy: i.approvedBy ? ref(i.approvedBy) : null, approvedAt: iso(i.approvedAt),
      createdAt: i.createdAt.toISOString(), allowedActions: instructionActions(ctx.actor, { status: i.status as 'draft', draftedBy: i.draftedBy }),
    })),
    hiddenInstructions: total - instructions.length,
    report: m.reportedAt && m.reportBody && m.reportedBy ? { body: m.reportBody, reportedAt: m.reportedAt.toISOString(), reportedBy: ref(m.reportedBy) } : null,
    actions: actions.map((a) => ({
      id: a.id, title: a.title, owner: ref(a.ownerId), dueDate: a.dueDate, doneAt: iso(a.doneAt), doneNote: a.doneNote,
      overdue: !a.doneAt && a.dueDate < today, version: a.version, allowedActions: actionItemActions(ctx.actor, a),
    })),
    attachments: attachments.map((a) => ({ ...a, size: Number(a.size), createdAt: a.createdAt.toISOString() })),
    allowedActions: meetingActions(ctx.actor, m, ctx.clock.now(), hasDraft),
  };
}

/** Strategic officers, for choosing delegates and action owners. */
export async function listOfficers(ctx: ActorCtx) {
  requireModule(ctx);
  return { items: (await repo.strategicOfficers(ctx.db)).map((u) => ({ id: u.id, displayName: u.displayName, supervisor: u.roles.includes('supervisor') })) };
}

/** The reader's own work: coming meetings of the groups they sit in, and their open action items. */
export async function myWork(ctx: ActorCtx) {
  requireModule(ctx);
  const today = stockholmToday(ctx.clock.now());
  const meetings = await repo.listMeetings(ctx.db, repo.meetingsOfMember(ctx.actor.id, ctx.clock.now()), 50);
  const actions = await repo.openActionsOf(ctx.db, ctx.actor.id);
  return {
    meetings: meetings.map(meetingSummaryOf),
    actions: actions.map(({ a, meetingTitle, groupCode }) => ({
      id: a.id, title: a.title, owner: { id: ctx.actor.id, displayName: ctx.actor.displayName }, dueDate: a.dueDate, doneAt: null, doneNote: null,
      overdue: a.dueDate < today, version: a.version, allowedActions: actionItemActions(ctx.actor, a), meetingId: a.meetingId, meetingTitle, groupCode,
    })),
  };
}
