/**
 * Missions and calls for contributions (the EEAS Goalkeeper "Headhunter" side): register a mission with its
 * mandate, publish a call with its posts and deadline, close it. A call's detail names officers (applications,
 * nominations), so it is shown only with a justification, logged as a consultation.
 */
import type { z } from 'zod';
import type { callDetail, CallInput, MissionInput, missionDetail, Organisation } from '../../../shared/peace.schemas.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import { inTransaction } from '../../platform/context.ts';
import { requirePeace, today, type ActorCtx } from './peace.context.ts';
import { peaceErrors as E } from './peace.errors.ts';
import { mayDecide, nominationActions } from './peace.policy.ts';
import * as repo from './peace.repository.ts';

type MissionDetail = z.infer<typeof missionDetail>;
type CallDetail = z.infer<typeof callDetail>;

function missionSummaryOf(r: Awaited<ReturnType<typeof repo.listMissions>>[number]) {
  const m = r.m;
  return {
    id: m.id, code: m.code, name: m.name, organisation: m.organisation as Organisation, countryCode: m.countryCode,
    startDate: m.startDate, endDate: m.endDate, openCalls: Number(r.openCalls), activeDeployments: Number(r.activeDeployments),
  };
}

/** Every mission, current ones first. */
export async function listMissions(ctx: ActorCtx) {
  requirePeace(ctx);
  return { items: (await repo.listMissions(ctx.db, today(ctx))).map(missionSummaryOf) };
}

/** Registers a mission; its short name is unique. */
export async function createMission(ctx: ActorCtx, input: MissionInput): Promise<MissionDetail> {
  requirePeace(ctx);
  const id = await inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const m = await repo.insertMission(tx.db, { ...input, endDate: input.endDate ?? null, createdBy: ctx.actor.id, createdAt: now, updatedAt: now });
    if (!m) throw E.duplicate('mission_code_taken', 'code');
    await audit(tx, { category: 'collection', action: 'peace.mission.create', entityType: 'peace_mission', entityId: m.id, details: { code: m.code, organisation: m.organisation, country: m.countryCode } });
    return m.id;
  });
  return getMission(ctx, id);
}

/** A mission with its calls (no personal data). */
export async function getMission(ctx: ActorCtx, id: string): Promise<MissionDetail> {
  requirePeace(ctx);
  const [row] = await repo.listMissions(ctx.db, today(ctx), id);
  if (!row) throw E.notFound();
  const calls = await repo.callsOfMission(ctx.db, id);
  return {
    ...missionSummaryOf(row), mandate: row.m.mandate, version: row.m.version,
    calls: calls.map((c) => ({ ...callSummaryOf(ctx, c.c), posts: Number(c.posts), nominations: Number(c.nominations) })),
  };
}

/** A call is open until it is closed or its deadline has passed (end of the deadline day, Swedish time). */
export function callIsOpen(ctx: ActorCtx, c: repo.CallRow): boolean {
  return c.status === 'open' && c.deadline >= today(ctx);
}

function callSummaryOf(ctx: ActorCtx, c: repo.CallRow) {
  return { id: c.id, missionId: c.missionId, reference: c.reference, title: c.title, deadline: c.deadline, status: callIsOpen(ctx, c) ? 'open' as const : 'closed' as const };
}

