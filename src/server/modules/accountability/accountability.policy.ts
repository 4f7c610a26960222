/**
 * Who may do what in accountability. Auditors read and verify the log and export it; supervisors review
 * their unit's retention queue; administrators produce data-subject reports and set the periods.
 * Statistics (Art 18) are for all three.
 */
import type { Role } from '../../../shared/domain.ts';
import type { Actor } from '../../platform/context.ts';

export const AUDIT_READERS: Role[] = ['auditor'];
export const REVIEWERS: Role[] = ['supervisor'];
export const DATA_SUBJECT_OFFICERS: Role[] = ['administrator'];
export const SETTINGS_EDITORS: Role[] = ['administrator'];
export const STATISTICS_READERS: Role[] = ['auditor', 'administrator', 'supervisor'];

export type AccountabilityAction = 'audit.read' | 'audit.verify' | 'review.decide' | 'data_subject.report' | 'settings.edit' | 'statistics.read';

const BY_ACTION: Record<AccountabilityAction, Role[]> = {
  'audit.read': AUDIT_READERS,
  'audit.verify': AUDIT_READERS,
  'review.decide': REVIEWERS,
  'data_subject.report': DATA_SUBJECT_OFFICERS,
  'settings.edit': SETTINGS_EDITORS,
  'statistics.read': STATISTICS_READERS,
};

/** The accountability actions this actor may take (the web app shows its menu from these). */
export function accountabilityActions(actor: Actor): AccountabilityAction[] {
  return (Object.keys(BY_ACTION) as AccountabilityAction[]).filter((a) => actor.roles.some((r) => BY_ACTION[a].includes(r)));
}

/** The roles that may take an action, for requireRole in routes. */
export function rolesFor(action: AccountabilityAction): Role[] {
  return BY_ACTION[action];
}
