/** Follow-up of the FAST clocks: reminders to the responsible officer, escalation to FAST supervisors at the due time. */
import { defineJob } from '../../platform/jobs/job.service.ts';
import { notify } from '../../platform/notifications/notification.service.ts';
import type { WarrantKind } from '../../../shared/wanted.schemas.ts';
import { arrestClocks, CLOCK_JOB, clockJobPayload, LAPSE_JOB, lapseJobPayload } from './wanted.clocks.ts';
import * as repo from './wanted.repository.ts';

async function recipients(db: Parameters<typeof repo.fastStaff>[0], officerId: string | null, escalate: boolean): Promise<string[]> {
  const staff = await repo.fastStaff(db);
  const out = officerId ? [officerId] : [...staff.officers];
  // Escalation reaches the supervisors too; and a reminder never goes to no one.
  if (escalate || !out.length) out.push(...staff.supervisors);
  return out;
}

export const clockPointJob = defineJob({
  kind: CLOCK_JOB,
  payload: clockJobPayload,
  async run(ctx, j) {
    const p = await repo.findPerson(ctx.db, j.personId);
    if (!p || p.status !== 'arrested' || !p.arrestWarrantId) return;
    const w = await repo.findWarrant(ctx.db, p.arrestWarrantId);
    const clock = arrestClocks(p, (w?.kind as WarrantKind) ?? null, ctx.clock.now()).find((c) => c.clock === j.clock);
    // The clock moved (consent, extension, decision) or was met since this point was planned: nothing to say.
    if (!clock || clock.done || clock.deadline.dueAt?.toISOString() !== j.dueAt) return;
    await repo.insertEvent(ctx.db, { personId: p.id, kind: j.kind, at: ctx.clock.now(), params: { clock: j.clock, dueAt: j.dueAt } });
    await notify(ctx, {
      userIds: await recipients(ctx.db, p.officerId, j.kind === 'escalation'), kind: j.kind, entityType: 'wanted_person', entityId: p.id,
      messageKey: j.kind === 'escalation' ? 'wanted.notifications.clockEscalation' : 'wanted.notifications.clockReminder',
      params: { reference: p.reference, clock: j.clock, dueAt: j.dueAt },
    });
  },
});

export const lapsePointJob = defineJob({
  kind: LAPSE_JOB,
  payload: lapseJobPayload,
  async run(ctx, j) {
    const w = await repo.findWarrant(ctx.db, j.warrantId);
    if (!w || w.status !== 'active' || w[j.field] !== j.date) return;
    const p = await repo.findPerson(ctx.db, w.personId);
    if (!p || !['wanted', 'located'].includes(p.status)) return;
    await repo.insertEvent(ctx.db, { personId: p.id, kind: j.kind === 'escalation' ? 'lapse_due' : 'lapse_reminder', at: ctx.clock.now(), params: { warrant: w.kind, field: j.field, date: j.date } });
    await notify(ctx, {
      userIds: await recipients(ctx.db, p.officerId, j.kind === 'escalation'), kind: j.kind, entityType: 'wanted_person', entityId: p.id,
      messageKey: j.field === 'validUntil' ? 'wanted.notifications.validityLapse' : 'wanted.notifications.reviewDue',
      params: { reference: p.reference, date: j.date, days: j.daysBefore },
    });
  },
});

export const wantedJobs = [clockPointJob, lapsePointJob];
