/**
 * Named state changes of a wanted person (STYLE rule 2): one use case per action, checked by the status machine
 * and policy, guarded by the version the user saw, written with its timeline event, clock jobs, index update and
 * audit entry in one transaction.
 */
import type { z } from 'zod';
import { SOUGHT_STATUSES, wantedActionBodies, type EventParams, type WantedActionName, type WantedDetail, type WantedStatus, type WarrantKind } from '../../../shared/wanted.schemas.ts';
import { audit, type AuditEntry } from '../../platform/audit/audit.service.ts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { cancelJobs } from '../../platform/jobs/job.service.ts';
import { arrestClocks, REGIMES_BY_WARRANT, refreshClockJobs } from './wanted.clocks.ts';
import { wantedErrors as E } from './wanted.errors.ts';
import { indexWanted } from './wanted.hooks.ts';
import { allowedActions, mayPublish } from './wanted.policy.ts';
import { canTransition, FINAL_STATUSES, nextStatus } from './wanted.state.ts';
import * as repo from './wanted.repository.ts';
import { buildDetail, indexEntryOf, requireRegister, type ActorCtx } from './wanted.service.ts';

type Body<A extends WantedActionName> = z.infer<(typeof wantedActionBodies)[A]>;
const SKEW_MS = 5 * 60_000;

interface Effect {
  patch?: Partial<repo.NewPersonRow>;
  event: string | null;
  /** The event's facts for the timeline, as coded values (default: the audit details). */
  params?: EventParams;
  audit: Omit<AuditEntry, 'entityType' | 'entityId'>;
}

interface Subject {
  p: repo.PersonRow;
  warrants: repo.WarrantRow[];
  arrestKind: WarrantKind | null;
}

/** Performs one named action on a wanted person and returns the record as the officer now sees it. */
export async function performWantedAction<A extends WantedActionName>(ctx: ActorCtx, id: string, action: A, body: Body<A>): Promise<WantedDetail> {
  requireRegister(ctx);
  await inTransaction(ctx, async (tx) => {
    const t = tx as ActorCtx;
    const p = await repo.findPerson(t.db, id, true);
    if (!p) throw E.notFound();
    const status = p.status as WantedStatus;
    if (!canTransition(action, status)) throw E.invalidTransition(action, status);
    if (!allowedActions(t.actor, status, p.published).includes(action)) throw E.notPermitted(action);
    if (body.version !== p.version) throw E.staleVersion();
    const warrants = await repo.warrantsOf(t.db, [p.id]);
    const arrestKind = (warrants.find((w) => w.id === p.arrestWarrantId)?.kind as WarrantKind | undefined) ?? null;

    const effect = await ACTIONS[action](t, { p, warrants, arrestKind }, body as never);
    const to = nextStatus(action, status);
    const leaving = SOUGHT_STATUSES.includes(status) && !SOUGHT_STATUSES.includes(to);
    const patch: Partial<repo.NewPersonRow> = { ...effect.patch, status: to, updatedAt: t.clock.now() };
    if (FINAL_STATUSES.includes(to)) patch.closedAt = t.clock.now();
    // A person no longer sought leaves the public appeal at once.
    if (leaving && p.published && action !== 'unpublish') {
      patch.published = false;
      await repo.insertPublicationDecision(t.db, { personId: p.id, decision: 'unpublish', reason: `status:${to}`, decidedBy: t.actor.id, decidedAt: t.clock.now() });
    }
    const updated = await repo.updatePersonVersioned(t.db, p.id, p.version, patch);
    if (!updated) throw E.staleVersion();

    const params = effect.params ?? (effect.audit.details as EventParams | undefined);
    if (effect.event) await repo.insertEvent(t.db, { personId: p.id, kind: effect.event, at: t.clock.now(), actorId: t.actor.id, params });
    const kind = (warrants.find((w) => w.id === updated.arrestWarrantId)?.kind as WarrantKind | undefined) ?? null;
    await refreshClockJobs(t, updated, kind);
    if (leaving) {
      // The search is over or the person is in custody: the warrants' lapse dates need no more reminders.
      for (const w of warrants) await cancelJobs(t, `wanted:lapse:${w.id}:`);
    }
    // Art 55 Reg 2018/1862 (surrender, revocation, expiry): the warrants of a finished search are closed.
    if (FINAL_STATUSES.includes(to)) await repo.setWarrantsStatus(t.db, p.id, 'closed');
    if (to !== status) await indexWanted(t, [indexEntryOf(updated)]);
    await audit(t, {
      ...effect.audit, entityType: 'wanted_person', entityId: p.id, personIds: effect.audit.personIds ?? [p.id],
      details: { reference: p.reference, from: status, to, ...effect.audit.details },
    });
  });
  return buildDetail(ctx, id);
}

