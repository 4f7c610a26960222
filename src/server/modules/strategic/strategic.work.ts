/**
 * The work on a meeting, each a named action with one audit entry in its transaction: the national instruction
 * (draft → approved by a supervisor who did not draft it; approved is final, a new version is a new draft), the
 * report back once the meeting has started, action items with owner and due day (reminders by durable jobs), and
 * document attachments (checked by size and sniffed type, as the desk's attachments are).
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type {
  approveInstructionInput, completeActionInput, createActionInput, draftInstructionInput, MeetingDetail, reportInput, reviseInstructionInput,
} from '../../../shared/strategic.schemas.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { ATTACHMENT_TYPES, sniffType } from '../exchange/index.ts';
import { strategicErrors as E } from './strategic.errors.ts';
import { cancelActionReminders, planActionReminders, stockholmToday } from './strategic.jobs.ts';
import { mayApprove } from './strategic.policy.ts';
import * as repo from './strategic.repository.ts';
import { buildMeeting, readerOf, requireModule, type ActorCtx } from './strategic.service.ts';

/** Loads a meeting FOR UPDATE and checks the version the user saw (when the action carries one). */
async function lockMeeting(tx: Ctx, id: string, version?: number) {
  const found = await repo.findMeeting(tx.db, id, true);
  if (!found) throw E.notFound();
  if (version !== undefined && found.m.version !== version) throw E.staleVersion();
  return found.m;
}

/** Drafts the national position for a meeting: the first, or a new version of an approved one. */
export async function draftInstruction(ctx: ActorCtx, meetingId: string, input: z.infer<typeof draftInstructionInput>): Promise<MeetingDetail> {
  requireModule(ctx);
  await inTransaction(ctx, async (tx) => {
    const m = await lockMeeting(tx, meetingId);
    if (await repo.hasDraft(tx.db, m.id)) throw E.draftExists();
    const now = tx.clock.now();
    const i = await repo.insertInstruction(tx.db, {
      meetingId: m.id, number: await repo.nextInstructionNumber(tx.db, m.id), status: 'draft', body: input.body,
      classification: input.classification, restricted: input.restricted, draftedBy: ctx.actor.id, createdAt: now, updatedAt: now,
    });
    await audit(tx, {
      category: 'collection', action: 'strategic.instruction.draft', entityType: 'strategic_meeting', entityId: m.id,
      details: { instructionId: i.id, number: i.number, classification: i.classification, restricted: i.restricted },
    });
  });
  return buildMeeting(ctx, meetingId);
}

/** Changes a draft instruction; an approved one is final. */
export async function reviseInstruction(ctx: ActorCtx, id: string, input: z.infer<typeof reviseInstructionInput>): Promise<MeetingDetail> {
  requireModule(ctx);
  const meetingId = await inTransaction(ctx, async (tx) => {
    const i = await repo.findInstruction(tx.db, id, readerOf(ctx));
    if (!i) throw E.notFound();
    if (i.status !== 'draft') throw E.approvedImmutable();
    if (i.version !== input.version) throw E.staleVersion();
    const ok = await repo.updateDraftVersioned(tx.db, i.id, i.version, {
      body: input.body, classification: input.classification, restricted: input.restricted, updatedAt: tx.clock.now(),
    });
    if (!ok) throw E.staleVersion();
    await audit(tx, {
      category: 'alteration', action: 'strategic.instruction.revise', entityType: 'strategic_meeting', entityId: i.meetingId,
      details: { instructionId: i.id, number: i.number, classification: input.classification, restricted: input.restricted },
    });
    return i.meetingId;
  });
  return buildMeeting(ctx, meetingId);
}

/** Approves a draft instruction (a supervisor, not its drafter); an earlier approved version is superseded. */
export async function approveInstruction(ctx: ActorCtx, id: string, input: z.infer<typeof approveInstructionInput>): Promise<MeetingDetail> {
  requireModule(ctx);
  const meetingId = await inTransaction(ctx, async (tx) => {
    const i = await repo.findInstruction(tx.db, id, readerOf(ctx));
    if (!i) throw E.notFound();
    if (i.status !== 'draft') throw E.approvedImmutable();
    if (!mayApprove(ctx.actor)) throw E.notPermitted('approve');
    // Four eyes: a national position is never approved by the one who wrote it.
    if (i.draftedBy === ctx.actor.id) throw E.fourEyes();
    if (i.version !== input.version) throw E.staleVersion();
    const now = tx.clock.now();
    const superseded = await repo.supersedeApproved(tx.db, i.meetingId, now);
    const ok = await repo.updateDraftVersioned(tx.db, i.id, i.version, { status: 'approved', approvedBy: ctx.actor.id, approvedAt: now, updatedAt: now });
    if (!ok) throw E.staleVersion();
    await audit(tx, {
      category: 'alteration', action: 'strategic.instruction.approve', entityType: 'strategic_meeting', entityId: i.meetingId,
      details: { instructionId: i.id, number: i.number, draftedBy: i.draftedBy, superseded },
    });
    return i.meetingId;
  });
  return buildMeeting(ctx, meetingId);
}

