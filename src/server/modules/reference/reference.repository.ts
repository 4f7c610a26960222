/** SQL of reference data. */
import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { nationalAuthority } from './reference.schema.ts';

export type AuthorityRow = typeof nationalAuthority.$inferSelect;

export async function listAuthorities(db: Db): Promise<AuthorityRow[]> {
  return db.select().from(nationalAuthority).orderBy(nationalAuthority.code);
}

export async function findAuthority(db: Db, id: string): Promise<AuthorityRow | null> {
  const rows = await db.select().from(nationalAuthority).where(eq(nationalAuthority.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function upsertAuthority(db: Db, v: { code: string; nameSv: string; nameEn: string; active?: boolean }): Promise<AuthorityRow> {
  const rows = await db.insert(nationalAuthority).values({ ...v, active: v.active ?? true })
    .onConflictDoUpdate({ target: nationalAuthority.code, set: { nameSv: v.nameSv, nameEn: v.nameEn, active: v.active ?? true } })
    .returning();
  return rows[0];
}
