/**
 * Use cases of development cooperation: register a project, list and show projects (no personal data), and the
 * contact persons (personal data: only with a justification, logged as a consultation). Named changes of a
 * project are in development.actions.ts; the IATI export in development.iati.ts.
 */
import type { ContactList, CreateProjectInput, ProjectDetail, ProjectStatus, ProjectSummary } from '../../../shared/development.schemas.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import { inTransaction, type Actor, type Ctx } from '../../platform/context.ts';
import { developmentErrors as E } from './development.errors.ts';
import { allowedActions, mayCreate, maySeeProjects } from './development.policy.ts';
import * as repo from './development.repository.ts';

export type ActorCtx = Ctx & { actor: Actor };

/** For anybody without a role in development cooperation the module does not exist. */
export function requireModule(ctx: ActorCtx): void {
  if (!maySeeProjects(ctx.actor)) throw E.notFound();
}

/** Dates of a project, an activity or a period: the end may not come before the start. */
export function checkOrder(start: string, end: string, endPath: string): void {
  if (end < start) throw E.invalid('date_out_of_order', endPath);
}

/** Registers a project in the officer's unit; it waits in "proposed" until a supervisor approves its start. */
export async function createProject(ctx: ActorCtx, input: CreateProjectInput): Promise<ProjectDetail> {
  requireModule(ctx);
  if (!mayCreate(ctx.actor)) throw E.notFound();
  checkOrder(input.startDate, input.endDate, 'endDate');
  const id = await inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const p = await repo.insertProject(tx.db, {
      ...input, partnerRef: input.partnerRef ?? null, unitId: ctx.actor.unitId, status: 'proposed', currency: 'SEK',
      createdBy: ctx.actor.id, createdAt: now, updatedAt: now,
    });
    await audit(tx, {
      category: 'collection', action: 'development.project.register', entityType: 'development_project', entityId: p.id,
      details: { reference: p.reference, country: p.partnerCountry, sector: p.sector },
    });
    return p.id;
  });
  return buildDetail(ctx, id);
}

function summaryOf(r: { p: repo.ProjectRow; budgetTotal: number; disbursedTotal: number }): ProjectSummary {
  const { p } = r;
  return {
    id: p.id, reference: p.reference, title: p.title, partnerCountry: p.partnerCountry, partnerName: p.partnerName,
    sector: p.sector as ProjectSummary['sector'], status: p.status as ProjectStatus, startDate: p.startDate, endDate: p.endDate,
    budgetTotal: Number(r.budgetTotal), disbursedTotal: Number(r.disbursedTotal),
  };
}

/** The projects of the actor's unit (an auditor: of every unit). Projects hold no personal data: no justification. */
export async function listProjects(ctx: ActorCtx, status?: ProjectStatus): Promise<{ items: ProjectSummary[] }> {
  requireModule(ctx);
  return { items: (await repo.listProjects(ctx.db, ctx.actor, status)).map(summaryOf) };
}

/** A project as the actor sees it: framework, money, activities, risks, lessons — and the actions allowed. */
export async function buildDetail(ctx: ActorCtx, id: string): Promise<ProjectDetail> {
  requireModule(ctx);
  const r = await repo.findProject(ctx.db, ctx.actor, id);
  if (!r) throw E.notFound();
  const { p } = r;
  const [budgets, disbursements, results, indicators, activities, risks, lessons, contactCount] = [
    await repo.budgetsOf(ctx.db, p.id), await repo.disbursementsOf(ctx.db, p.id), await repo.resultsOf(ctx.db, p.id),
    await repo.indicatorsOf(ctx.db, p.id), await repo.activitiesOf(ctx.db, p.id), await repo.risksOf(ctx.db, p.id),
    await repo.lessonsOf(ctx.db, p.id), await repo.countContacts(ctx.db, p.id),
  ];
  const periods = await repo.periodsOf(ctx.db, indicators.map((i) => i.id));
  return {
    ...summaryOf(r), version: p.version, description: p.description, partnerRef: p.partnerRef, partnerType: p.partnerType as ProjectDetail['partnerType'],
    genderMarker: p.genderMarker as ProjectDetail['genderMarker'], humanRightsMarker: p.humanRightsMarker as ProjectDetail['humanRightsMarker'],
    currency: p.currency, approvedBy: r.approver ?? null, approvedAt: p.approvedAt?.toISOString() ?? null, approvalDecision: p.approvalDecision,
    budgets: budgets.map((b) => ({ id: b.id, periodStart: b.periodStart, periodEnd: b.periodEnd, amount: Number(b.amount), status: b.status as 'indicative' })),
    disbursements: disbursements.map((d) => ({ id: d.id, date: d.date, amount: Number(d.amount), description: d.description })),
    results: results.map((res) => ({
      id: res.id, type: res.type as 'output', title: res.title, description: res.description,
      indicators: indicators.filter((i) => i.resultId === res.id).map((i) => ({
        id: i.id, title: i.title, measure: i.measure as 'unit', ascending: i.ascending, baselineYear: i.baselineYear, baselineValue: i.baselineValue,
        periods: periods.filter((x) => x.indicatorId === i.id).map((x) => ({ id: x.id, periodStart: x.periodStart, periodEnd: x.periodEnd, target: x.target, actual: x.actual })),
      })),
    })),
    activities: activities.map((a) => ({ id: a.id, title: a.title, startDate: a.startDate, endDate: a.endDate, status: a.status as 'planned' })),
    risks: risks.map((k) => ({ id: k.id, description: k.description, likelihood: k.likelihood as 'low', impact: k.impact as 'low', mitigation: k.mitigation })),
    lessons: lessons.map((l) => ({ id: l.id, lesson: l.lesson, recordedAt: l.recordedAt.toISOString() })),
    contactCount,
    allowedActions: allowedActions(ctx.actor, p),
  };
}

/** The partner's contact persons; LED/GDPR accountability: shown only with a justification, logged as a consultation. */
export async function listContacts(ctx: ActorCtx, id: string, justification: string): Promise<ContactList> {
  requireModule(ctx);
  const r = await repo.findProject(ctx.db, ctx.actor, id);
  if (!r) throw E.notFound();
  const rows = await repo.contactsOf(ctx.db, r.p.id);
  await inTransaction(ctx, (tx) => audit(tx, {
    category: 'consultation', action: 'development.contacts.view', entityType: 'development_project', entityId: r.p.id,
    personIds: rows.map((c) => c.id), justification, details: { reference: r.p.reference, shown: rows.length },
  }));
  return { items: rows.map((c) => ({ id: c.id, fullName: c.fullName, organisation: c.organisation, role: c.role, email: c.email, phone: c.phone })) };
}
