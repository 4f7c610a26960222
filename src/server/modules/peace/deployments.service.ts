/**
 * Tours of duty: the list and the record, extensions and the end of a tour, and the tour's special-category data
 * (next of kin, medical readiness), which is kept apart and shown only with a justification that is logged.
 */
import type { z } from 'zod';
import type { deploymentDetail, deploymentsQuery, endBody, extendBody, Organisation, welfareInput, welfareView } from '../../../shared/peace.schemas.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import { inTransaction } from '../../platform/context.ts';
import { requirePeace, today, type ActorCtx } from './peace.context.ts';
import { peaceErrors as E } from './peace.errors.ts';
import { planTourReminder } from './peace.jobs.ts';
import * as repo from './peace.repository.ts';

type DeploymentDetail = z.infer<typeof deploymentDetail>;
type WelfareView = z.infer<typeof welfareView>;

/** UN and EU tours run 6–12 months with extensions; no single tour runs past three years. */
const MAX_TOUR_DAYS = 3 * 366;

/**
 * A tour's dates against the mission's period and the officer's other tours. The officer's roster row is locked
 * first, so that two deployments of one officer made at the same moment are checked one after the other.
 */
export async function checkTour(t: ActorCtx, o: { candidateId: string; mission: repo.MissionRow; startDate: string; endDate: string; exceptId: string | null; startPath: string; endPath: string }) {
  if (o.endDate < o.startDate) throw E.invalid('dates_out_of_order', o.endPath);
  if ((Date.parse(o.endDate) - Date.parse(o.startDate)) / 86_400_000 > MAX_TOUR_DAYS) throw E.invalid('tour_too_long', o.endPath);
  if (o.startDate < o.mission.startDate) throw E.invalid('before_mission', o.startPath, { date: o.mission.startDate });
  if (o.mission.endDate && o.endDate > o.mission.endDate) throw E.invalid('after_mission', o.endPath, { date: o.mission.endDate });
  await repo.findCandidate(t.db, o.candidateId, true);
  if (await repo.hasOverlappingTour(t.db, o.candidateId, o.startDate, o.endDate, o.exceptId)) throw E.invalid('overlapping_deployment', o.exceptId ? o.endPath : o.startPath);
}

function summaryOf(r: Awaited<ReturnType<typeof repo.listDeployments>>[number]) {
  const d = r.d;
  return {
    id: d.id, candidateId: d.candidateId, candidateName: r.name, missionId: d.missionId, missionCode: r.missionCode, organisation: r.organisation as Organisation,
    postTitle: d.postTitle, startDate: d.startDate, endDate: d.endDate, status: d.status as 'active',
  };
}

/** Tours with the officers' names (never their next of kin or health); logged as a consultation. */
export async function listDeployments(ctx: ActorCtx, q: z.infer<typeof deploymentsQuery>) {
  requirePeace(ctx);
  const rows = await repo.listDeployments(ctx.db, { status: q.status });
  await inTransaction(ctx, (tx) => audit(tx, {
    category: 'consultation', action: 'peace.deployments.list', entityType: 'peace_deployment', personIds: [...new Set(rows.map((r) => r.d.candidateId))],
    justification: q.justification, details: { status: q.status ?? null, shown: rows.length },
  }));
  return { items: rows.map(summaryOf) };
}

async function buildDetail(ctx: ActorCtx, id: string): Promise<DeploymentDetail> {
  const [r] = await repo.listDeployments(ctx.db, { id });
  if (!r) throw E.notFound();
  const ext = await repo.extensionsOf(ctx.db, id);
  return {
    ...summaryOf(r), originalEndDate: r.d.originalEndDate, endReason: r.d.endReason, version: r.d.version, hasWelfare: await repo.hasWelfare(ctx.db, id),
    extensions: ext.map((e) => ({ fromDate: e.fromDate, toDate: e.toDate, reason: e.reason, createdAt: e.createdAt.toISOString() })),
    actions: r.d.status === 'active' ? ['extend', 'end'] : [],
  };
}

/** One tour with its extensions; logged as a consultation with the justification. */
export async function consultDeployment(ctx: ActorCtx, id: string, justification: string): Promise<DeploymentDetail> {
  requirePeace(ctx);
  const detail = await buildDetail(ctx, id);
  await inTransaction(ctx, (tx) => audit(tx, { category: 'consultation', action: 'peace.deployment.view', entityType: 'peace_deployment', entityId: id, personIds: [detail.candidateId], justification }));
  return detail;
}

/** Runs an action on an active tour, on the version the user saw. */
async function onActiveTour(ctx: ActorCtx, id: string, version: number, action: string, fn: (t: ActorCtx, d: repo.DeploymentRow) => Promise<void>) {
  requirePeace(ctx);
  await inTransaction(ctx, async (tx) => {
    const t = tx as ActorCtx;
    const d = await repo.findDeployment(t.db, id, true);
    if (!d) throw E.notFound();
    if (d.version !== version) throw E.staleVersion();
    if (d.status !== 'active') throw E.invalidTransition(action, d.status);
    await fn(t, d);
  });
  return buildDetail(ctx, id);
}

