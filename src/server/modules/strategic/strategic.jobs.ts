/**
 * Follow-up of action items: a reminder to the owner two days before the due day, and an overdue notice to the
 * owner and whoever set the action on the morning after it — durable jobs in the database, replanned never,
 * cancelled when the action is done.
 */
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import { cancelJobs, defineJob, scheduleJob } from '../../platform/jobs/job.service.ts';
import { notify } from '../../platform/notifications/notification.service.ts';
import * as repo from './strategic.repository.ts';

export const ZONE = 'Europe/Stockholm';
export const ACTION_JOB = 'strategic.action_due';
/** Days before the due day the owner is reminded (at 08:00 Stockholm time). */
export const REMIND_DAYS_BEFORE = 2;

const payload = z.object({ actionId: z.uuid(), point: z.enum(['due_soon', 'overdue']), dueDate: z.string() });

/** 08:00 in Stockholm on the day `days` after the given calendar day, as an instant (DST-aware). */
export function stockholmMorning(day: string, days: number): Date {
  return DateTime.fromISO(day, { zone: ZONE }).plus({ days }).set({ hour: 8, minute: 0, second: 0, millisecond: 0 }).toUTC().toJSDate();
}

/** Today's calendar day in Stockholm. */
export function stockholmToday(now: Date): string {
  return DateTime.fromJSDate(now, { zone: ZONE }).toISODate()!;
}

const keyPrefix = (actionId: string) => `strategic:action:${actionId}:`;

/** Plans the reminder and the overdue notice of a new action item, in the caller's transaction. */
export async function planActionReminders(ctx: Ctx, a: { id: string; dueDate: string }): Promise<void> {
  const now = ctx.clock.now().getTime();
  const points = [
    { point: 'due_soon' as const, runAt: stockholmMorning(a.dueDate, -REMIND_DAYS_BEFORE) },
    { point: 'overdue' as const, runAt: stockholmMorning(a.dueDate, 1) },
  ];
  for (const p of points) {
    // A reminder whose moment has passed is not sent late; the overdue notice always is.
    if (p.point === 'due_soon' && p.runAt.getTime() <= now) continue;
    await scheduleJob(ctx, { kind: ACTION_JOB, runAt: p.runAt, payload: { actionId: a.id, point: p.point, dueDate: a.dueDate }, dedupeKey: `${keyPrefix(a.id)}${p.point}` });
  }
}

/** Cancels what is left of an action item's follow-up (it is done). */
export async function cancelActionReminders(ctx: Ctx, actionId: string): Promise<void> {
  await cancelJobs(ctx, keyPrefix(actionId));
}

export const actionDueJob = defineJob({
  kind: ACTION_JOB,
  payload,
  async run(ctx, j) {
    const a = await repo.findAction(ctx.db, j.actionId);
    if (!a || a.doneAt || a.dueDate !== j.dueDate) return;
    const m = await repo.findMeeting(ctx.db, a.meetingId);
    if (!m) return;
    const overdue = j.point === 'overdue';
    await notify(ctx, {
      userIds: overdue && a.createdBy ? [a.ownerId, a.createdBy] : [a.ownerId], kind: overdue ? 'escalation' : 'reminder',
      entityType: 'strategic_meeting', entityId: m.m.id,
      messageKey: overdue ? 'strategic.notifications.actionOverdue' : 'strategic.notifications.actionDueSoon',
      params: { reference: m.groupCode, title: a.title, dueDate: a.dueDate },
    });
  },
});

export const strategicJobs = [actionDueJob];
