/**
 * Who may do what with development cooperation projects. The unit's development officers work the projects;
 * a supervisor of the unit approves a project's start (not one they registered: four eyes on the money);
 * auditors read every project. For anybody else the module does not exist ("not found").
 */
import type { Actor } from '../../platform/context.ts';
import type { ProjectActionName, ProjectStatus } from '../../../shared/development.schemas.ts';

const has = (a: Actor, role: Actor['roles'][number]) => a.roles.includes(role);

/** Whether the actor may see development projects at all (which ones is decided in SQL by unit). */
export function maySeeProjects(actor: Actor): boolean {
  return has(actor, 'development_officer') || has(actor, 'supervisor') || has(actor, 'auditor');
}

/** Registering projects is the development officers' work. */
export function mayCreate(actor: Actor): boolean {
  return has(actor, 'development_officer');
}

/** Auditors see every unit's projects; officers and supervisors only their own unit's. */
export function seesAllUnits(actor: Actor): boolean {
  return has(actor, 'auditor') && !has(actor, 'development_officer') && !has(actor, 'supervisor');
}

const WORK: ProjectActionName[] = ['update', 'add_budget', 'add_result', 'add_indicator', 'record_period', 'add_activity', 'add_risk', 'add_lesson', 'add_contact'];

/** The actions this actor may take on a project in this status (shown by the UI, checked again by the use case). */
export function allowedActions(actor: Actor, p: { status: string; unitId: string; createdBy: string | null }): ProjectActionName[] {
  if (p.unitId !== actor.unitId) return [];
  const officer = has(actor, 'development_officer');
  const supervisor = has(actor, 'supervisor');
  const status = p.status as ProjectStatus;
  const out: ProjectActionName[] = [];
  if (officer && (status === 'proposed' || status === 'active')) out.push(...WORK);
  // Disbursements only once a supervisor has approved the start.
  if (officer && status === 'active') out.push('add_disbursement');
  // Lessons learned are written at the end too.
  if (officer && (status === 'closed' || status === 'cancelled')) out.push('add_lesson');
  if (supervisor && status === 'proposed' && p.createdBy !== actor.id) out.push('approve_start');
  if ((officer || supervisor) && status === 'active') out.push('close');
  if ((officer || supervisor) && (status === 'proposed' || status === 'active')) out.push('cancel');
  return out;
}
