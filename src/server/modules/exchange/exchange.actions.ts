/**
 * Named state changes of a request (STYLE rule 2): one use case per action, checked by policy, written
 * with its audit entry and deadline update in one transaction, guarded by the version the user saw.
 */
import type { z } from 'zod';
import type { RequestStatus } from '../../../shared/domain.ts';
import { actionBodies, type ActionName, type RequestDetail } from '../../../shared/exchange.schemas.ts';
import { audit, type AuditEntry } from '../../platform/audit/audit.service.ts';
import { inTransaction, type Actor, type Ctx } from '../../platform/context.ts';
import { notify } from '../../platform/notifications/notification.service.ts';
import { exchangeErrors as E } from './exchange.errors.ts';
import { mayAct } from './exchange.policy.ts';
import { canTransition, nextStatus } from './exchange.state.ts';
import { refreshDeadline } from './exchange.deadlines.ts';
import { emitOutbound } from './exchange.outbound.ts';
import * as repo from './exchange.repository.ts';
import { getRequestDetail, scopeOf } from './exchange.service.ts';

type ActorCtx = Ctx & { actor: Actor };
type Body<A extends ActionName> = z.infer<(typeof actionBodies)[A]>;
const DAY = 86_400_000;

interface Effect {
  patch?: Partial<repo.NewRequestRow>;
  audit: Omit<AuditEntry, 'entityType' | 'entityId'>;
}

/** Performs one named action on a request and returns the request as the actor now sees it. */
export async function performAction<A extends ActionName>(ctx: ActorCtx, id: string, action: A, body: Body<A>): Promise<RequestDetail> {
  const scope = scopeOf(ctx);
  await inTransaction(ctx, async (tx) => {
    const t = tx as ActorCtx;
    const r = await repo.findVisibleRequest(t.db, scope, id, true);
    if (!r) throw E.notFound();
    const status = r.status as RequestStatus;
    if (!canTransition(action, status, r.direction as 'incoming')) throw E.invalidTransition(action, status);
    const assignees = (await repo.assigneesOf(t.db, [r.id])).map((a) => a.id);
    if (!mayAct(t.actor, { status, direction: r.direction as 'incoming', unitId: r.unitId, assigneeIds: assignees }, action)) throw E.notPermitted(action);
    if (body.version !== r.version) throw E.staleVersion();

    const effect = await ACTIONS[action](t, r, body as never);
    const updated = await repo.updateRequestVersioned(t.db, r.id, r.version, {
      ...effect.patch, status: nextStatus(action, status), updatedAt: t.clock.now(),
    });
    if (!updated) throw E.staleVersion();
    await refreshDeadline(t, updated);
    await audit(t, { ...effect.audit, entityType: 'request', entityId: r.id, details: { reference: r.reference, from: status, to: updated.status, ...effect.audit.details } });
    await emitOutbound(t, action, updated, body);
  });
  return getRequestDetail(ctx, id);
}

async function message(t: ActorCtx, r: repo.RequestRow, kind: string, direction: 'in' | 'out' | 'internal', body: string, at?: Date) {
  await repo.insertMessage(t.db, { requestId: r.id, kind, direction, body, authorId: direction === 'in' ? null : t.actor.id, createdAt: at ?? t.clock.now() });
}

const recipient = (r: repo.RequestRow) => `${r.countryCode}: ${r.counterpartAuthority}`;