/** Records the report back from a meeting, once it has started, and only once. */
export async function reportMeeting(ctx: ActorCtx, id: string, input: z.infer<typeof reportInput>): Promise<MeetingDetail> {
  requireModule(ctx);
  await inTransaction(ctx, async (tx) => {
    const m = await lockMeeting(tx, id, input.version);
    if (m.reportedAt) throw E.alreadyReported();
    const now = tx.clock.now();
    if (m.startsAt.getTime() > now.getTime()) throw E.meetingNotStarted();
    if (!(await repo.updateMeetingVersioned(tx.db, m.id, m.version, { reportBody: input.body, reportedAt: now, reportedBy: ctx.actor.id, updatedAt: now }))) {
      throw E.staleVersion();
    }
    await audit(tx, { category: 'collection', action: 'strategic.meeting.report', entityType: 'strategic_meeting', entityId: m.id, details: { length: input.body.length } });
  });
  return buildMeeting(ctx, id);
}

/** Sets an action item from a meeting for a strategic officer, due on a day not before the meeting's. */
export async function addActionItem(ctx: ActorCtx, meetingId: string, input: z.infer<typeof createActionInput>): Promise<MeetingDetail> {
  requireModule(ctx);
  await inTransaction(ctx, async (tx) => {
    const m = await lockMeeting(tx, meetingId);
    if (input.dueDate < stockholmToday(m.startsAt)) throw E.invalid('due_before_meeting', 'dueDate');
    if (!(await repo.isStrategicOfficer(tx.db, input.ownerId))) throw E.invalid('owner_invalid', 'ownerId');
    const a = await repo.insertAction(tx.db, { meetingId: m.id, title: input.title, ownerId: input.ownerId, dueDate: input.dueDate, createdBy: ctx.actor.id, createdAt: tx.clock.now() });
    await planActionReminders(tx, a);
    await audit(tx, { category: 'alteration', action: 'strategic.action.add', entityType: 'strategic_meeting', entityId: m.id, details: { actionId: a.id, ownerId: a.ownerId, dueDate: a.dueDate } });
  });
  return buildMeeting(ctx, meetingId);
}

/** Marks an action item done; its remaining reminders are cancelled. */
export async function completeActionItem(ctx: ActorCtx, id: string, input: z.infer<typeof completeActionInput>): Promise<MeetingDetail> {
  requireModule(ctx);
  const meetingId = await inTransaction(ctx, async (tx) => {
    const a = await repo.findAction(tx.db, id, true);
    if (!a) throw E.notFound();
    if (a.doneAt) throw E.alreadyDone();
    if (a.version !== input.version) throw E.staleVersion();
    if (!(await repo.completeActionVersioned(tx.db, a.id, a.version, { doneAt: tx.clock.now(), doneBy: ctx.actor.id, doneNote: input.note ?? null }))) throw E.staleVersion();
    await cancelActionReminders(tx, a.id);
    await audit(tx, { category: 'alteration', action: 'strategic.action.complete', entityType: 'strategic_meeting', entityId: a.meetingId, details: { actionId: a.id } });
    return a.meetingId;
  });
  return buildMeeting(ctx, meetingId);
}

/** Stores a meeting document after checking its size and sniffed type; nothing is stored when either fails. */
export async function addAttachment(ctx: ActorCtx, meetingId: string, file: { filename: string; data: Buffer }, maxBytes: number): Promise<MeetingDetail> {
  requireModule(ctx);
  if (file.data.length > maxBytes) throw E.fileTooLarge(maxBytes);
  if (file.data.length === 0) throw E.invalid('file_empty', 'file');
  const type = await sniffType(file.data);
  if (!ATTACHMENT_TYPES.has(type)) throw E.fileType(type);
  const filename = file.filename.replace(/[\u0000-\u001f/\\]/g, '_').slice(0, 200) || 'file';
  await inTransaction(ctx, async (tx) => {
    const m = await lockMeeting(tx, meetingId);
    const a = await repo.insertAttachment(tx.db, {
      meetingId: m.id, filename, contentType: type, size: file.data.length, sha256: createHash('sha256').update(file.data).digest('hex'),
      data: file.data, createdBy: ctx.actor.id, createdAt: tx.clock.now(),
    });
    // No file name in the log (docs/ARCHITECTURE.md: the hash-chained log receives no names).
    await audit(tx, { category: 'collection', action: 'strategic.attachment.add', entityType: 'strategic_meeting', entityId: m.id, details: { attachmentId: a.id, type, size: file.data.length } });
  });
  return buildMeeting(ctx, meetingId);
}

/** Downloads a meeting document; logged as a consultation. */
export async function getAttachment(ctx: ActorCtx, id: string) {
  requireModule(ctx);
  const a = await repo.findAttachment(ctx.db, id);
  if (!a) throw E.notFound();
  await inTransaction(ctx, (tx) => audit(tx, { category: 'consultation', action: 'strategic.attachment.download', entityType: 'strategic_meeting', entityId: a.meetingId, details: { attachmentId: a.id } }));
  return a;
}
