/** All SQL of the identity module: units, users, sessions. */
import { and, eq, gt, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { appUser, loginThrottle, session, unit } from './identity.schema.ts';

export type UserRow = typeof appUser.$inferSelect;
export type UnitRow = typeof unit.$inferSelect;

export async function findUserByUsername(db: Db, username: string): Promise<UserRow | null> {
  const rows = await db.select().from(appUser).where(sql`lower(${appUser.username}) = lower(${username})`).limit(1);
  return rows[0] ?? null;
}

export async function findUserById(db: Db, id: string): Promise<UserRow | null> {
  const rows = await db.select().from(appUser).where(eq(appUser.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function insertUser(db: Db, v: typeof appUser.$inferInsert): Promise<UserRow> {
  const rows = await db.insert(appUser).values(v).returning();
  return rows[0];
}

export async function updateUser(db: Db, id: string, v: Partial<typeof appUser.$inferInsert>): Promise<void> {
  await db.update(appUser).set(v).where(eq(appUser.id, id));
}

export async function countUsers(db: Db): Promise<number> {
  const rows = await db.select({ n: sql<number>`count(*)::int` }).from(appUser);
  return rows[0].n;
}

export async function listUsers(db: Db, unitId?: string) {
  const q = db.select({
    id: appUser.id, username: appUser.username, displayName: appUser.displayName, roles: appUser.roles,
    unitId: appUser.unitId, active: appUser.active, totpEnabled: appUser.totpEnabled,
  }).from(appUser);
  return unitId ? q.where(and(eq(appUser.unitId, unitId), eq(appUser.active, true))).orderBy(appUser.displayName) : q.orderBy(appUser.displayName);
}

export async function findUnitByCode(db: Db, code: string): Promise<UnitRow | null> {
  const rows = await db.select().from(unit).where(eq(unit.code, code)).limit(1);
  return rows[0] ?? null;
}

export async function findUnitById(db: Db, id: string): Promise<UnitRow | null> {
  const rows = await db.select().from(unit).where(eq(unit.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function insertUnit(db: Db, v: { code: string; name: string }): Promise<UnitRow> {
  const rows = await db.insert(unit).values(v).onConflictDoNothing().returning();
  return rows[0] ?? (await findUnitByCode(db, v.code))!;
}

export async function listUnits(db: Db): Promise<UnitRow[]> {
  return db.select().from(unit).orderBy(unit.name);
}

export async function insertSession(db: Db, v: typeof session.$inferInsert): Promise<void> {
  await db.insert(session).values(v);
}

export async function findLiveSession(db: Db, tokenHash: string, now: Date) {
  const rows = await db.select({ session, user: appUser }).from(session)
    .innerJoin(appUser, eq(appUser.id, session.userId))
    .where(and(eq(session.tokenHash, tokenHash), gt(session.expiresAt, now), eq(appUser.active, true)))
    .limit(1);
  return rows[0] ?? null;
}

export async function touchSession(db: Db, tokenHash: string, now: Date): Promise<void> {
  await db.update(session).set({ lastSeenAt: now }).where(eq(session.tokenHash, tokenHash));
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.delete(session).where(eq(session.tokenHash, tokenHash));
}

export async function deleteSessionsOfUser(db: Db, userId: string, exceptTokenHash?: string): Promise<void> {
  await db.delete(session).where(exceptTokenHash ? and(eq(session.userId, userId), ne(session.tokenHash, exceptTokenHash)) : eq(session.userId, userId));
}

export type ThrottleRow = typeof loginThrottle.$inferSelect;

export async function findThrottle(db: Db, username: string, ip: string): Promise<ThrottleRow | null> {
  const rows = await db.select().from(loginThrottle).where(and(eq(loginThrottle.username, username), eq(loginThrottle.ip, ip))).limit(1);
  return rows[0] ?? null;
}

/** Counts one more failure for (username, address) and returns the new row. */
export async function addThrottleFailure(db: Db, username: string, ip: string, now: Date): Promise<ThrottleRow> {
  const rows = await db.insert(loginThrottle).values({ username, ip, failures: 1, lastFailureAt: now })
    .onConflictDoUpdate({ target: [loginThrottle.username, loginThrottle.ip], set: { failures: sql`${loginThrottle.failures} + 1`, lastFailureAt: now } })
    .returning();
  return rows[0];
}

export async function lockThrottle(db: Db, username: string, ip: string, until: Date): Promise<void> {
  await db.update(loginThrottle).set({ lockedUntil: until }).where(and(eq(loginThrottle.username, username), eq(loginThrottle.ip, ip)));
}

export async function clearThrottle(db: Db, username: string, ip: string): Promise<void> {
  await db.delete(loginThrottle).where(and(eq(loginThrottle.username, username), eq(loginThrottle.ip, ip)));
}

/** Forgets failures older than `before` (a quiet day wipes the slate). */
export async function purgeThrottle(db: Db, before: Date): Promise<void> {
  await db.delete(loginThrottle).where(lt(loginThrottle.lastFailureAt, before));
}