const ACTIONS: { [A in ActionName]: (t: ActorCtx, r: repo.RequestRow, body: Body<A>) => Promise<Effect> } = {
  async assign(t, r, b) {
    // Need-to-know: only members of the request's unit can be assigned.
    if (!(await repo.isUserInUnit(t.db, b.assigneeId, r.unitId))) throw E.invalid('assignee_invalid', [{ path: 'assigneeId', code: 'exchange.assignee_invalid' }]);
    await repo.addAssignee(t.db, { requestId: r.id, userId: b.assigneeId, assignedAt: t.clock.now(), assignedBy: t.actor.id });
    await notify(t, { userIds: [b.assigneeId], kind: 'assigned', entityType: 'request', entityId: r.id, messageKey: 'exchange.notifications.assigned', params: { reference: r.reference, by: t.actor.displayName } });
    return { audit: { category: 'alteration', action: 'exchange.request.assign', details: { assigneeId: b.assigneeId } } };
  },
  async start() {
    return { audit: { category: 'alteration', action: 'exchange.request.start' } };
  },
  async request_clarification(t, r, b) {
    // Art 6(3): asking for clarification suspends the deadline until the clarification arrives.
    await repo.openStop(t.db, { requestId: r.id, reason: 'clarification', fromAt: t.clock.now() });
    await repo.insertDeadlineEvent(t.db, { requestId: r.id, kind: 'paused', at: t.clock.now(), note: 'clarification', actorId: t.actor.id });
    await message(t, r, 'clarification_request', 'out', b.question);
    return { audit: { category: 'disclosure', action: 'exchange.request.request_clarification', recipient: recipient(r) } };
  },
  async receive_clarification(t, r, b) {
    const at = b.receivedAt ? new Date(b.receivedAt) : t.clock.now();
    const stops = await repo.stopsOf(t.db, r.id);
    const open = stops.find((s) => !s.toAt);
    // The answer cannot arrive before the question was asked, nor in the future.
    if (!open || at < open.fromAt || at.getTime() > t.clock.now().getTime() + 5 * 60_000) {
      throw E.invalid('date_out_of_order', [{ path: 'receivedAt', code: 'exchange.date_out_of_order' }]);
    }
    await repo.closeOpenStops(t.db, r.id, at);
    await repo.insertDeadlineEvent(t.db, { requestId: r.id, kind: 'resumed', at, note: 'clarification', actorId: t.actor.id });
    await message(t, r, 'clarification_answer', 'in', b.answer, at);
    return { audit: { category: 'collection', action: 'exchange.request.receive_clarification' } };
  },
  async delay_judicial(t, r, b) {
    // Art 5(2): the deadline may be exceeded only as far as judicial authorisation needs; the requester is
    // told at once of the expected delay, its length and reasons. The legal due time does not move.
    const due = r.dueAt ?? t.clock.now();
    const expectedAt = new Date(Math.max(due.getTime(), t.clock.now().getTime()) + b.expectedDays * DAY);
    await repo.insertDeadlineEvent(t.db, { requestId: r.id, kind: 'delay_notified', at: t.clock.now(), note: `${b.expectedDays}: ${b.reason}`, actorId: t.actor.id });
    await message(t, r, 'delay_notice', 'out', b.reason);
    return { patch: { expectedAt }, audit: { category: 'disclosure', action: 'exchange.request.delay_judicial', recipient: recipient(r), details: { expectedDays: b.expectedDays } } };
  },
  async resume_judicial(t, r, b) {
    await repo.insertDeadlineEvent(t.db, { requestId: r.id, kind: b.authorised ? 'judicial_authorised' : 'judicial_refused', at: t.clock.now(), note: b.note ?? null, actorId: t.actor.id });
    return { audit: { category: 'alteration', action: 'exchange.request.resume_judicial', details: { authorised: b.authorised } } };
  },
  async answer(t, r, b) {
    // Art 6(1): a refusal covers only the affected part; the rest is provided, with the grounds stated.
    if (b.partialRefusalGrounds.length && !b.refusalReason) throw E.invalid('refusal_reason_required', [{ path: 'refusalReason', code: 'exchange.refusal_reason_required' }]);
    await message(t, r, 'answer', 'out', b.body);
    await repo.insertDeadlineEvent(t.db, { requestId: r.id, kind: 'answered', at: t.clock.now(), actorId: t.actor.id, note: r.dueAt && r.dueAt < t.clock.now() ? 'late' : null });
    const persons = await repo.personsOf(t.db, r.id);
    return {
      patch: { answeredAt: t.clock.now(), refusalGrounds: b.partialRefusalGrounds, refusalReason: b.refusalReason ?? null },
      audit: { category: 'disclosure', action: 'exchange.request.answer', recipient: recipient(r), personIds: persons.map((p) => p.id), details: { partialRefusal: b.partialRefusalGrounds } },
    };
  },
  async refuse(t, r, b) {
    await message(t, r, 'refusal', 'out', b.reason);
    await repo.insertDeadlineEvent(t.db, { requestId: r.id, kind: 'refused', at: t.clock.now(), actorId: t.actor.id, note: b.grounds.join(',') });
    return { patch: { answeredAt: t.clock.now(), refusalGrounds: b.grounds, refusalReason: b.reason }, audit: { category: 'disclosure', action: 'exchange.request.refuse', recipient: recipient(r), details: { grounds: b.grounds } } };
  },
  async send(t, r) {
    // The counterpart's clock starts when it receives the request; we follow it up from sending.
    await repo.insertDeadlineEvent(t.db, { requestId: r.id, kind: 'started', at: t.clock.now(), actorId: t.actor.id, note: 'sent' });
    const persons = await repo.personsOf(t.db, r.id);
    return { patch: { clockStartAt: t.clock.now() }, audit: { category: 'disclosure', action: 'exchange.request.send', recipient: recipient(r), personIds: persons.map((p) => p.id) } };
  },
  async record_answer(t, r, b) {
    const at = b.receivedAt ? new Date(b.receivedAt) : t.clock.now();
    if (r.clockStartAt && at < r.clockStartAt) throw E.invalid('date_out_of_order', [{ path: 'receivedAt', code: 'exchange.date_out_of_order' }]);
    await message(t, r, 'answer', 'in', b.body, at);
    await repo.insertDeadlineEvent(t.db, { requestId: r.id, kind: 'answered', at, actorId: t.actor.id });
    return { patch: { answeredAt: at }, audit: { category: 'collection', action: 'exchange.request.record_answer' } };
  },
  async close(t, r, b) {
    if (b.note) await message(t, r, 'note', 'internal', b.note);
    // Dir. (EU) 2023/977 Art 16(5): the first retention review date is set by accountability's retention scan from the
    // period in settings (closed_at + firstReviewMonths), not here.
    return { patch: { closedAt: t.clock.now() }, audit: { category: 'alteration', action: 'exchange.request.close' } };
  },
};
