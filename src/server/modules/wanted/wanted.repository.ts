/** All SQL of the wanted module. Only FAST officers reach these reads (the policy is checked by the service). */
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { EventParams } from '../../../shared/wanted.schemas.ts';
import type { Db } from '../../platform/db/client.ts';
import { rowsOf } from '../../platform/db/client.ts';
import { appUser } from '../identity/index.ts';
import {
  wantedEvent, wantedLead, wantedLocation, wantedPerson, wantedPhoto, wantedPublicationDecision, wantedRequestLink,
  wantedTask, wantedWarrant,
} from './wanted.schema.ts';

export type PersonRow = typeof wantedPerson.$inferSelect;
export type NewPersonRow = typeof wantedPerson.$inferInsert;
export type WarrantRow = typeof wantedWarrant.$inferSelect;
export type NewWarrantRow = typeof wantedWarrant.$inferInsert;

const SOUGHT = sql`${wantedPerson.status} IN ('wanted','located')`;

export async function insertPerson(db: Db, v: Omit<NewPersonRow, 'reference'>): Promise<PersonRow> {
  return (await db.insert(wantedPerson).values(v as NewPersonRow).returning())[0];
}

export async function findPerson(db: Db, id: string, forUpdate = false): Promise<PersonRow | null> {
  const q = db.select().from(wantedPerson).where(eq(wantedPerson.id, id)).limit(1);
  return (forUpdate ? await q.for('update') : await q)[0] ?? null;
}

/** Updates a person if its version is still the one the caller read (optimistic concurrency). */
export async function updatePersonVersioned(db: Db, id: string, version: number, v: Partial<NewPersonRow>): Promise<PersonRow | null> {
  const rows = await db.update(wantedPerson).set({ ...v, version: version + 1 })
    .where(and(eq(wantedPerson.id, id), eq(wantedPerson.version, version))).returning();
  return rows[0] ?? null;
}

export async function insertWarrants(db: Db, rows: NewWarrantRow[]): Promise<WarrantRow[]> {
  return rows.length ? db.insert(wantedWarrant).values(rows).returning() : [];
}

export async function warrantsOf(db: Db, personIds: string[]): Promise<WarrantRow[]> {
  if (!personIds.length) return [];
  return db.select().from(wantedWarrant).where(inArray(wantedWarrant.personId, personIds)).orderBy(asc(wantedWarrant.createdAt), asc(wantedWarrant.id));
}

export async function findWarrant(db: Db, id: string): Promise<WarrantRow | null> {
  return (await db.select().from(wantedWarrant).where(eq(wantedWarrant.id, id)).limit(1))[0] ?? null;
}

export async function updateWarrant(db: Db, personId: string, warrantId: string, v: Partial<NewWarrantRow>): Promise<WarrantRow | null> {
  return (await db.update(wantedWarrant).set(v).where(and(eq(wantedWarrant.id, warrantId), eq(wantedWarrant.personId, personId))).returning())[0] ?? null;
}

export async function setWarrantsStatus(db: Db, personId: string, status: string): Promise<WarrantRow[]> {
  return db.update(wantedWarrant).set({ status }).where(and(eq(wantedWarrant.personId, personId), eq(wantedWarrant.status, 'active'))).returning();
}

