/**
 * Applications and nominations: officers apply for a post; a peace officer proposes a candidate from the roster;
 * a supervisor decides (the nomination discloses the officer to the organisation); the organisation's outcome is
 * recorded, successful or not (CoE-Civ best practice); a selected officer is deployed. Each is one named action.
 */
import type { z } from 'zod';
import type { applicationInput, decideBody, deployBody, nominationInput, NominationStatus, outcomeBody } from '../../../shared/peace.schemas.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import { inTransaction } from '../../platform/context.ts';
import { buildCallDetail, callIsOpen } from './missions.service.ts';
import { dateIn, requirePeace, today, type ActorCtx } from './peace.context.ts';
import { peaceErrors as E } from './peace.errors.ts';
import { planTourReminder } from './peace.jobs.ts';
import { nominationActions, nextNominationStatus } from './peace.policy.ts';
import * as repo from './peace.repository.ts';
import { checkTour } from './deployments.service.ts';

/** The post must belong to this call, and the call must still take names. */
async function openPost(tx: ActorCtx, callId: string, postId: string) {
  const found = await repo.findPostWithCall(tx.db, postId);
  if (!found || found.call.id !== callId) throw E.invalid('post_not_in_call', 'postId');
  if (!callIsOpen(tx, found.call)) throw E.invalid('call_closed', 'postId', { deadline: found.call.deadline });
  return found;
}

async function activeCandidate(tx: ActorCtx, id: string) {
  const c = await repo.findCandidate(tx.db, id);
  if (!c || c.status !== 'active') throw E.invalid('candidate_not_found', 'candidateId');
  return c;
}

/** Names an officer for a post of an open call (an application or a proposal), then shows the call. */
async function nameForPost(ctx: ActorCtx, callId: string, input: { postId: string; candidateId: string }, justification: string,
  write: (t: ActorCtx, postId: string, candidateId: string) => Promise<void>) {
  requirePeace(ctx);
  await inTransaction(ctx, async (tx) => {
    const t = tx as ActorCtx;
    if (!(await repo.findCall(t.db, callId))) throw E.notFound();
    const { post } = await openPost(t, callId, input.postId);
    const c = await activeCandidate(t, input.candidateId);
    await write(t, post.id, c.id);
  });
  return buildCallDetail(ctx, callId, justification);
}

/** Records an officer's application for a post of an open call. */
export function addApplication(ctx: ActorCtx, callId: string, input: z.infer<typeof applicationInput>, justification: string) {
  return nameForPost(ctx, callId, input, justification, async (t, postId, candidateId) => {
    const a = await repo.insertApplication(t.db, { postId, candidateId, receivedOn: input.receivedOn, note: input.note ?? null, createdBy: t.actor.id, createdAt: t.clock.now() });
    if (!a) throw E.duplicate('already_applied', 'candidateId');
    await audit(t, { category: 'collection', action: 'peace.application.add', entityType: 'peace_call', entityId: callId, personIds: [candidateId], details: { postId } });
  });
}

/** Proposes a roster candidate for a post of an open call; a supervisor decides. */
export function proposeNomination(ctx: ActorCtx, callId: string, input: z.infer<typeof nominationInput>, justification: string) {
  return nameForPost(ctx, callId, input, justification, async (t, postId, candidateId) => {
    const now = t.clock.now();
    const n = await repo.insertNomination(t.db, { postId, candidateId, status: 'proposed', note: input.note ?? null, createdBy: t.actor.id, createdAt: now, updatedAt: now });
    if (!n) throw E.duplicate('already_nominated', 'candidateId');
    await audit(t, { category: 'collection', action: 'peace.nomination.propose', entityType: 'peace_nomination', entityId: n.id, personIds: [candidateId], details: { callId, postId } });
  });
}

type Decision = { action: 'nominate' | 'reject'; body: z.infer<typeof decideBody> } | { action: 'record_outcome'; body: z.infer<typeof outcomeBody> };

