/**
 * Keeps a request's stored deadline (for the queue's sort) and its reminder jobs in step with the
 * pure deadline engine. Called in the transaction of every act that can move the clock.
 */
import { z } from 'zod';
import { computeDeadline, reminderTimes, type Deadline, type ReminderPolicy } from '../../platform/deadlines/index.ts';
import type { Ctx } from '../../platform/context.ts';
import { cancelJobs, scheduleJob } from '../../platform/jobs/job.service.ts';
import * as repo from './exchange.repository.ts';
import { FINAL_STATUSES } from './exchange.state.ts';
import type { RequestStatus } from '../../../shared/domain.ts';

export const DEADLINE_JOB = 'exchange.deadline_point';
export const deadlineJobPayload = z.object({ requestId: z.uuid(), dueAt: z.string(), kind: z.enum(['reminder', 'escalation']), key: z.string() });

/** Default follow-up (Art 16(1)(e)); administrators override it in the `deadline.reminders` setting. */
export const DEFAULT_REMINDER_POLICY: ReminderPolicy = { fractionsLeft: [0.5], before: [{ hours: 1 }], escalateAtDue: true };

/** The regime a request's channel and direction fall under; the regime is data (platform/deadlines). */
export function regimeFor(channel: string): string {
  if (channel === 'sirene') return 'sirene';
  if (channel === 'ameripol') return 'ameripol';
  return 'eu-2023-977';
}

/** Computes a request's deadline now, from the row and its clock stops. Null before the clock starts. */
export async function deadlineOf(ctx: Ctx, r: repo.RequestRow): Promise<Deadline | null> {
  if (!r.clockStartAt) return null;
  const stops = await repo.stopsOf(ctx.db, r.id);
  const now = FINAL_STATUSES.includes(r.status as RequestStatus) && r.answeredAt ? r.answeredAt : ctx.clock.now();
  return computeDeadline({
    regimeId: r.regimeId,
    facts: { urgent: r.urgent, access: r.access },
    events: { received: r.clockStartAt },
    stops: stops.map((s) => ({ from: s.fromAt, to: s.toAt })),
  }, now);
}

/** Recomputes and stores the deadline, and replans its reminder jobs (old ones are cancelled). */
export async function refreshDeadline(ctx: Ctx, r: repo.RequestRow): Promise<void> {
  await cancelJobs(ctx, `deadline:${r.id}:`);
  const open = !FINAL_STATUSES.includes(r.status as RequestStatus);
  const d = await deadlineOf(ctx, r);
  if (!d || !d.dueAt || !open) {
    await repo.updateRequest(ctx.db, r.id, { dueAt: open ? null : r.dueAt, pausedSince: null, pausedRemainingMs: null });
    return;
  }
  if (d.paused) {
    const since = d.stops.length ? d.stops[d.stops.length - 1].from : ctx.clock.now();
    await repo.updateRequest(ctx.db, r.id, { dueAt: null, pausedSince: since, pausedRemainingMs: d.remainingMs });
    return;
  }
  await repo.updateRequest(ctx.db, r.id, { dueAt: d.dueAt, pausedSince: null, pausedRemainingMs: null });
  const policy = (await repo.getSetting<ReminderPolicy>(ctx.db, 'deadline.reminders')) ?? DEFAULT_REMINDER_POLICY;
  for (const p of reminderTimes(d, policy)) {
    await scheduleJob(ctx, {
      kind: DEADLINE_JOB,
      runAt: p.at,
      payload: { requestId: r.id, dueAt: d.dueAt.toISOString(), kind: p.kind, key: p.key },
      dedupeKey: `deadline:${r.id}:${d.dueAt.toISOString()}:${p.key}`,
    });
  }
}
