/**
 * Who may do what in peace operations. The area belongs to the peace-operations officers of the PEACE unit;
 * for anyone else (administrators included: they run the system, not the roster) it does not exist. Nominating
 * an officer to an international organisation is a supervisor's decision within the area.
 */
import type { Actor } from '../../platform/context.ts';
import type { NominationStatus } from '../../../shared/peace.schemas.ts';

type NominationAction = 'nominate' | 'reject' | 'record_outcome' | 'deploy';

/** Whether the actor works the area (the answer for anybody else is "not found"). */
export function maySeePeace(actor: Actor): boolean {
  return actor.roles.includes('peace_ops_officer');
}

/** Decisions on nominations: a supervisor who is also a peace-operations officer. */
export function mayDecide(actor: Actor): boolean {
  return maySeePeace(actor) && actor.roles.includes('supervisor');
}

/** The actions on a nomination in this status this actor may take (shown by the UI, checked again by the use case). */
export function nominationActions(actor: Actor, status: NominationStatus, deployed: boolean): NominationAction[] {
  if (!maySeePeace(actor)) return [];
  if (status === 'proposed') return mayDecide(actor) ? ['nominate', 'reject'] : [];
  if (status === 'nominated') return ['record_outcome'];
  if (status === 'selected' && !deployed) return ['deploy'];
  return [];
}

/** A nomination's next status after an action; null when the action does not apply. */
export function nextNominationStatus(action: NominationAction, status: NominationStatus, outcome?: 'selected' | 'not_selected'): NominationStatus | null {
  if (action === 'nominate' && status === 'proposed') return 'nominated';
  if (action === 'reject' && status === 'proposed') return 'rejected';
  if (action === 'record_outcome' && status === 'nominated' && outcome) return outcome;
  return null;
}
