/**
 * Who may do what in the FAST register. The register is for FAST officers only; others learn of a wanted
 * person only through a hit on their own request (matching). Public appeals need a supervisor's decision.
 */
import type { Actor } from '../../platform/context.ts';
import type { LegalBasis, RequestingAuthority, WantedActionName, WantedStatus, WarrantKind } from '../../../shared/wanted.schemas.ts';
import { canTransition, TRANSITIONS } from './wanted.state.ts';

/** Whether the actor may see the register (the answer for anybody else is "not found"). */
export function maySeeRegister(actor: Actor): boolean {
  return actor.roles.includes('fast_officer');
}

/** Importing public notices: FAST officers and administrators (who run the feeds). */
export function mayImport(actor: Actor): boolean {
  return actor.roles.includes('fast_officer') || actor.roles.includes('administrator');
}

/** Publication on the public appeal is a supervisor's decision within FAST. */
export function mayPublish(actor: Actor): boolean {
  return actor.roles.includes('fast_officer') && actor.roles.includes('supervisor');
}

/**
 * The actions this actor may take on a person in this status (shown by the UI, checked again by the use case).
 * With the kind of the warrant the arrest was made on, actions of the other framework are left out.
 */
export function allowedActions(actor: Actor, status: WantedStatus, published: boolean, arrestKind?: WarrantKind | null): WantedActionName[] {
  if (!maySeeRegister(actor)) return [];
  return (Object.keys(TRANSITIONS) as WantedActionName[]).filter((a) => {
    if (!canTransition(a, status)) return false;
    // Only a Nordic warrant's limits may be exceeded for special reasons; only the others have the exceptional extension.
    if (a === 'record_overrun' && arrestKind !== undefined) return arrestKind === 'naw';
    if (a === 'extend_exceptional' && arrestKind !== undefined) return !!arrestKind && arrestKind !== 'naw';
    if (a === 'publish') return !published && mayPublish(actor);
    // Unpublishing takes effect at once and any FAST officer may do it: taking a page down is never the risk.
    if (a === 'unpublish') return published;
    return true;
  });
}

/** The decisions each requesting authority may rest a search on. */
export const BASES_BY_AUTHORITY: Record<RequestingAuthority, readonly LegalBasis[]> = {
  aklagarmyndigheten: ['detention_in_absentia', 'arrest_in_absentia'], // prosecution: häktad / anhållen i sin frånvaro
  kriminalvarden: ['prison_sentence'], // to serve a prison sentence
  socialstyrelsen: ['lrv_care_decision'], // absconders from court-ordered forensic psychiatric care (LRV)
  foreign: ['foreign_warrant'], // persons wanted by other countries (e.g. imported Red Notices)
};

const ALL: readonly WarrantKind[] = ['eaw', 'naw', 'sis_art26', 'red_notice', 'diffusion'];

/** The warrants and alerts each legal basis can carry. */
export const WARRANTS_BY_BASIS: Record<LegalBasis, readonly WarrantKind[]> = {
  detention_in_absentia: ALL,
  // polisen.se: an international alert needs detention in absentia; arrest in absentia suffices only in the Nordics.
  arrest_in_absentia: ['naw'],
  prison_sentence: ALL,
  // Interpol RPD Art 83: a Red Notice needs prosecution or a custodial sentence of at least six months; an
  // open-ended care decision under LRV is neither, so such absconders are sought by EAW, NAW, SIS or diffusion.
  lrv_care_decision: ['eaw', 'naw', 'sis_art26', 'diffusion'],
  foreign_warrant: ALL,
};
