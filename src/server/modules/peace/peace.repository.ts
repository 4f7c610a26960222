/** All SQL of the peace-operations module. Only peace-operations officers reach these reads (checked by the services). */
import { and, asc, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { rowsOf } from '../../platform/db/client.ts';
import { appUser } from '../identity/index.ts';
import {
  peaceApplication, peaceCall, peaceCallPost, peaceCandidate, peaceCertificate, peaceDeployment, peaceDeploymentWelfare, peaceExtension,
  peaceMission, peaceNomination,
} from './peace.schema.ts';

export type MissionRow = typeof peaceMission.$inferSelect;
export type CallRow = typeof peaceCall.$inferSelect;
export type CandidateRow = typeof peaceCandidate.$inferSelect;
export type NominationRow = typeof peaceNomination.$inferSelect;
export type DeploymentRow = typeof peaceDeployment.$inferSelect;
export type CertificateRow = typeof peaceCertificate.$inferSelect;

const first = <T>(rows: T[]): T | null => rows[0] ?? null;

// ---- missions ----

export async function insertMission(db: Db, v: typeof peaceMission.$inferInsert): Promise<MissionRow | null> {
  return first(await db.insert(peaceMission).values(v).onConflictDoNothing({ target: peaceMission.code }).returning());
}

export async function findMission(db: Db, id: string): Promise<MissionRow | null> {
  return first(await db.select().from(peaceMission).where(eq(peaceMission.id, id)).limit(1));
}

/** Missions with their open calls and tours under way (today in Stockholm). */
export async function listMissions(db: Db, today: string, id?: string) {
  return db.select({
    m: peaceMission,
    openCalls: sql<number>`(SELECT count(*)::int FROM peace_call c WHERE c.mission_id = peace_mission.id AND c.status = 'open' AND c.deadline >= ${today}::date)`,
    activeDeployments: sql<number>`(SELECT count(*)::int FROM peace_deployment d WHERE d.mission_id = peace_mission.id AND d.status = 'active')`,
  }).from(peaceMission).where(id ? eq(peaceMission.id, id) : sql`true`)
    .orderBy(sql`${peaceMission.endDate} IS NOT NULL AND ${peaceMission.endDate} < ${today}::date`, asc(peaceMission.code)).limit(500);
}

// ---- calls and posts ----

export async function insertCall(db: Db, v: typeof peaceCall.$inferInsert): Promise<CallRow | null> {
  return first(await db.insert(peaceCall).values(v).onConflictDoNothing().returning());
}

export async function insertPosts(db: Db, rows: (typeof peaceCallPost.$inferInsert)[]) {
  return db.insert(peaceCallPost).values(rows).returning();
}

export async function findCall(db: Db, id: string, forUpdate = false): Promise<CallRow | null> {
  const q = db.select().from(peaceCall).where(eq(peaceCall.id, id)).limit(1);
  return first(forUpdate ? await q.for('update') : await q);
}

export async function callsOfMission(db: Db, missionId: string) {
  return db.select({
    c: peaceCall,
    posts: sql<number>`(SELECT count(*)::int FROM peace_call_post p WHERE p.call_id = peace_call.id)`,
    nominations: sql<number>`(SELECT count(*)::int FROM peace_nomination n JOIN peace_call_post p ON p.id = n.post_id WHERE p.call_id = peace_call.id)`,
  }).from(peaceCall).where(eq(peaceCall.missionId, missionId)).orderBy(desc(peaceCall.deadline), asc(peaceCall.reference));
}

export async function postsOf(db: Db, callId: string) {
  return db.select().from(peaceCallPost).where(eq(peaceCallPost.callId, callId)).orderBy(asc(peaceCallPost.title), asc(peaceCallPost.id));
}

/** A post with its call locked, so that closing a call and nominating to it are serialised. */
export async function findPostWithCall(db: Db, postId: string) {
  const post = first(await db.select().from(peaceCallPost).where(eq(peaceCallPost.id, postId)).limit(1));
  if (!post) return null;
  const call = await findCall(db, post.callId, true);
  return call ? { post, call } : null;
}

export async function updateCallVersioned(db: Db, id: string, version: number, v: Partial<typeof peaceCall.$inferInsert>) {
  return first(await db.update(peaceCall).set({ ...v, version: version + 1 }).where(and(eq(peaceCall.id, id), eq(peaceCall.version, version))).returning());
}

// ---- the roster ----

export async function insertCandidate(db: Db, v: typeof peaceCandidate.$inferInsert): Promise<CandidateRow | null> {
  return first(await db.insert(peaceCandidate).values(v).onConflictDoNothing({ target: peaceCandidate.employeeNumber }).returning());
}

export async function findCandidate(db: Db, id: string, forUpdate = false): Promise<CandidateRow | null> {
  const q = db.select().from(peaceCandidate).where(eq(peaceCandidate.id, id)).limit(1);
  return first(forUpdate ? await q.for('update') : await q);
}

const LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'];

/** The roster, by name or employee number, optionally only those with a language at a CEFR level or above. */
export async function listCandidates(db: Db, q: { q?: string; language?: string; minLevel?: string }) {
  const where: SQL[] = [eq(peaceCandidate.status, 'active')];
  if (q.q) {
    const like = `%${q.q.replace(/[%_\\]/g, '\\$&')}%`;
    where.push(sql`(${peaceCandidate.fullName} ILIKE ${like} OR ${peaceCandidate.employeeNumber} ILIKE ${like})`);
  }
  if (q.language) {
    const levels = LEVELS.slice(LEVELS.indexOf(q.minLevel ?? 'A1'));
    where.push(sql`EXISTS (SELECT 1 FROM jsonb_array_elements(${peaceCandidate.languages}) l
      WHERE l->>'language' = ${q.language} AND l->>'level' = ANY(${sql.raw(`ARRAY[${levels.map((l) => `'${l}'`).join(',')}]`)}))`);
  }
  return db.select().from(peaceCandidate).where(and(...where)).orderBy(asc(peaceCandidate.fullName)).limit(500);
}

export async function insertCertificates(db: Db, rows: (typeof peaceCertificate.$inferInsert)[]): Promise<CertificateRow[]> {
  return rows.length ? db.insert(peaceCertificate).values(rows).returning() : [];
}

export async function certificatesOf(db: Db, candidateIds: string[]): Promise<CertificateRow[]> {
  if (!candidateIds.length) return [];
  return db.select().from(peaceCertificate).where(inArray(peaceCertificate.candidateId, candidateIds)).orderBy(asc(peaceCertificate.kind), desc(peaceCertificate.issuedOn));
}

export async function findCertificate(db: Db, id: string): Promise<CertificateRow | null> {
  return first(await db.select().from(peaceCertificate).where(eq(peaceCertificate.id, id)).limit(1));
}

export async function updateCandidateVersioned(db: Db, id: string, version: number, v: Partial<typeof peaceCandidate.$inferInsert>) {
  return first(await db.update(peaceCandidate).set({ ...v, version: version + 1 }).where(and(eq(peaceCandidate.id, id), eq(peaceCandidate.version, version))).returning());
}

// ---- applications and nominations ----

export async function insertApplication(db: Db, v: typeof peaceApplication.$inferInsert) {
  return first(await db.insert(peaceApplication).values(v).onConflictDoNothing().returning());
}

export async function applicationsOfCall(db: Db, callId: string) {
  return db.select({ a: peaceApplication, name: peaceCandidate.fullName }).from(peaceApplication)
    .innerJoin(peaceCallPost, eq(peaceCallPost.id, peaceApplication.postId))
    .innerJoin(peaceCandidate, eq(peaceCandidate.id, peaceApplication.candidateId))
    .where(eq(peaceCallPost.callId, callId)).orderBy(asc(peaceApplication.receivedOn), asc(peaceCandidate.fullName));
}

export async function insertNomination(db: Db, v: typeof peaceNomination.$inferInsert) {
  return first(await db.insert(peaceNomination).values(v).onConflictDoNothing().returning());
}

export async function findNomination(db: Db, id: string, forUpdate = false) {
  const q = db.select().from(peaceNomination).where(eq(peaceNomination.id, id)).limit(1);
  return first(forUpdate ? await q.for('update') : await q);
}

export async function nominationsOfCall(db: Db, callId: string) {
  return db.select({ n: peaceNomination, name: peaceCandidate.fullName, gender: peaceCandidate.gender, deploymentId: peaceDeployment.id })
    .from(peaceNomination)
    .innerJoin(peaceCallPost, eq(peaceCallPost.id, peaceNomination.postId))
    .innerJoin(peaceCandidate, eq(peaceCandidate.id, peaceNomination.candidateId))
    .leftJoin(peaceDeployment, eq(peaceDeployment.nominationId, peaceNomination.id))
    .where(eq(peaceCallPost.callId, callId)).orderBy(asc(peaceNomination.createdAt), asc(peaceCandidate.fullName));
}

export async function updateNominationVersioned(db: Db, id: string, version: number, v: Partial<typeof peaceNomination.$inferInsert>) {
  return first(await db.update(peaceNomination).set({ ...v, version: version + 1 }).where(and(eq(peaceNomination.id, id), eq(peaceNomination.version, version))).returning());
}

export async function deploymentOfNomination(db: Db, nominationId: string) {
  return first(await db.select({ id: peaceDeployment.id }).from(peaceDeployment).where(eq(peaceDeployment.nominationId, nominationId)).limit(1));
}

// ---- deployments ----

/**
 * Whether the officer has another tour sharing a day with [start, end]. Callers hold the candidate's row lock
 * (findCandidate forUpdate) in the same transaction, so two concurrent deployments of one officer cannot both pass.
 */
export async function hasOverlappingTour(db: Db, candidateId: string, start: string, end: string, exceptId: string | null): Promise<boolean> {
  const rows = await db.select({ id: peaceDeployment.id }).from(peaceDeployment).where(and(
    eq(peaceDeployment.candidateId, candidateId),
    exceptId ? ne(peaceDeployment.id, exceptId) : sql`true`,
    sql`${peaceDeployment.startDate} <= ${end}::date AND ${peaceDeployment.endDate} >= ${start}::date`,
  )).limit(1);
  return rows.length > 0;
}

export async function insertDeployment(db: Db, v: typeof peaceDeployment.$inferInsert): Promise<DeploymentRow> {
  return (await db.insert(peaceDeployment).values(v).returning())[0];
}

export async function findDeployment(db: Db, id: string, forUpdate = false): Promise<DeploymentRow | null> {
  const q = db.select().from(peaceDeployment).where(eq(peaceDeployment.id, id)).limit(1);
  return first(forUpdate ? await q.for('update') : await q);
}

export async function updateDeploymentVersioned(db: Db, id: string, version: number, v: Partial<typeof peaceDeployment.$inferInsert>) {
  return first(await db.update(peaceDeployment).set({ ...v, version: version + 1 }).where(and(eq(peaceDeployment.id, id), eq(peaceDeployment.version, version))).returning());
}

/** Tours with the officer's name and the mission; active first, ending soonest first. */
export async function listDeployments(db: Db, o: { status?: string; candidateId?: string; id?: string }) {
  const where: SQL[] = [];
  if (o.status) where.push(eq(peaceDeployment.status, o.status));
  if (o.candidateId) where.push(eq(peaceDeployment.candidateId, o.candidateId));
  if (o.id) where.push(eq(peaceDeployment.id, o.id));
  return db.select({ d: peaceDeployment, name: peaceCandidate.fullName, missionCode: peaceMission.code, organisation: peaceMission.organisation })
    .from(peaceDeployment)
    .innerJoin(peaceCandidate, eq(peaceCandidate.id, peaceDeployment.candidateId))
    .innerJoin(peaceMission, eq(peaceMission.id, peaceDeployment.missionId))
    .where(where.length ? and(...where) : sql`true`)
    .orderBy(asc(peaceDeployment.status), asc(peaceDeployment.endDate), asc(peaceCandidate.fullName)).limit(1000);
}

export async function insertExtension(db: Db, v: typeof peaceExtension.$inferInsert) {
  await db.insert(peaceExtension).values(v);
}

export async function extensionsOf(db: Db, deploymentId: string) {
  return db.select().from(peaceExtension).where(eq(peaceExtension.deploymentId, deploymentId)).orderBy(asc(peaceExtension.createdAt), asc(peaceExtension.toDate));
}

// ---- special-category data ----

export async function findWelfare(db: Db, deploymentId: string) {
  return first(await db.select().from(peaceDeploymentWelfare).where(eq(peaceDeploymentWelfare.deploymentId, deploymentId)).limit(1));
}

export async function hasWelfare(db: Db, deploymentId: string): Promise<boolean> {
  return (await db.select({ id: peaceDeploymentWelfare.deploymentId }).from(peaceDeploymentWelfare).where(eq(peaceDeploymentWelfare.deploymentId, deploymentId)).limit(1)).length > 0;
}

export async function insertWelfare(db: Db, v: typeof peaceDeploymentWelfare.$inferInsert) {
  return first(await db.insert(peaceDeploymentWelfare).values(v).onConflictDoNothing().returning());
}

export async function updateWelfareVersioned(db: Db, deploymentId: string, version: number, v: Partial<typeof peaceDeploymentWelfare.$inferInsert>) {
  return first(await db.update(peaceDeploymentWelfare).set({ ...v, version: version + 1 })
    .where(and(eq(peaceDeploymentWelfare.deploymentId, deploymentId), eq(peaceDeploymentWelfare.version, version))).returning());
}

// ---- staff ----

/** Active peace-operations officers (the recipients of reminders). */
export async function peaceStaff(db: Db): Promise<string[]> {
  const rows = await db.select({ id: appUser.id }).from(appUser).where(and(eq(appUser.active, true), sql`'peace_ops_officer' = ANY(${appUser.roles})`));
  return rows.map((r) => r.id);
}

// ---- statistics ----

export interface TourCount { organisation: string; mission_code: string; gender: string; n: number }

/** Tours that share at least one day with the calendar year, by mission, organisation and the officer's gender. */
export async function toursInYear(db: Db, year: number): Promise<TourCount[]> {
  return rowsOf<TourCount>(await db.execute(sql`
    SELECT m.organisation, m.code AS mission_code, c.gender, count(*)::int AS n
    FROM peace_deployment d JOIN peace_mission m ON m.id = d.mission_id JOIN peace_candidate c ON c.id = d.candidate_id
    WHERE d.start_date <= make_date(${year}, 12, 31) AND d.end_date >= make_date(${year}, 1, 1)
    GROUP BY m.organisation, m.code, c.gender ORDER BY m.code, c.gender`));
}

export interface NominationCount { gender: string; status: string; n: number }

/** Nominations sent to organisations whose call's deadline falls in the year, by gender and outcome. */
export async function nominationsInYear(db: Db, year: number): Promise<NominationCount[]> {
  return rowsOf<NominationCount>(await db.execute(sql`
    SELECT c.gender, n.status, count(*)::int AS n
    FROM peace_nomination n JOIN peace_candidate c ON c.id = n.candidate_id
    JOIN peace_call_post p ON p.id = n.post_id JOIN peace_call k ON k.id = p.call_id
    WHERE n.status IN ('nominated', 'selected', 'not_selected') AND extract(year FROM k.deadline) = ${year}
    GROUP BY c.gender, n.status`));
}
