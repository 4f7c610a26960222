/**
 * Who may do what in strategic cooperation. The module is the STRAT unit's: strategic officers work it and, for
 * anybody else, it does not exist ("not found"). An instruction is approved by a supervisor who is also a strategic
 * officer and did not draft it (four eyes); approved instructions are never changed.
 */
import type { Actor } from '../../platform/context.ts';
import type { InstructionStatus } from '../../../shared/strategic.schemas.ts';

/** Whether the actor works in strategic cooperation at all. */
export function maySeeModule(actor: Actor): boolean {
  return actor.roles.includes('strategic_officer');
}

/** Approving a national position is a supervisor's decision within the unit. */
export function mayApprove(actor: Actor): boolean {
  return maySeeModule(actor) && actor.roles.includes('supervisor');
}

export function groupActions(actor: Actor): string[] {
  return maySeeModule(actor) ? ['add_member', 'remove_member', 'add_meeting'] : [];
}

/** The actions on an instruction; the four-eyes rule hides "approve" from its drafter. */
export function instructionActions(actor: Actor, i: { status: InstructionStatus; draftedBy: string }): string[] {
  if (!maySeeModule(actor) || i.status !== 'draft') return [];
  const out = ['revise'];
  if (mayApprove(actor) && i.draftedBy !== actor.id) out.push('approve');
  return out;
}

export function meetingActions(actor: Actor, m: { startsAt: Date; reportedAt: Date | null }, now: Date, hasDraft: boolean): string[] {
  if (!maySeeModule(actor)) return [];
  const out = ['add_action', 'add_attachment'];
  if (!hasDraft) out.push('draft_instruction');
  // The report back is written once the meeting has started, and only once.
  if (!m.reportedAt && m.startsAt.getTime() <= now.getTime()) out.push('report');
  return out;
}

export function actionItemActions(actor: Actor, a: { doneAt: Date | null }): string[] {
  return maySeeModule(actor) && !a.doneAt ? ['complete'] : [];
}
