/**
 * Who may do what with a request. Visibility (need-to-know) is enforced in SQL by the repository with
 * `visibilityScope`; this file decides the actions offered to a user who can already see the request.
 */
import type { RequestAction, RequestStatus, Role } from '../../../shared/domain.ts';
import type { Actor } from '../../platform/context.ts';
import { canTransition, FINAL_STATUSES, TRANSITIONS, type Flow, type TransitionAction } from './exchange.state.ts';

/** The need-to-know scope of an actor, turned into SQL by the repository. */
export interface VisibilityScope {
  userId: string;
  unitId: string;
  /** Supervisors see every request of their unit; others of their unit see them too (unit desk). */
  all: boolean;
}

const READ_ALL: Role[] = ['auditor'];
const WORKERS: Role[] = ['duty_officer', 'case_officer', 'supervisor'];
const ASSIGNERS: Role[] = ['duty_officer', 'supervisor'];

/** The scope of requests an actor may see: its unit's, those assigned to it; auditors see all (read only). */
export function visibilityScope(actor: Actor): VisibilityScope | null {
  if (actor.roles.some((r) => READ_ALL.includes(r))) return { userId: actor.id, unitId: actor.unitId, all: true };
  if (actor.roles.some((r) => WORKERS.includes(r) || r === 'fast_officer')) return { userId: actor.id, unitId: actor.unitId, all: false };
  // Administrators manage accounts and reference data, not cases.
  return null;
}

/**
 * Who may register a request: the desk's workers only. Auditors read, administrators manage accounts and FAST
 * officers keep the register (issue 11, item 9: least privilege, checked before anything is written).
 */
export function mayCreateRequest(actor: Actor): boolean {
  return actor.roles.some((r) => WORKERS.includes(r));
}

export interface RequestFacts {
  status: RequestStatus;
  /** The request's direction, or `information` for received own-initiative information (exchange.state.ts). */
  direction: Flow;
  unitId: string;
  assigneeIds: string[];
}

/** The actions this actor may take on this request now (shown by the UI, checked again by each use case). */
export function allowedActions(actor: Actor, r: RequestFacts): RequestAction[] {
  const out: RequestAction[] = ['view_persons'];
  const isWorker = actor.roles.some((role) => WORKERS.includes(role));
  const inUnit = actor.unitId === r.unitId;
  const assigned = r.assigneeIds.includes(actor.id);
  if (!isWorker || !(inUnit || assigned)) return out;
  for (const action of Object.keys(TRANSITIONS) as TransitionAction[]) {
    if (!canTransition(action, r.status, r.direction)) continue;
    if (action === 'assign' && !actor.roles.some((role) => ASSIGNERS.includes(role))) continue;
    out.push(action);
  }
  if (!FINAL_STATUSES.includes(r.status)) out.push('add_message', 'add_attachment', 'add_person');
  // An outgoing draft may be corrected until it is sent; once sent it is a record of what left.
  if (r.status === 'draft') out.push('edit');
  return out;
}

/** Whether the actor may take the action; the service answers "not found" or "conflict" otherwise. */
export function mayAct(actor: Actor, r: RequestFacts, action: RequestAction): boolean {
  return allowedActions(actor, r).includes(action);
}
