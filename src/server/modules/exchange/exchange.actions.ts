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
import { canTransition, flowOf, nextStatus } from './exchange.state.ts';
import { refreshDeadline } from './exchange.deadlines.ts';
import { emitOutbound } from './exchange.outbound.ts';
import * as repo from './exchange.repository.ts';
import { getRequestDetail, scopeOf } from './exchange.service.ts';

type ActorCtx = Ctx & { actor: Actor };
type Body<A extends ActionName> = z.infer<(typeof actionBodies)[A]>;
const MINUTE = 60_000;
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
    if (!canTransition(action, status, flowOf(r))) throw E.invalidTransition(action, status);
    const assignees = (await repo.assigneesOf(t.db, [r.id])).map((a) => a.id);
    if (!mayAct(t.actor, { status, direction: flowOf(r), unitId: r.unitId, assigneeIds: assignees }, action)) throw E.notPermitted(action);
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

/**
 * The time something was received, as entered (minute precision in the form) or now. Not in the future (a small
 * allowance for clock skew), not before `after`; an entry in the same minute as `after` means `after` itself.
 */
function receivedTime(t: ActorCtx, entered: string | undefined, after: Date | null): Date {
  const now = t.clock.now();
  let at = entered ? new Date(entered) : now;
  if (after && at < after && Math.floor(at.getTime() / MINUTE) === Math.floor(after.getTime() / MINUTE)) at = after;
  if ((after && at < after) || at.getTime() > now.getTime() + 5 * MINUTE) {
    throw E.invalid('date_out_of_order', [{ path: 'receivedAt', code: 'exchange.date_out_of_order' }]);
  }
  return at;
}

/** The deadline event's note of an Art 5(2) delay: the expected instant, then the reason. */
const delayNote = (expectedAt: Date, reason: string) => `${expectedAt.toISOString()} ${reason}`;

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
    const stops = await repo.stopsOf(t.db, r.id);
    const open = stops.find((s) => !s.toAt);
    // The answer cannot arrive before the question was asked, nor in the future.
    if (!open) throw E.invalid('date_out_of_order', [{ path: 'receivedAt', code: 'exchange.date_out_of_order' }]);
    const at = receivedTime(t, b.receivedAt, open.fromAt);
    await repo.closeOpenStops(t.db, r.id, at);
    await repo.insertDeadlineEvent(t.db, { requestId: r.id, kind: 'resumed', at, note: 'clarification', actorId: t.actor.id });
    await message(t, r, 'clarification_answer', 'in', b.answer, at);
    return { audit: { category: 'collection', action: 'exchange.request.receive_clarification' } };
  },
  async delay_judicial(t, r, b) {
    // Art 5(2): the deadline may be exceeded only as far as judicial authorisation needs; the requester is
    // told at once of the expected delay, its length and reasons. The delay is one instant — when the answer
    // is expected — stored and sent as entered, so both nodes show the same; the legal due time does not move.
    const expectedAt = new Date(b.expectedAt);
    const now = t.clock.now();
    if (expectedAt <= now || expectedAt.getTime() > now.getTime() + 365 * DAY) {
      throw E.invalid('expected_at_invalid', [{ path: 'expectedAt', code: 'exchange.expected_at_invalid' }]);
    }
    await repo.insertDeadlineEvent(t.db, { requestId: r.id, kind: 'delay_notified', at: now, note: delayNote(expectedAt, b.reason), actorId: t.actor.id });
    await message(t, r, 'delay_notice', 'out', b.reason);
    return { patch: { expectedAt }, audit: { category: 'disclosure', action: 'exchange.request.delay_judicial', recipient: recipient(r), details: { expectedAt: expectedAt.toISOString() } } };
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
    // A refusal ends the exchange: a clock stopped for a clarification stops for good (no paused state remains).
    await repo.closeOpenStops(t.db, r.id, t.clock.now());
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
    const at = receivedTime(t, b.receivedAt, r.clockStartAt);
    await message(t, r, 'answer', 'in', b.body, at);
    await repo.insertDeadlineEvent(t.db, { requestId: r.id, kind: 'answered', at, actorId: t.actor.id });
    return { patch: { answeredAt: at }, audit: { category: 'collection', action: 'exchange.request.record_answer' } };
  },
  async withdraw(t, r, b) {
    // The requester withdrew the request: it ends without an answer and without an Art 6 ground, so it is neither
    // a reply nor a refusal in the Art 18 statistics; a stopped clock stops for good.
    await repo.closeOpenStops(t.db, r.id, t.clock.now());
    await message(t, r, 'withdrawal', 'in', b.note);
    await repo.insertDeadlineEvent(t.db, { requestId: r.id, kind: 'withdrawn', at: t.clock.now(), actorId: t.actor.id });
    return { audit: { category: 'alteration', action: 'exchange.request.withdraw' } };
  },
  async reclassify(t, r, b) {
    // Art 5(1): urgency and access choose the clock, so a corrected assessment recomputes the deadline (refreshDeadline).
    const to = { urgent: b.urgent, urgencyReason: b.urgent ? b.urgencyReason ?? null : null, access: b.access };
    if (to.urgent === r.urgent && to.urgencyReason === r.urgencyReason && to.access === r.access) {
      throw E.invalid('nothing_changed', [{ path: 'urgent', code: 'exchange.nothing_changed' }]);
    }
    await message(t, r, 'reclassification', 'internal', b.reason);
    await repo.insertDeadlineEvent(t.db, { requestId: r.id, kind: 'reclassified', at: t.clock.now(), actorId: t.actor.id, note: `${to.urgent ? 'urgent' : 'normal'},${to.access}` });
    return {
      patch: to,
      audit: { category: 'alteration', action: 'exchange.request.reclassify', details: { before: { urgent: r.urgent, urgencyReason: r.urgencyReason, access: r.access }, after: to } },
    };
  },
  async close(t, r, b) {
    if (b.note) await message(t, r, 'note', 'internal', b.note);
    // Dir. (EU) 2023/977 Art 16(5): the first retention review date is set by accountability's retention scan from the
    // period in settings (closed_at + firstReviewMonths), not here.
    return { patch: { closedAt: t.clock.now() }, audit: { category: 'alteration', action: 'exchange.request.close' } };
  },
};
