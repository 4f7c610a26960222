/** SQL of notifications. */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { rowsOf } from '../db/client.ts';
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

export interface NotificationState { unread: number; latestAt: string | null }

/** Unread count and newest notification time of each of these users, in one query (the live stream's tick). */
export async function notificationStates(db: Db, userIds: string[]): Promise<Map<string, NotificationState>> {
  if (!userIds.length) return new Map();
  const rows = rowsOf<{ user_id: string; unread: number; latest: Date | string | null }>(await db.execute(sql`
    SELECT user_id, count(*) FILTER (WHERE read_at IS NULL)::int AS unread, max(created_at) AS latest
    FROM notification WHERE user_id IN (${sql.join(userIds.map((u) => sql`${u}::uuid`), sql`, `)}) GROUP BY user_id`));
  return new Map(rows.map((r) => [r.user_id, { unread: r.unread, latestAt: r.latest ? new Date(r.latest).toISOString() : null }]));
}
