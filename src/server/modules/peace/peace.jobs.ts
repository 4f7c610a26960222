/**
 * Durable reminders of the peace-operations area: a training certificate about to expire (eHEST, pre-deployment
 * training …) and a tour of duty about to end (rotation or extension to arrange). Planned in the transaction that
 * records the date; a job whose date has moved since finds nothing to say.
 */
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import { cancelJobs, defineJob, scheduleJob } from '../../platform/jobs/job.service.ts';
import { notify } from '../../platform/notifications/notification.service.ts';
import { addDays, today } from './peace.context.ts';
import * as repo from './peace.repository.ts';

export const CERTIFICATE_JOB = 'peace.certificate_expiry';
export const TOUR_JOB = 'peace.tour_ending';
/** Renewing eHEST or a PDT takes a course place: two months' notice. */
export const CERTIFICATE_NOTICE_DAYS = 60;
/** A rotation or an extension needs the organisation's answer: a month's notice. */
export const TOUR_NOTICE_DAYS = 30;

/** 07:00 Swedish time on a calendar date, as the instant a reminder is due. */
const morningOf = (date: string) => DateTime.fromISO(date, { zone: 'Europe/Stockholm' }).set({ hour: 7 }).toJSDate();

const certificatePayload = z.object({ certificateId: z.uuid(), expiresOn: z.string() });
const tourPayload = z.object({ deploymentId: z.uuid(), endDate: z.string() });

/** Plans the expiry reminder of a certificate (none for one without expiry or already expired). */
export async function planCertificateReminder(ctx: Ctx, c: { id: string; expiresOn: string | null }): Promise<void> {
  if (!c.expiresOn || c.expiresOn < today(ctx)) return;
  await scheduleJob(ctx, {
    kind: CERTIFICATE_JOB, runAt: morningOf(addDays(c.expiresOn, -CERTIFICATE_NOTICE_DAYS)),
    payload: { certificateId: c.id, expiresOn: c.expiresOn }, dedupeKey: `peace:cert:${c.id}:${c.expiresOn}`,
  });
}

/** Replans the end-of-tour reminder of a deployment (after deploying or extending; ending only cancels it). */
export async function planTourReminder(ctx: Ctx, d: { id: string; endDate: string; status: string }): Promise<void> {
  await cancelJobs(ctx, `peace:tour:${d.id}:`);
  if (d.status !== 'active') return;
  await scheduleJob(ctx, {
    kind: TOUR_JOB, runAt: morningOf(addDays(d.endDate, -TOUR_NOTICE_DAYS)),
    payload: { deploymentId: d.id, endDate: d.endDate }, dedupeKey: `peace:tour:${d.id}:${d.endDate}`,
  });
}

export const certificateExpiryJob = defineJob({
  kind: CERTIFICATE_JOB,
  payload: certificatePayload,
  async run(ctx, j) {
    const c = await repo.findCertificate(ctx.db, j.certificateId);
    if (!c || c.expiresOn !== j.expiresOn) return;
    const candidate = await repo.findCandidate(ctx.db, c.candidateId);
    if (!candidate || candidate.status !== 'active') return;
    // The notice names the employee number, not the officer: notifications are not behind a justification.
    await notify(ctx, {
      userIds: await repo.peaceStaff(ctx.db), kind: 'reminder', entityType: 'peace_candidate', entityId: candidate.id,
      messageKey: 'peace.notifications.certificateExpiring', params: { reference: candidate.employeeNumber, kind: c.kind, date: c.expiresOn },
    });
  },
});

export const tourEndingJob = defineJob({
  kind: TOUR_JOB,
  payload: tourPayload,
  async run(ctx, j) {
    const d = await repo.findDeployment(ctx.db, j.deploymentId);
    if (!d || d.status !== 'active' || d.endDate !== j.endDate) return;
    const [row] = await repo.listDeployments(ctx.db, { id: d.id });
    await notify(ctx, {
      userIds: await repo.peaceStaff(ctx.db), kind: 'reminder', entityType: 'peace_deployment', entityId: d.id,
      messageKey: 'peace.notifications.tourEnding', params: { reference: row.missionCode, post: d.postTitle, date: d.endDate },
    });
  },
});

export const peaceJobs = [certificateExpiryJob, tourEndingJob];
