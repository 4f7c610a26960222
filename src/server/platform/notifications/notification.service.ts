/** Telling users things: stored per user, rendered in the reader's language when read. */
import type { Ctx } from '../context.ts';
import { t } from '../i18n.ts';
import { notFound } from '../errors.ts';
import { insertNotifications, listForUser, markRead } from './notification.repository.ts';

export interface NotifyInput {
  userIds: string[];
  kind: 'reminder' | 'escalation' | 'hit' | 'assigned' | 'message';
  entityType?: string;
  entityId?: string;
  messageKey: string;
  params?: Record<string, string | number>;
}

/** Stores one notification per distinct user, in ctx's transaction. */
export async function notify(ctx: Ctx, n: NotifyInput): Promise<void> {
  const at = ctx.clock.now();
  await insertNotifications(ctx.db, [...new Set(n.userIds)].map((userId) => ({
    userId, kind: n.kind, entityType: n.entityType ?? null, entityId: n.entityId ?? null,
    messageKey: n.messageKey, params: n.params ?? {}, createdAt: at,
  })));
}

/** The actor's latest notifications, rendered in the actor's language. */
export async function listMyNotifications(ctx: Ctx, limit = 50) {
  if (!ctx.actor) return [];
  const rows = await listForUser(ctx.db, ctx.actor.id, limit);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    entityType: r.entityType,
    entityId: r.entityId,
    reference: typeof (r.params as Record<string, unknown>).reference === 'string' ? String((r.params as Record<string, unknown>).reference) : null,
    message: t(ctx.locale, r.messageKey, r.params as Record<string, unknown>),
    createdAt: r.createdAt.toISOString(),
    readAt: r.readAt?.toISOString() ?? null,
  }));
}

/** Marks one of the actor's notifications read; another user's is "not found". */
export async function markNotificationRead(ctx: Ctx, id: string): Promise<void> {
  if (!ctx.actor || (await markRead(ctx.db, ctx.actor.id, id, ctx.clock.now())) === 0) throw notFound();
}
