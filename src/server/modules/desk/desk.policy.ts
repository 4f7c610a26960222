/** Who may use the desk's tools. Case visibility itself is the exchange module's need-to-know scope, in SQL. */
import type { Role } from '../../../shared/domain.ts';
import type { Actor } from '../../platform/context.ts';

const HANDOVER_ROLES: Role[] = ['duty_officer', 'case_officer', 'supervisor'];

/** A shift is handed over by those who work cases, not by auditors reading them. */
export function mayRecordHandover(actor: Actor): boolean {
  return actor.roles.some((r) => HANDOVER_ROLES.includes(r));
}
