/**
 * Named changes of a development project (STYLE rule 2): one use case per action, allowed by the policy for the
 * project's status, guarded by the version the user saw, written with its audit entry in one transaction.
 * Every rule is checked before anything is written, so a refused action leaves nothing behind.
 */
import type { z } from 'zod';
import type { ProjectActionName, ProjectDetail } from '../../../shared/development.schemas.ts';
import { projectActionBodies } from '../../../shared/development.schemas.ts';
import { audit, type AuditEntry } from '../../platform/audit/audit.service.ts';
import { inTransaction } from '../../platform/context.ts';
import { developmentErrors as E } from './development.errors.ts';
import { allowedActions } from './development.policy.ts';
import * as repo from './development.repository.ts';
import { buildDetail, checkOrder, requireModule, type ActorCtx } from './development.service.ts';

type Body<A extends ProjectActionName> = z.infer<(typeof projectActionBodies)[A]>;

interface Effect {
  patch?: Partial<repo.NewProjectRow>;
  audit: Omit<AuditEntry, 'entityType' | 'entityId'>;
}

const DAY = 86_400_000;
const today = (t: ActorCtx) => t.clock.now().toISOString().slice(0, 10);
const days = (a: string, b: string) => (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY;

/** A period inside the project's dates; each side outside gets its own field error. */
function withinProject(p: repo.ProjectRow, start: string, end: string, startPath: string, endPath: string): void {
  const outside = [start < p.startDate ? startPath : null, end > p.endDate ? endPath : null].filter((x): x is string => !!x);
  if (outside.length) throw E.invalid('outside_project', outside, { start: p.startDate, end: p.endDate });
}

/** Performs one named action on a project and returns the project as the actor now sees it. */
export async function performProjectAction<A extends ProjectActionName>(ctx: ActorCtx, id: string, action: A, body: Body<A>): Promise<ProjectDetail> {
  requireModule(ctx);
  await inTransaction(ctx, async (tx) => {
    const t = tx as ActorCtx;
    const r = await repo.findProject(t.db, t.actor, id, true);
    if (!r) throw E.notFound();
    const p = r.p;
    if (!allowedActions(t.actor, p).includes(action)) throw E.notPermitted(action, p.status);
    if (body.version !== p.version) throw E.staleVersion();
    const effect = await ACTIONS[action](t, r, body as never);
    const updated = await repo.updateProjectVersioned(t.db, p.id, p.version, { ...effect.patch, updatedAt: t.clock.now() });
    if (!updated) throw E.staleVersion();
    await audit(t, {
      ...effect.audit, entityType: 'development_project', entityId: p.id,
      details: { reference: p.reference, from: p.status, to: updated.status, ...effect.audit.details },
    });
  });
  return buildDetail(ctx, id);
}

type Found = NonNullable<Awaited<ReturnType<typeof repo.findProject>>>;

const ACTIONS: { [A in ProjectActionName]: (t: ActorCtx, r: Found, body: Body<A>) => Promise<Effect> } = {
  async update(_t, { p }, b) {
    const { version: _v, ...fields } = b;
    const changed = Object.keys(fields).filter((k) => fields[k as keyof typeof fields] !== undefined);
    checkOrder(fields.startDate ?? p.startDate, fields.endDate ?? p.endDate, 'endDate');
    const patch: Partial<repo.NewProjectRow> = {};
    for (const k of changed) (patch as Record<string, unknown>)[k] = fields[k as keyof typeof fields] ?? null;
    return { patch, audit: { category: 'alteration', action: 'development.project.update', details: { fields: changed } } };
  },
  async approve_start(t, _r, b) {
    // The supervisor's decision to start the project is recorded with the approval; disbursements need it.
    return {
      patch: { status: 'active', approvedBy: t.actor.id, approvedAt: t.clock.now(), approvalDecision: b.decision },
      audit: { category: 'alteration', action: 'development.project.approve_start', details: { decision: b.decision } },
    };
  },
  async close(t, _r, b) {
    return { patch: { status: 'closed', closedAt: t.clock.now() }, audit: { category: 'alteration', action: 'development.project.close', details: { note: b.note ?? null } } };
  },
  async cancel(t, _r, b) {
    return { patch: { status: 'cancelled', closedAt: t.clock.now() }, audit: { category: 'alteration', action: 'development.project.cancel', details: { reason: b.reason } } };
  },
  async add_budget(t, { p }, b) {
    checkOrder(b.periodStart, b.periodEnd, 'periodEnd');
    withinProject(p, b.periodStart, b.periodEnd, 'periodStart', 'periodEnd');
    // IATI Standard, budget: each period is at most one year long.
    if (days(b.periodStart, b.periodEnd) > 365) throw E.invalid('budget_period_too_long', 'periodEnd');
    const clash = (await repo.budgetsOf(t.db, p.id)).find((x) => x.periodStart <= b.periodEnd && b.periodStart <= x.periodEnd);
    if (clash) throw E.invalid('budget_overlap', ['periodStart', 'periodEnd'], { start: clash.periodStart, end: clash.periodEnd });
    const row = await repo.insertBudget(t.db, { projectId: p.id, periodStart: b.periodStart, periodEnd: b.periodEnd, amount: b.amount, status: b.status, createdBy: t.actor.id, createdAt: t.clock.now() });
    return { audit: { category: 'alteration', action: 'development.budget.add', details: { budgetId: row.id, periodStart: b.periodStart, periodEnd: b.periodEnd, amount: b.amount, status: b.status } } };
  },
  async add_disbursement(t, r, b) {
    if (b.date > today(t)) throw E.invalid('date_in_future', 'date');
    if (b.date < r.p.startDate) throw E.invalid('outside_project', 'date', { start: r.p.startDate, end: r.p.endDate });
    // Money is paid out against the approved budget, never beyond it.
    const left = Number(r.budgetTotal) - Number(r.disbursedTotal);
    if (b.amount > left) throw E.invalid('exceeds_budget', 'amount', { left });
    const row = await repo.insertDisbursement(t.db, { projectId: r.p.id, date: b.date, amount: b.amount, description: b.description ?? null, createdBy: t.actor.id, createdAt: t.clock.now() });
    return { audit: { category: 'alteration', action: 'development.disbursement.add', details: { disbursementId: row.id, date: b.date, amount: b.amount } } };
  },
  async add_result(t, { p }, b) {
    const row = await repo.insertResult(t.db, { projectId: p.id, type: b.type, title: b.title, description: b.description ?? null, createdAt: t.clock.now() });
    return { audit: { category: 'alteration', action: 'development.result.add', details: { resultId: row.id, type: b.type } } };
  },
  async add_indicator(t, { p }, b) {
    if (!(await repo.resultsOf(t.db, p.id)).some((x) => x.id === b.resultId)) throw E.invalid('result_not_found', 'resultId');
    if (b.measure === 'percentage' && b.baselineValue > 100) throw E.invalid('percentage_range', 'baselineValue');
    const row = await repo.insertIndicator(t.db, {
      projectId: p.id, resultId: b.resultId, title: b.title, measure: b.measure, ascending: b.ascending, baselineYear: b.baselineYear,
      baselineValue: b.baselineValue, createdAt: t.clock.now(),
    });
    return { audit: { category: 'alteration', action: 'development.indicator.add', details: { indicatorId: row.id, resultId: b.resultId } } };
  },
  async record_period(t, { p }, b) {
    const indicator = (await repo.indicatorsOf(t.db, p.id)).find((x) => x.id === b.indicatorId);
    if (!indicator) throw E.invalid('indicator_not_found', 'indicatorId');
    const missing = [!b.periodStart ? 'periodStart' : null, !b.periodEnd ? 'periodEnd' : null].filter((x): x is string => !!x);
    // A measured value means nothing without the period it was measured over.
    if (missing.length) throw E.invalid(b.actual != null ? 'actual_without_period' : 'period_required', missing);
    const start = b.periodStart!;
    const end = b.periodEnd!;
    checkOrder(start, end, 'periodEnd');
    withinProject(p, start, end, 'periodStart', 'periodEnd');
    if (b.target == null && b.actual == null) throw E.invalid('period_empty', ['target', 'actual']);
    if (b.actual != null && start > today(t)) throw E.invalid('actual_before_period', 'actual');
    if (indicator.measure === 'percentage') {
      const over = [b.target != null && b.target > 100 ? 'target' : null, b.actual != null && b.actual > 100 ? 'actual' : null].filter((x): x is string => !!x);
      if (over.length) throw E.invalid('percentage_range', over);
    }
    const { row, created } = await repo.upsertPeriod(t.db, { indicatorId: indicator.id, periodStart: start, periodEnd: end, target: b.target ?? null, actual: b.actual ?? null, createdAt: t.clock.now() });
    return { audit: { category: 'alteration', action: 'development.indicator.record_period', details: { indicatorId: indicator.id, periodId: row.id, created, target: row.target, actual: row.actual } } };
  },
  async add_activity(t, { p }, b) {
    checkOrder(b.startDate, b.endDate, 'endDate');
    withinProject(p, b.startDate, b.endDate, 'startDate', 'endDate');
    const row = await repo.insertActivity(t.db, { projectId: p.id, title: b.title, startDate: b.startDate, endDate: b.endDate, status: b.status, createdAt: t.clock.now() });
    return { audit: { category: 'alteration', action: 'development.activity.add', details: { activityId: row.id } } };
  },
  async add_risk(t, { p }, b) {
    const row = await repo.insertRisk(t.db, { projectId: p.id, description: b.description, likelihood: b.likelihood, impact: b.impact, mitigation: b.mitigation, createdAt: t.clock.now() });
    return { audit: { category: 'alteration', action: 'development.risk.add', details: { riskId: row.id, likelihood: b.likelihood, impact: b.impact } } };
  },
  async add_lesson(t, { p }, b) {
    const row = await repo.insertLesson(t.db, { projectId: p.id, lesson: b.lesson, createdBy: t.actor.id, recordedAt: t.clock.now() });
    return { audit: { category: 'alteration', action: 'development.lesson.add', details: { lessonId: row.id } } };
  },
  async add_contact(t, { p }, b) {
    const row = await repo.insertContact(t.db, {
      projectId: p.id, fullName: b.fullName, organisation: b.organisation, role: b.role ?? null, email: b.email ?? null, phone: b.phone ?? null,
      createdBy: t.actor.id, createdAt: t.clock.now(),
    });
    // The log names the person by id only.
    return { audit: { category: 'collection', action: 'development.contact.add', personIds: [row.id], details: { contactId: row.id } } };
  },
};