/** Publishes a call for contributions to a mission, with its posts. */
export async function createCall(ctx: ActorCtx, missionId: string, input: CallInput): Promise<{ id: string }> {
  requirePeace(ctx);
  if (input.deadline < today(ctx)) throw E.invalid('deadline_passed', 'deadline');
  input.posts.forEach((p, i) => {
    if (!p.language !== !p.languageLevel) throw E.invalid('language_level_required', `posts.${i}.${p.language ? 'languageLevel' : 'language'}`);
  });
  return inTransaction(ctx, async (tx) => {
    const m = await repo.findMission(tx.db, missionId);
    if (!m) throw E.notFound();
    if (m.endDate && m.endDate < today(tx)) throw E.invalid('mission_ended', 'deadline');
    const now = tx.clock.now();
    const c = await repo.insertCall(tx.db, { missionId, reference: input.reference, title: input.title, deadline: input.deadline, status: 'open', createdBy: ctx.actor.id, createdAt: now, updatedAt: now });
    if (!c) throw E.duplicate('call_reference_taken', 'reference');
    await repo.insertPosts(tx.db, input.posts.map((p) => ({ callId: c.id, title: p.title, profile: p.profile ?? null, positions: p.positions, language: p.language ?? null, languageLevel: p.languageLevel ?? null })));
    await audit(tx, { category: 'collection', action: 'peace.call.create', entityType: 'peace_call', entityId: c.id, details: { mission: m.code, reference: c.reference, posts: input.posts.length, deadline: c.deadline } });
    return { id: c.id };
  });
}

/** Closes a call before its deadline (the organisation withdrew it or the nominations are in). */
export async function closeCall(ctx: ActorCtx, id: string, version: number, justification: string): Promise<CallDetail> {
  requirePeace(ctx);
  await inTransaction(ctx, async (tx) => {
    const c = await repo.findCall(tx.db, id, true);
    if (!c) throw E.notFound();
    if (c.version !== version) throw E.staleVersion();
    if (c.status === 'closed') throw E.invalidTransition('close', c.status);
    if (!(await repo.updateCallVersioned(tx.db, id, version, { status: 'closed', updatedAt: tx.clock.now() }))) throw E.staleVersion();
    await audit(tx, { category: 'alteration', action: 'peace.call.close', entityType: 'peace_call', entityId: id, details: { reference: c.reference } });
  });
  return buildCallDetail(ctx, id, justification);
}

/** A call with posts, applications and nominations; LED/GDPR: logged as a consultation with its justification. */
export async function consultCall(ctx: ActorCtx, id: string, justification: string): Promise<CallDetail> {
  requirePeace(ctx);
  return buildCallDetail(ctx, id, justification);
}

/** Builds the call's detail and logs the consultation of the officers it names. */
export async function buildCallDetail(ctx: ActorCtx, id: string, justification: string): Promise<CallDetail> {
  const c = await repo.findCall(ctx.db, id);
  if (!c) throw E.notFound();
  const m = (await repo.findMission(ctx.db, c.missionId))!;
  const [posts, applications, nominations] = [await repo.postsOf(ctx.db, id), await repo.applicationsOfCall(ctx.db, id), await repo.nominationsOfCall(ctx.db, id)];
  const named = [...new Set([...applications.map((a) => a.a.candidateId), ...nominations.map((n) => n.n.candidateId)])];
  await inTransaction(ctx, (tx) => audit(tx, { category: 'consultation', action: 'peace.call.view', entityType: 'peace_call', entityId: id, personIds: named, justification }));
  return {
    ...callSummaryOf(ctx, c), posts: posts.length, nominations: nominations.length, version: c.version,
    mission: { id: m.id, code: m.code, name: m.name, organisation: m.organisation as Organisation },
    postList: posts.map((p) => ({ id: p.id, title: p.title, profile: p.profile, positions: p.positions, language: p.language, languageLevel: p.languageLevel })),
    applications: applications.map(({ a, name }) => ({ id: a.id, postId: a.postId, candidateId: a.candidateId, candidateName: name, receivedOn: a.receivedOn, note: a.note })),
    nominationList: nominations.map(({ n, name, gender, deploymentId }) => ({
      id: n.id, postId: n.postId, candidateId: n.candidateId, candidateName: name, gender: gender as 'female', status: n.status as 'proposed',
      note: n.note, outcomeOn: n.outcomeOn, version: n.version, deploymentId,
      actions: nominationActions(ctx.actor, n.status as 'proposed', !!deploymentId),
    })),
    mayDecide: mayDecide(ctx.actor),
  };
}
