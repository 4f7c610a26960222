/**
 * Keeps a request's stored deadline (for the queue's sort) and its reminder jobs in step with the
 * pure deadline engine. Called in the transaction of every act that can move the clock.
 */
import { z } from 'zod';
import { computeDeadline, factsMatch, reminderTimes, type Deadline, type FactValue, type ReminderPolicy } from '../../platform/deadlines/index.ts';
import type { Ctx } from '../../platform/context.ts';
import { cancelJobs, scheduleJob } from '../../platform/jobs/job.service.ts';
import * as repo from './exchange.repository.ts';
import { FINAL_STATUSES } from './exchange.state.ts';
import { DIRECTIVE_STATES, type RequestStatus } from '../../../shared/domain.ts';

export const DEADLINE_JOB = 'exchange.deadline_point';
export const deadlineJobPayload = z.object({ requestId: z.uuid(), dueAt: z.string(), kind: z.enum(['reminder', 'escalation']), key: z.string() });

/** Default follow-up (Art 16(1)(e)); administrators override it in the `deadline.reminders` setting. */
export const DEFAULT_REMINDER_POLICY: ReminderPolicy = { fractionsLeft: [0.5], before: [{ hours: 1 }], escalateAtDue: true };

/** What decides a request's legal frame: the channel, the counterpart country, and whether it is a request at all. */
export interface RegimeFacts {
  channel: string;
  countryCode: string;
  /** Own-initiative information (Art 7) rather than a request. */
  information?: boolean;
}

/**
 * Which regime an exchange falls under, as data: the first entry whose `when` matches wins. SIRENE and Ameripol
 * keep their own clocks; Dir. (EU) 2023/977's Art 5 limits apply only between the SPOCs of the states bound by it
 * (whatever the channel, e.g. Interpol under Art 13(2)(a)); anything with a third country is a third-country exchange.
 */
export const REGIME_SELECTION: readonly { when: Readonly<Record<string, FactValue>>; regimeId: string }[] = [
  { when: { information: true }, regimeId: 'own-initiative' },
  { when: { channel: 'sirene' }, regimeId: 'sirene' },
  { when: { channel: 'ameripol' }, regimeId: 'ameripol' },
  { when: { directiveState: true }, regimeId: 'eu-2023-977' },
  { when: {}, regimeId: 'third-country' },
];

/** The regime an exchange falls under (see REGIME_SELECTION). */
export function regimeFor(f: RegimeFacts): string {
  const facts = { channel: f.channel, information: !!f.information, directiveState: DIRECTIVE_STATES.includes(f.countryCode) };
  return REGIME_SELECTION.find((s) => factsMatch(s.when, facts))!.regimeId;
}

/** Computes a request's deadline now, from the row and its clock stops. Null before the clock starts. */
export async function deadlineOf(ctx: Ctx, r: repo.RequestRow): Promise<Deadline | null> {
  if (!r.clockStartAt) return null;
  const stops = await repo.stopsOf(ctx.db, r.id);
  // A finished request's clock stands at the moment it ended.
  const ended = FINAL_STATUSES.includes(r.status as RequestStatus) ? r.answeredAt ?? r.closedAt : null;
  const now = ended ?? ctx.clock.now();
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