function notFuture(t: Ctx, at: Date, path: string): void {
  if (at.getTime() > t.clock.now().getTime() + SKEW_MS) throw E.invalid('date_in_future', path);
}

function notBefore(at: Date, earliest: Date | null, path: string, code = 'date_out_of_order'): void {
  if (earliest && at.getTime() < earliest.getTime()) throw E.invalid(code, path);
}

const ACTIONS: { [A in WantedActionName]: (t: ActorCtx, s: Subject, body: Body<A>) => Promise<Effect> } = {
  async locate(t, { p }, b) {
    const at = b.at ? new Date(b.at) : t.clock.now();
    notFuture(t, at, 'at');
    await repo.insertLocation(t.db, { personId: p.id, countryCode: b.countryCode, place: b.place ?? null, fromDate: at.toISOString().slice(0, 10), source: 'located', createdBy: t.actor.id, createdAt: t.clock.now() });
    return { event: 'located', params: { country: b.countryCode, place: b.place ?? null }, audit: { category: 'collection', action: 'wanted.person.locate', details: { country: b.countryCode } } };
  },
  async lose_track(_t, _s, b) {
    return { event: 'lost_track', params: { note: b.note ?? null }, audit: { category: 'alteration', action: 'wanted.person.lose_track' } };
  },
  async arrest(t, { warrants }, b) {
    const w = warrants.find((x) => x.id === b.warrantId && x.status === 'active');
    if (!w) throw E.invalid('warrant_not_found', 'warrantId');
    // Interpol Constitution Art 3: a notice or diffusion the General Secretariat refused may not be acted on.
    if (w.article3Status === 'refused') throw E.invalid('article3_refused', 'warrantId');
    const at = new Date(b.arrestedAt);
    notFuture(t, at, 'arrestedAt');
    // Nobody is arrested on a warrant before it exists.
    notBefore(at, new Date(`${w.issuedAt}T00:00:00Z`), 'arrestedAt', 'arrest_before_warrant');
    if (b.consent === true && !b.consentAt) throw E.invalid('consent_time_required', 'consentAt');
    const consentAt = b.consentAt ? new Date(b.consentAt) : null;
    if (consentAt) {
      notFuture(t, consentAt, 'consentAt');
      notBefore(consentAt, at, 'consentAt');
    }
    return {
      patch: { arrestWarrantId: w.id, arrestCountry: b.countryCode, arrestPlace: b.place ?? null, arrestedAt: at, consent: b.consent, consentAt, exceptional: false, finalDecisionAt: null, agreedSurrenderAt: null },
      event: 'arrested',
      params: { country: b.countryCode, place: b.place ?? null, warrant: w.kind, consent: b.consent },
      audit: { category: 'collection', action: 'wanted.person.arrest', details: { country: b.countryCode, warrant: w.kind, consent: b.consent } },
    };
  },
  async record_consent(t, { p }, b) {
    const at = new Date(b.consentAt);
    notFuture(t, at, 'consentAt');
    notBefore(at, p.arrestedAt, 'consentAt');
    // The day of the arrest the consent came on (day 1 is the first 24 hours): after day 50 it outruns Art 17(3).
    const day = p.arrestedAt ? Math.floor((at.getTime() - p.arrestedAt.getTime()) / 86_400_000) + 1 : null;
    return { patch: { consent: b.consent, consentAt: at }, event: b.consent ? 'consent_given' : 'consent_refused', params: { at: at.toISOString(), day }, audit: { category: 'alteration', action: 'wanted.arrest.record_consent', details: { consent: b.consent } } };
  },
  async extend_exceptional(_t, { p, arrestKind }, b) {
    // The Nordic warrant (lag 2011:1165) has no exceptional extension.
    if (!arrestKind || arrestKind === 'naw') throw E.invalid('no_extension', 'reason');
    if (p.exceptional) throw E.invalid('already_extended', 'reason');
    if (p.finalDecisionAt) throw E.invalid('decision_already_taken', 'reason');
    // FD 2002/584/JHA Art 17(4): the issuing authority is told of the reasons; the reasons go on the timeline.
    return { patch: { exceptional: true }, event: 'extended', audit: { category: 'alteration', action: 'wanted.arrest.extend', details: { reason: b.reason } } };
  },
  async record_final_decision(t, { p }, b) {
    if (p.finalDecisionAt) throw E.invalid('decision_already_taken', 'decidedAt');
    const at = new Date(b.decidedAt);
    notFuture(t, at, 'decidedAt');
    notBefore(at, p.consentAt && p.consentAt > p.arrestedAt! ? p.consentAt : p.arrestedAt, 'decidedAt');
    return { patch: { finalDecisionAt: at }, event: 'final_decision', params: { at: at.toISOString() }, audit: { category: 'alteration', action: 'wanted.arrest.final_decision' } };
  },
  async agree_surrender_date(_t, { p, arrestKind }, b) {
    if (!p.finalDecisionAt) throw E.invalid('final_decision_required', 'agreedAt');
    // Only FD 2002/584/JHA Art 23(3) restarts the clock from a newly agreed date.
    if (!arrestKind || REGIMES_BY_WARRANT[arrestKind].surrender !== 'eaw-surrender') throw E.invalid('no_new_date_rule', 'agreedAt');
    const at = new Date(b.agreedAt);
    notBefore(at, p.finalDecisionAt, 'agreedAt');
    return { patch: { agreedSurrenderAt: at }, event: 'surrender_date_agreed', audit: { category: 'alteration', action: 'wanted.arrest.agree_date', details: { agreedAt: at.toISOString(), reason: b.reason } } };
  },
  async surrender(t, { p }, b) {
    if (!p.finalDecisionAt) throw E.invalid('final_decision_required', 'at');
    const at = b.at ? new Date(b.at) : t.clock.now();
    notFuture(t, at, 'at');
    notBefore(at, p.finalDecisionAt, 'at');
    return { event: 'surrendered', audit: { category: 'alteration', action: 'wanted.person.surrender', details: { at: at.toISOString() } } };
  },
  async return(_t, _s, b) {
    return { event: 'returned', audit: { category: 'alteration', action: 'wanted.person.return', details: { note: b.note } } };
  },
  async withdraw(_t, _s, b) {
    return { event: 'withdrawn', audit: { category: 'alteration', action: 'wanted.person.withdraw', details: { reason: b.reason } } };
  },
  async expire(_t, _s, b) {
    return { event: 'expired', params: { note: b.note ?? null }, audit: { category: 'alteration', action: 'wanted.person.expire' } };
  },
  async publish(t, { p }, b) {
    if (!mayPublish(t.actor)) throw E.notPermitted('publish');
    // A public appeal shows the name and the offence summary; without a summary there is nothing safe to publish.
    // The officer adds it by editing the record (`POST /api/wanted/:id/edit`), then publishes.
    if (!p.offenceSummary?.trim()) throw E.invalid('publication_incomplete', 'offenceSummary');
    await repo.insertPublicationDecision(t.db, { personId: p.id, decision: 'publish', reason: b.decision, decidedBy: t.actor.id, decidedAt: t.clock.now() });
    return { patch: { published: true }, event: 'published', audit: { category: 'disclosure', action: 'wanted.person.publish', recipient: 'public', details: { decision: b.decision } } };
  },
  async unpublish(t, { p }, b) {
    await repo.insertPublicationDecision(t.db, { personId: p.id, decision: 'unpublish', reason: b.reason ?? null, decidedBy: t.actor.id, decidedAt: t.clock.now() });
    return { patch: { published: false }, event: 'unpublished', audit: { category: 'alteration', action: 'wanted.person.unpublish', details: { reason: b.reason ?? null } } };
  },
  async record_overrun(t, { p, arrestKind }, b) {
    // Lag (2011:1165) om nordisk arresteringsorder: a time limit may be exceeded only for special reasons, which the
    // issuing state is told of. The EAW has its own rule instead (FD 2002/584/JHA Art 17(4), `extend_exceptional`).
    if (arrestKind !== 'naw') throw E.invalid('overrun_naw_only', 'reason');
    const running = arrestClocks(p, arrestKind, t.clock.now()).find((c) => !c.done);
    if (!running) throw E.invalid('no_running_clock', 'reason');
    return {
      event: 'naw_overrun', params: { clock: running.clock, dueAt: running.deadline.dueAt?.toISOString() ?? null, reason: b.reason },
      audit: { category: 'alteration', action: 'wanted.arrest.naw_overrun', details: { clock: running.clock, reason: b.reason } },
    };
  },
};
