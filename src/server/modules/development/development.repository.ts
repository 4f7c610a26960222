/** All SQL of the development module; the need-to-know scope (the actor's unit) is applied in every read. */
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import type { Actor } from '../../platform/context.ts';
import { appUser, unit } from '../identity/index.ts';
import { seesAllUnits } from './development.policy.ts';
import {
  developmentActivity, developmentBudget, developmentContact, developmentDisbursement, developmentIndicator, developmentIndicatorPeriod,
  developmentLesson, developmentProject, developmentResult, developmentRisk,
} from './development.schema.ts';

export type ProjectRow = typeof developmentProject.$inferSelect;
export type NewProjectRow = typeof developmentProject.$inferInsert;

/** The projects an actor may see: their own unit's, or every unit's for an auditor. */
function scope(actor: Actor): SQL {
  return seesAllUnits(actor) ? sql`true` : eq(developmentProject.unitId, actor.unitId);
}

const totals = {
  budgetTotal: sql<number>`(SELECT coalesce(sum(b.amount), 0)::float8 FROM development_budget b WHERE b.project_id = development_project.id)`,
  disbursedTotal: sql<number>`(SELECT coalesce(sum(d.amount), 0)::float8 FROM development_disbursement d WHERE d.project_id = development_project.id)`,
};

export async function listProjects(db: Db, actor: Actor, status?: string) {
  return db.select({ p: developmentProject, ...totals }).from(developmentProject)
    .where(and(scope(actor), status ? eq(developmentProject.status, status) : sql`true`))
    .orderBy(asc(developmentProject.reference)).limit(500);
}

/** One project if the actor may see it; `forUpdate` locks the row for an action. */
export async function findProject(db: Db, actor: Actor, id: string, forUpdate = false) {
  const q = db.select({ p: developmentProject, ...totals, approver: appUser.displayName, unitName: unit.name }).from(developmentProject)
    .innerJoin(unit, eq(unit.id, developmentProject.unitId))
    .leftJoin(appUser, eq(appUser.id, developmentProject.approvedBy))
    .where(and(eq(developmentProject.id, id), scope(actor))).limit(1);
  return (forUpdate ? await q.for('update', { of: developmentProject }) : await q)[0] ?? null;
}

export async function insertProject(db: Db, v: Omit<NewProjectRow, 'reference'>): Promise<ProjectRow> {
  return (await db.insert(developmentProject).values(v as NewProjectRow).returning())[0];
}

/** Updates a project if its version is still the one the caller read (optimistic concurrency). */
export async function updateProjectVersioned(db: Db, id: string, version: number, v: Partial<NewProjectRow>): Promise<ProjectRow | null> {
  return (await db.update(developmentProject).set({ ...v, version: version + 1 })
    .where(and(eq(developmentProject.id, id), eq(developmentProject.version, version))).returning())[0] ?? null;
}

export const budgetsOf = (db: Db, projectId: string) =>
  db.select().from(developmentBudget).where(eq(developmentBudget.projectId, projectId)).orderBy(asc(developmentBudget.periodStart));
export const disbursementsOf = (db: Db, projectId: string) =>
  db.select().from(developmentDisbursement).where(eq(developmentDisbursement.projectId, projectId)).orderBy(asc(developmentDisbursement.date), asc(developmentDisbursement.createdAt));
export const resultsOf = (db: Db, projectId: string) =>
  db.select().from(developmentResult).where(eq(developmentResult.projectId, projectId)).orderBy(asc(developmentResult.entryOrder));
export const indicatorsOf = (db: Db, projectId: string) =>
  db.select().from(developmentIndicator).where(eq(developmentIndicator.projectId, projectId)).orderBy(asc(developmentIndicator.entryOrder));
export const activitiesOf = (db: Db, projectId: string) =>
  db.select().from(developmentActivity).where(eq(developmentActivity.projectId, projectId)).orderBy(asc(developmentActivity.startDate));
export const risksOf = (db: Db, projectId: string) =>
  db.select().from(developmentRisk).where(eq(developmentRisk.projectId, projectId)).orderBy(asc(developmentRisk.entryOrder));
export const lessonsOf = (db: Db, projectId: string) =>
  db.select().from(developmentLesson).where(eq(developmentLesson.projectId, projectId)).orderBy(asc(developmentLesson.recordedAt));
export const contactsOf = (db: Db, projectId: string) =>
  db.select().from(developmentContact).where(eq(developmentContact.projectId, projectId)).orderBy(asc(developmentContact.fullName));

export async function periodsOf(db: Db, indicatorIds: string[]) {
  if (!indicatorIds.length) return [];
  return db.select().from(developmentIndicatorPeriod).where(inArray(developmentIndicatorPeriod.indicatorId, indicatorIds))
    .orderBy(asc(developmentIndicatorPeriod.periodStart));
}

export async function countContacts(db: Db, projectId: string): Promise<number> {
  return (await db.select({ n: sql<number>`count(*)::int` }).from(developmentContact).where(eq(developmentContact.projectId, projectId)))[0].n;
}

export async function insertBudget(db: Db, v: typeof developmentBudget.$inferInsert) {
  return (await db.insert(developmentBudget).values(v).returning())[0];
}
export async function insertDisbursement(db: Db, v: typeof developmentDisbursement.$inferInsert) {
  return (await db.insert(developmentDisbursement).values(v).returning())[0];
}
export async function insertResult(db: Db, v: typeof developmentResult.$inferInsert) {
  return (await db.insert(developmentResult).values(v).returning())[0];
}
export async function insertIndicator(db: Db, v: typeof developmentIndicator.$inferInsert) {
  return (await db.insert(developmentIndicator).values(v).returning())[0];
}
export async function insertActivity(db: Db, v: typeof developmentActivity.$inferInsert) {
  return (await db.insert(developmentActivity).values(v).returning())[0];
}
export async function insertRisk(db: Db, v: typeof developmentRisk.$inferInsert) {
  return (await db.insert(developmentRisk).values(v).returning())[0];
}
export async function insertLesson(db: Db, v: typeof developmentLesson.$inferInsert) {
  return (await db.insert(developmentLesson).values(v).returning())[0];
}
export async function insertContact(db: Db, v: typeof developmentContact.$inferInsert) {
  return (await db.insert(developmentContact).values(v).returning())[0];
}

/** Records a period's target and actual: the same period again updates it (the actual comes after the target). */
export async function upsertPeriod(db: Db, v: typeof developmentIndicatorPeriod.$inferInsert) {
  const existing = (await db.select().from(developmentIndicatorPeriod).where(and(
    eq(developmentIndicatorPeriod.indicatorId, v.indicatorId), eq(developmentIndicatorPeriod.periodStart, v.periodStart),
    eq(developmentIndicatorPeriod.periodEnd, v.periodEnd))).limit(1))[0];
  if (!existing) return { row: (await db.insert(developmentIndicatorPeriod).values(v).returning())[0], created: true };
  const patch = { target: v.target ?? existing.target, actual: v.actual ?? existing.actual };
  return { row: (await db.update(developmentIndicatorPeriod).set(patch).where(eq(developmentIndicatorPeriod.id, existing.id)).returning())[0], created: false };
}
