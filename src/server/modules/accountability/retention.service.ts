/**
 * Retention reviews (Dir. (EU) 2023/977 Art 16(4)–(5); LED Art 5; brottsdatalagen 2 kap. 18 §): ended
 * exchanges get a review date, due ones go on the unit's review queue, and a reviewer keeps them (with a
 * reason and a new date) or erases their personal data irrecoverably from the live tables. The audit log
 * keeps a record that names no one: person ids and counts only.
 */
import type { ReviewDecisionInput, ReviewQueue } from '../../../shared/accountability.schemas.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import { inTransaction, type Actor, type Ctx } from '../../platform/context.ts';
import { notify } from '../../platform/notifications/notification.service.ts';
import { accountabilityErrors as E } from './accountability.errors.ts';
import { addMonths, getSettings } from './accountability.settings.ts';
import * as repo from './retention.repository.ts';

type ActorCtx = Ctx & { actor: Actor };
const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/** Dates ended exchanges and puts due ones on their unit's review queue, telling the unit's supervisors. */
export async function scanRetention(ctx: Ctx): Promise<{ dated: number; queued: number }> {
  const settings = await getSettings(ctx);
  return inTransaction(ctx, async (tx) => {
    const dated = await repo.scheduleFirstReviews(tx.db, settings.firstReviewMonths);
    for (const d of dated) {
      await audit(tx, { category: 'alteration', action: 'accountability.review.schedule', entityType: 'request', entityId: d.id, details: { nextReviewAt: d.next.toISOString() } });
    }
    const now = tx.clock.now();
    let queued = 0;
    for (const r of await repo.dueForReview(tx.db, now)) {
      const task = await repo.insertTask(tx.db, { requestId: r.id, unitId: r.unit_id, dueAt: new Date(r.next_review_at), queuedAt: now });
      if (!task) continue;
      queued++;
      await audit(tx, { category: 'admin', action: 'accountability.review.queue', entityType: 'request', entityId: r.id, details: { reference: r.reference, taskId: task.id, dueAt: iso(r.next_review_at) } });
      await notify(tx, {
        userIds: await repo.reviewersOf(tx.db, r.unit_id), kind: 'reminder', entityType: 'request', entityId: r.id,
        messageKey: 'accountability.notifications.review_due', params: { reference: r.reference, dueAt: iso(r.next_review_at)! },
      });
    }
    return { dated: dated.length, queued };
  });
}

/** The reviewer's queue: the unit's requests due for a retention review (no person data shown here). */
export async function listReviewQueue(ctx: ActorCtx): Promise<ReviewQueue> {
  const rows = await repo.pendingTasks(ctx.db, ctx.actor.unitId);
  return {
    items: rows.map((r) => ({
      id: r.id, requestId: r.request_id, reference: r.reference, countryCode: r.country_code, direction: r.direction,
      status: r.status, subject: r.subject, closedAt: iso(r.closed_at), dueAt: iso(r.due_at)!, queuedAt: iso(r.queued_at)!,
      personCount: Number(r.person_count),
    })),
  };
}

/** Records a reviewer's decision: keep with a reason and a new date, or erase all or some persons' data. */
export async function decideReview(ctx: ActorCtx, taskId: string, input: ReviewDecisionInput) {
  const settings = await getSettings(ctx);
  return inTransaction(ctx, async (tx) => {
    const task = await repo.lockTask(tx.db, taskId, tx.actor!.unitId);
    if (!task) throw E.notFound();
    if (task.status !== 'pending') throw E.reviewDecided();
    const r = (await repo.requestForReview(tx.db, task.requestId))!;
    const now = tx.clock.now();
    const decided = { decidedBy: tx.actor!.id, decidedAt: now };
    const next = input.nextReviewAt ? checkNextReview(now, new Date(input.nextReviewAt), settings.reviewIntervalMonths) : null;

    if (input.decision === 'keep') {
      await repo.setNextReview(tx.db, r.id, next);
      await repo.closeTask(tx.db, task.id, { ...decided, status: 'kept', reason: input.reason, nextReviewAt: next });
      await audit(tx, {
        category: 'alteration', action: 'accountability.review.keep', entityType: 'request', entityId: r.id, justification: input.reason,
        details: { reference: r.reference, taskId: task.id, nextReviewAt: next!.toISOString() },
      });
      return { id: task.id, status: 'kept' as const, erasedPersons: 0, nextReviewAt: next!.toISOString() };
    }

    // An erasure is a decision like a keep: its reason is recorded (without names) in the log.
    if (!input.reason || input.reason.trim().length < 10) throw E.reasonRequired();
    const persons = await repo.personsOfRequest(tx.db, r.id);
    const partial = !!input.personIds;
    const chosen = partial ? persons.filter((p) => input.personIds!.includes(p.id)) : persons;
    if (partial) {
      if (chosen.length !== new Set(input.personIds).size) throw E.personNotInRequest();
      // The rest of the request stays, so it needs its next review like a keep.
      if (!next) throw E.reviewDateInvalid(addMonths(now, settings.reviewIntervalMonths).toISOString());
    }
    const counts = await repo.erasePersons(tx.db, r.id, chosen, !partial);
    await repo.setNextReview(tx.db, r.id, partial ? next : null);
    await repo.closeTask(tx.db, task.id, {
      ...decided, status: 'erased', reason: input.reason ?? null, nextReviewAt: partial ? next : null,
      erasedPersonIds: chosen.map((p) => p.id), erasedAll: !partial,
    });
    // The record of the erasure names person ids and counts only (never names), so it outlives the data.
    await audit(tx, {
      category: 'erasure', action: partial ? 'accountability.review.erase_persons' : 'accountability.review.erase', entityType: 'request',
      entityId: r.id, personIds: chosen.map((p) => p.id), justification: input.reason ?? null,
      details: { reference: r.reference, taskId: task.id, ...counts, nextReviewAt: partial ? next!.toISOString() : null },
    });
    return { id: task.id, status: 'erased' as const, erasedPersons: chosen.length, nextReviewAt: partial ? next!.toISOString() : null };
  });
}

/** A new review date must lie in the future and no further than one review interval ahead. */
function checkNextReview(now: Date, next: Date, intervalMonths: number): Date {
  const max = addMonths(now, intervalMonths);
  if (next.getTime() <= now.getTime() || next.getTime() > max.getTime()) throw E.reviewDateInvalid(max.toISOString());
  return next;
}