/** A supervisor's decision on a proposal, or the organisation's outcome, on the version the user saw. */
export async function decideNomination(ctx: ActorCtx, id: string, d: Decision, justification: string) {
  requirePeace(ctx);
  const callId = await inTransaction(ctx, async (tx) => {
    const t = tx as ActorCtx;
    const n = await repo.findNomination(t.db, id, true);
    if (!n) throw E.notFound();
    const status = n.status as NominationStatus;
    const outcome = d.action === 'record_outcome' ? d.body.outcome : undefined;
    const to = nextNominationStatus(d.action, status, outcome);
    if (!to) throw E.invalidTransition(d.action, status);
    if (!nominationActions(t.actor, status, false).includes(d.action)) throw E.notPermitted(d.action);
    if (d.body.version !== n.version) throw E.staleVersion();
    const { post, call } = (await repo.findPostWithCall(t.db, n.postId))!;
    const mission = (await repo.findMission(t.db, call.missionId))!;
    // Nominating discloses the officer's application to the organisation: only while the call is open.
    if (d.action === 'nominate' && !callIsOpen(t, call)) throw E.invalid('call_closed', 'version', { deadline: call.deadline });
    if (d.action === 'record_outcome') {
      if (d.body.outcomeOn > today(t)) throw E.invalid('date_in_future', 'outcomeOn');
      // The organisation answers a nomination after it was sent.
      if (n.decidedAt && d.body.outcomeOn < dateIn(n.decidedAt)) throw E.invalid('outcome_before_nomination', 'outcomeOn');
    }
    const patch = d.action === 'record_outcome'
      ? { status: to, outcomeOn: d.body.outcomeOn, updatedAt: t.clock.now() }
      : { status: to, note: d.body.note ?? n.note, decidedBy: t.actor.id, decidedAt: t.clock.now(), updatedAt: t.clock.now() };
    if (!(await repo.updateNominationVersioned(t.db, id, n.version, patch))) throw E.staleVersion();
    await audit(t, {
      category: d.action === 'nominate' ? 'disclosure' : 'alteration', action: `peace.nomination.${d.action}`, entityType: 'peace_nomination', entityId: id,
      personIds: [n.candidateId], recipient: d.action === 'nominate' ? `${mission.organisation.toUpperCase()} ${mission.code}` : null,
      details: { from: status, to, postId: post.id },
    });
    return call.id;
  });
  return buildCallDetail(ctx, callId, justification);
}

/** Deploys a selected officer: one tour, no overlap with another of the same officer, within the mission's dates. */
export async function deployNomination(ctx: ActorCtx, id: string, body: z.infer<typeof deployBody>): Promise<{ deploymentId: string }> {
  requirePeace(ctx);
  return inTransaction(ctx, async (tx) => {
    const t = tx as ActorCtx;
    const n = await repo.findNomination(t.db, id, true);
    if (!n) throw E.notFound();
    if (body.version !== n.version) throw E.staleVersion();
    if (n.status !== 'selected' || (await repo.deploymentOfNomination(t.db, id))) throw E.invalidTransition('deploy', n.status);
    const { post, call } = (await repo.findPostWithCall(t.db, n.postId))!;
    const mission = (await repo.findMission(t.db, call.missionId))!;
    await checkTour(t, { candidateId: n.candidateId, mission, startDate: body.startDate, endDate: body.endDate, exceptId: null, startPath: 'startDate', endPath: 'endDate' });
    const now = t.clock.now();
    const d = await repo.insertDeployment(t.db, {
      candidateId: n.candidateId, missionId: mission.id, nominationId: n.id, postTitle: post.title, startDate: body.startDate, endDate: body.endDate,
      originalEndDate: body.endDate, status: 'active', createdBy: t.actor.id, createdAt: now, updatedAt: now,
    });
    await repo.updateNominationVersioned(t.db, id, n.version, { updatedAt: now });
    await planTourReminder(t, d);
    await audit(t, { category: 'collection', action: 'peace.deployment.create', entityType: 'peace_deployment', entityId: d.id, personIds: [n.candidateId], details: { mission: mission.code, startDate: d.startDate, endDate: d.endDate } });
    return { deploymentId: d.id };
  });
}