/** Extends a tour to a later end date (the organisation agreed), kept as history; the end-of-tour reminder follows. */
export function extendDeployment(ctx: ActorCtx, id: string, body: z.infer<typeof extendBody>) {
  return onActiveTour(ctx, id, body.version, 'extend', async (t, d) => {
    if (body.endDate <= d.endDate) throw E.invalid('extension_not_later', 'endDate', { date: d.endDate });
    const mission = (await repo.findMission(t.db, d.missionId))!;
    await checkTour(t, { candidateId: d.candidateId, mission, startDate: d.startDate, endDate: body.endDate, exceptId: d.id, startPath: 'endDate', endPath: 'endDate' });
    const updated = await repo.updateDeploymentVersioned(t.db, d.id, d.version, { endDate: body.endDate, updatedAt: t.clock.now() });
    if (!updated) throw E.staleVersion();
    await repo.insertExtension(t.db, { deploymentId: d.id, fromDate: d.endDate, toDate: body.endDate, reason: body.reason, decidedBy: t.actor.id, createdAt: t.clock.now() });
    await planTourReminder(t, updated);
    await audit(t, { category: 'alteration', action: 'peace.deployment.extend', entityType: 'peace_deployment', entityId: d.id, personIds: [d.candidateId], details: { from: d.endDate, to: body.endDate } });
  });
}

/** Ends a tour on its last day (planned or early: repatriation, mission closed); reminders stop. */
export function endDeployment(ctx: ActorCtx, id: string, body: z.infer<typeof endBody>) {
  return onActiveTour(ctx, id, body.version, 'end', async (t, d) => {
    if (body.endedOn < d.startDate) throw E.invalid('end_before_start', 'endedOn', { date: d.startDate });
    if (body.endedOn > d.endDate) throw E.invalid('end_after_planned', 'endedOn', { date: d.endDate });
    if (body.endedOn > today(t)) throw E.invalid('date_in_future', 'endedOn');
    const updated = await repo.updateDeploymentVersioned(t.db, d.id, d.version, { endDate: body.endedOn, status: 'ended', endReason: body.reason, updatedAt: t.clock.now() });
    if (!updated) throw E.staleVersion();
    await planTourReminder(t, updated);
    await audit(t, { category: 'alteration', action: 'peace.deployment.end', entityType: 'peace_deployment', entityId: d.id, personIds: [d.candidateId], details: { endedOn: body.endedOn, reason: body.reason } });
  });
}

const welfareViewOf = (w: NonNullable<Awaited<ReturnType<typeof repo.findWelfare>>>): WelfareView => ({
  version: w.version, nextOfKinName: w.nextOfKinName, nextOfKinRelation: w.nextOfKinRelation, nextOfKinPhone: w.nextOfKinPhone,
  medicalStatus: w.medicalStatus as 'fit', medicalCheckedOn: w.medicalCheckedOn, medicalNote: w.medicalNote,
});

/** GDPR Art 9 / LED Art 10: next of kin and medical readiness, read only with a justification, logged. */
export async function readWelfare(ctx: ActorCtx, id: string, justification: string): Promise<WelfareView | null> {
  requirePeace(ctx);
  const d = await repo.findDeployment(ctx.db, id);
  if (!d) throw E.notFound();
  const w = await repo.findWelfare(ctx.db, id);
  await inTransaction(ctx, (tx) => audit(tx, { category: 'consultation', action: 'peace.welfare.view', entityType: 'peace_deployment', entityId: id, personIds: [d.candidateId], justification, details: { special: true } }));
  return w ? welfareViewOf(w) : null;
}

/** Records or corrects a tour's next of kin and medical readiness (version 0: the first record). */
export async function recordWelfare(ctx: ActorCtx, id: string, input: z.infer<typeof welfareInput>): Promise<WelfareView> {
  requirePeace(ctx);
  if (input.medicalCheckedOn && input.medicalCheckedOn > today(ctx)) throw E.invalid('date_in_future', 'medicalCheckedOn');
  return inTransaction(ctx, async (tx) => {
    const t = tx as ActorCtx;
    const d = await repo.findDeployment(t.db, id, true);
    if (!d) throw E.notFound();
    const { version, justification, ...fields } = input;
    const v = {
      nextOfKinName: fields.nextOfKinName ?? null, nextOfKinRelation: fields.nextOfKinRelation ?? null, nextOfKinPhone: fields.nextOfKinPhone ?? null,
      medicalStatus: fields.medicalStatus, medicalCheckedOn: fields.medicalCheckedOn ?? null, medicalNote: fields.medicalNote ?? null,
      updatedBy: t.actor.id, updatedAt: t.clock.now(),
    };
    const w = version === 0 ? await repo.insertWelfare(t.db, { deploymentId: id, ...v }) : await repo.updateWelfareVersioned(t.db, id, version, v);
    if (!w) throw E.staleVersion();
    // The log says that the data changed and why, never what it now says.
    await audit(t, { category: version === 0 ? 'collection' : 'alteration', action: 'peace.welfare.record', entityType: 'peace_deployment', entityId: id, personIds: [d.candidateId], justification, details: { special: true } });
    return welfareViewOf(w);
  });
}
