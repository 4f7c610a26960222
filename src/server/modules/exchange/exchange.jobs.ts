/** Deadline follow-up (Art 16(1)(e)): reminders to assignees, escalation to supervisors when a deadline passes. */
import { defineJob } from '../../platform/jobs/job.service.ts';
import { notify } from '../../platform/notifications/notification.service.ts';
import { OPEN_STATUSES, type RequestStatus } from '../../../shared/domain.ts';
import { DEADLINE_JOB, deadlineJobPayload } from './exchange.deadlines.ts';
import * as repo from './exchange.repository.ts';

export const deadlinePointJob = defineJob({
  kind: DEADLINE_JOB,
  payload: deadlineJobPayload,
  async run(ctx, p) {
    const r = await repo.findRequestById(ctx.db, p.requestId);
    // The deadline moved or the request was dealt with since this point was planned: nothing to say.
    if (!r || !OPEN_STATUSES.includes(r.status as RequestStatus) || r.dueAt?.toISOString() !== p.dueAt) return;
    const assignees = (await repo.assigneesOf(ctx.db, [r.id])).map((a) => a.id);
    const supervisors = p.kind === 'escalation' ? await repo.supervisorsOf(ctx.db, r.unitId) : [];
    // Nobody assigned yet: the unit's supervisors hear of it, so a reminder never goes to no one.
    const recipients = [...assignees, ...supervisors];
    if (!recipients.length) recipients.push(...(await repo.supervisorsOf(ctx.db, r.unitId)));
    await repo.insertDeadlineEvent(ctx.db, { requestId: r.id, kind: p.kind, at: ctx.clock.now(), note: p.key });
    await notify(ctx, {
      userIds: recipients, kind: p.kind, entityType: 'request', entityId: r.id,
      messageKey: p.kind === 'escalation' ? 'exchange.notifications.escalation' : 'exchange.notifications.reminder',
      params: { reference: r.reference, dueAt: p.dueAt },
    });
  },
});

export const exchangeJobs = [deadlinePointJob];
