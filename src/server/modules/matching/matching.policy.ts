/**
 * Who may do what with cross-check hits and person search. Which requests a user sees is the exchange
 * module's rule (`visibilityScope`, applied in SQL); this file adds who may judge a hit and who may search
 * the wanted register.
 */
import type { Role } from '../../../shared/domain.ts';
import type { Actor } from '../../platform/context.ts';

const WORKERS: Role[] = ['duty_officer', 'case_officer', 'supervisor'];

/** Judging a hit is case work: officers of the request's unit, or assigned to it (auditors only read). */
export function mayJudgeHit(actor: Actor, r: { unitId: string; assigneeIds: string[] }): boolean {
  return actor.roles.some((role) => WORKERS.includes(role)) && (actor.unitId === r.unitId || r.assigneeIds.includes(actor.id));
}

/** The wanted register is for FAST officers only; others learn of a wanted person through a hit on their request. */
export function maySearchWanted(actor: Actor): boolean {
  return actor.roles.includes('fast_officer');
}
