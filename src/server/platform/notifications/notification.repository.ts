/** SQL of notifications. */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { notification } from './notification.schema.ts';

export type NotificationRow = typeof notification.$inferSelect;

export async function insertNotifications(db: Db, rows: (typeof notification.$inferInsert)[]): Promise<void> {
  if (rows.length) await db.insert(notification).values(rows);
}

export async function listForUser(db: Db, userId: string, limit: number): Promise<NotificationRow[]> {
  return db.select().from(notification).where(eq(notification.userId, userId)).orderBy(desc(notification.createdAt)).limit(limit);
}

export async function markRead(db: Db, userId: string, id: string, at: Date): Promise<number> {
  // Idempotent: reading twice keeps the first read time.
  const rows = await db.update(notification).set({ readAt: sql`coalesce(${notification.readAt}, ${at.toISOString()})` })
    .where(and(eq(notification.id, id), eq(notification.userId, userId)))
    .returning({ id: notification.id });
  return rows.length;
}