/** The register: search by any written form of the name (all scripts, aliases), newest first. */
export async function listPersons(db: Db, q: { q?: string | null; status?: string; limit: number; offset: number }) {
  const where: SQL[] = [];
  if (q.status) where.push(eq(wantedPerson.status, q.status));
  if (q.q) {
    const like = `%${q.q.replace(/[%_\\]/g, '\\$&')}%`;
    where.push(sql`(${wantedPerson.fullName} ILIKE ${like} OR ${wantedPerson.reference} ILIKE ${like}
      OR EXISTS (SELECT 1 FROM unnest(${wantedPerson.aliases} || ${wantedPerson.otherScriptNames}) n WHERE n ILIKE ${like}))`);
  }
  const cond = where.length ? and(...where) : sql`true`;
  const items = await db.select().from(wantedPerson).where(cond).orderBy(desc(wantedPerson.createdAt), desc(wantedPerson.reference)).limit(q.limit).offset(q.offset);
  const total = rowsOf<{ n: number }>(await db.execute(sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM ${wantedPerson} WHERE ${cond} LIMIT 10001) c`))[0].n;
  return { items, total };
}

export async function insertPhoto(db: Db, v: typeof wantedPhoto.$inferInsert) {
  return (await db.insert(wantedPhoto).values(v).returning({ id: wantedPhoto.id }))[0];
}

export async function photosOf(db: Db, personId: string) {
  return db.select({ id: wantedPhoto.id, contentType: wantedPhoto.contentType, size: wantedPhoto.size, isPublic: wantedPhoto.isPublic })
    .from(wantedPhoto).where(eq(wantedPhoto.personId, personId)).orderBy(asc(wantedPhoto.createdAt));
}

export async function findPhoto(db: Db, personId: string, photoId: string) {
  return (await db.select().from(wantedPhoto).where(and(eq(wantedPhoto.id, photoId), eq(wantedPhoto.personId, personId))).limit(1))[0] ?? null;
}

export async function insertLead(db: Db, v: typeof wantedLead.$inferInsert) {
  return (await db.insert(wantedLead).values(v).returning({ id: wantedLead.id }))[0];
}

export async function leadsOf(db: Db, personId: string) {
  return db.select().from(wantedLead).where(eq(wantedLead.personId, personId)).orderBy(desc(wantedLead.receivedAt));
}

export async function insertTask(db: Db, v: typeof wantedTask.$inferInsert) {
  return (await db.insert(wantedTask).values(v).returning({ id: wantedTask.id }))[0];
}

export async function completeTask(db: Db, personId: string, taskId: string, at: Date): Promise<boolean> {
  const rows = await db.update(wantedTask).set({ doneAt: at })
    .where(and(eq(wantedTask.id, taskId), eq(wantedTask.personId, personId), sql`${wantedTask.doneAt} IS NULL`)).returning({ id: wantedTask.id });
  return rows.length > 0;
}

export async function tasksOf(db: Db, personId: string) {
  return db.select().from(wantedTask).where(eq(wantedTask.personId, personId)).orderBy(asc(wantedTask.createdAt));
}

export async function insertLocation(db: Db, v: typeof wantedLocation.$inferInsert) {
  return (await db.insert(wantedLocation).values(v).returning({ id: wantedLocation.id }))[0];
}

export async function locationsOf(db: Db, personId: string) {
  return db.select().from(wantedLocation).where(eq(wantedLocation.personId, personId)).orderBy(desc(wantedLocation.createdAt));
}

export async function linkRequest(db: Db, v: typeof wantedRequestLink.$inferInsert) {
  await db.insert(wantedRequestLink).values(v).onConflictDoNothing();
}

export async function requestsOf(db: Db, personId: string) {
  return db.select().from(wantedRequestLink).where(eq(wantedRequestLink.personId, personId)).orderBy(asc(wantedRequestLink.createdAt));
}

/** A timeline event; its facts are kept as coded values (JSON in `note`) for the web app to word in either language. */
export async function insertEvent(db: Db, v: Omit<typeof wantedEvent.$inferInsert, 'note'> & { params?: EventParams }) {
  const { params, ...row } = v;
  await db.insert(wantedEvent).values({ ...row, note: params ? JSON.stringify(params) : null });
}


export async function eventsOf(db: Db, personId: string) {
  return db.select({ e: wantedEvent, actorName: appUser.displayName }).from(wantedEvent)
    .leftJoin(appUser, eq(appUser.id, wantedEvent.actorId))
    .where(eq(wantedEvent.personId, personId)).orderBy(asc(wantedEvent.at), asc(wantedEvent.seq));
}

export async function insertPublicationDecision(db: Db, v: typeof wantedPublicationDecision.$inferInsert) {
  await db.insert(wantedPublicationDecision).values(v);
}

export async function lastPublicationDecision(db: Db, personId: string) {
  return (await db.select({ d: wantedPublicationDecision, by: appUser.displayName }).from(wantedPublicationDecision)
    .leftJoin(appUser, eq(appUser.id, wantedPublicationDecision.decidedBy))
    .where(eq(wantedPublicationDecision.personId, personId)).orderBy(desc(wantedPublicationDecision.decidedAt)).limit(1))[0] ?? null;
}

/** The public appeal: published persons still sought, with their first public photo. Only public fields. */
export async function listPublished(db: Db, id?: string) {
  const rows = await db.select({
    id: wantedPerson.id, fullName: wantedPerson.fullName, offenceSummary: wantedPerson.offenceSummary, description: wantedPerson.description,
    // Spelled out: drizzle renders a column inside a select's sql as a bare "id", which the subquery would read as ph.id.
    photoId: sql<string | null>`(SELECT ph.id FROM wanted_photo ph WHERE ph.person_id = wanted_person.id AND ph.is_public ORDER BY ph.created_at LIMIT 1)`,
  }).from(wantedPerson)
    .where(and(eq(wantedPerson.published, true), SOUGHT, id ? eq(wantedPerson.id, id) : sql`true`))
    .orderBy(asc(wantedPerson.fullName)).limit(200);
  return rows;
}

export async function findPublicPhoto(db: Db, personId: string, photoId: string) {
  return (await db.select({ contentType: wantedPhoto.contentType, data: wantedPhoto.data }).from(wantedPhoto)
    .innerJoin(wantedPerson, eq(wantedPerson.id, wantedPhoto.personId))
    .where(and(eq(wantedPhoto.id, photoId), eq(wantedPhoto.personId, personId), eq(wantedPhoto.isPublic, true), eq(wantedPerson.published, true), SOUGHT))
    .limit(1))[0] ?? null;
}

/** Arrested persons (the running clocks on the desk) with the kind of the warrant they were arrested on. */
export async function arrestedPersons(db: Db) {
  return db.select({ p: wantedPerson, warrantKind: wantedWarrant.kind }).from(wantedPerson)
    .innerJoin(wantedWarrant, eq(wantedWarrant.id, wantedPerson.arrestWarrantId))
    .where(eq(wantedPerson.status, 'arrested')).orderBy(asc(wantedPerson.arrestedAt)).limit(500);
}

/** These persons, when arrested, with the kind of the warrant they were arrested on (for their clocks). */
export async function arrestedAmong(db: Db, ids: string[]) {
  if (!ids.length) return [];
  return db.select({ p: wantedPerson, warrantKind: wantedWarrant.kind }).from(wantedPerson)
    .innerJoin(wantedWarrant, eq(wantedWarrant.id, wantedPerson.arrestWarrantId))
    .where(and(eq(wantedPerson.status, 'arrested'), inArray(wantedPerson.id, ids)));
}

/** Active warrants whose validity or review date falls before `until`. */
export async function lapsingWarrants(db: Db, until: string) {
  return db.select({ w: wantedWarrant, reference: wantedPerson.reference }).from(wantedWarrant)
    .innerJoin(wantedPerson, eq(wantedPerson.id, wantedWarrant.personId))
    .where(and(eq(wantedWarrant.status, 'active'), SOUGHT, sql`(${wantedWarrant.validUntil} <= ${until} OR ${wantedWarrant.reviewAt} <= ${until})`))
    .orderBy(asc(wantedWarrant.validUntil)).limit(200);
}

/** Active FAST officers, and among them the supervisors. */
export async function fastStaff(db: Db): Promise<{ officers: string[]; supervisors: string[] }> {
  const rows = await db.select({ id: appUser.id, roles: appUser.roles }).from(appUser)
    .where(and(eq(appUser.active, true), sql`'fast_officer' = ANY(${appUser.roles})`));
  return { officers: rows.map((r) => r.id), supervisors: rows.filter((r) => r.roles.includes('supervisor')).map((r) => r.id) };
}

export async function isFastOfficer(db: Db, userId: string): Promise<boolean> {
  const rows = await db.select({ id: appUser.id }).from(appUser)
    .where(and(eq(appUser.id, userId), eq(appUser.active, true), sql`'fast_officer' = ANY(${appUser.roles})`)).limit(1);
  return rows.length > 0;
}

export interface IndexEntryRow {
  id: string; reference: string; full_name: string; other_script_names: string[]; aliases: string[]; date_of_birth: string | null;
  nationalities: string[]; gender: string; status: string;
}

/** A page of every stored person's names, by id (keyset), for the matching index. */
export async function namesPage(db: Db, afterId: string | null, limit: number): Promise<IndexEntryRow[]> {
  return rowsOf<IndexEntryRow>(await db.execute(sql`
    SELECT id, reference, full_name, other_script_names, aliases, date_of_birth, nationalities, gender, status FROM ${wantedPerson}
    WHERE ${afterId ? sql`id > ${afterId}::uuid` : sql`true`} ORDER BY id LIMIT ${limit}`));
}

/** One imported Red Notice, as the batch insert takes it. */
export interface ImportRow {
  entity_id: string; full_name: string; aliases: string[]; date_of_birth: string | null; place_of_birth: string | null;
  gender: string; nationalities: string[]; description: string | null; offence: string; issuing_country: string;
}

/**
 * Inserts a batch of imported notices with their Red Notice warrants in one statement; notices already in the
 * register (same Interpol entity id) are left alone. Returns the ids of the persons actually inserted.
 */
export async function insertImportedBatch(db: Db, rows: ImportRow[], at: Date, actorId: string | null): Promise<{ id: string; entity_id: string; reference: string }[]> {
  if (!rows.length) return [];
  const atIso = at.toISOString();
  return rowsOf<{ id: string; entity_id: string; reference: string }>(await db.execute(sql`
    WITH x AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(
        entity_id text, full_name text, aliases text[], date_of_birth text, place_of_birth text, gender text,
        nationalities text[], description text, offence text, issuing_country text)
    ), ins AS (
      INSERT INTO wanted_person (source, interpol_entity_id, full_name, aliases, date_of_birth, place_of_birth, gender, nationalities,
        description, requesting_authority, authority_reference, legal_basis, offence, status, created_by, created_at, updated_at)
      SELECT 'interpol', entity_id, full_name, coalesce(aliases, '{}'), date_of_birth, place_of_birth, gender, coalesce(nationalities, '{}'),
        description, 'foreign', entity_id, 'foreign_warrant', offence, 'wanted', ${actorId}::uuid, ${atIso}::timestamptz, ${atIso}::timestamptz
      FROM x
      ON CONFLICT (interpol_entity_id) DO NOTHING
      RETURNING id, interpol_entity_id, reference
    ), w AS (
      INSERT INTO wanted_warrant (person_id, kind, issuing_country, issuing_authority, issued_at, channel_reference, article3_status, status, created_at)
      -- A public notice carries no issue date; 1 January of its entity-id year is never later than the real one.
      SELECT ins.id, 'red_notice', x.issuing_country, 'Interpol', substr(x.entity_id, 1, 4) || '-01-01', x.entity_id, 'approved', 'active', ${atIso}::timestamptz
      FROM ins JOIN x ON x.entity_id = ins.interpol_entity_id
    )
    SELECT id, interpol_entity_id AS entity_id, reference FROM ins`));
}

