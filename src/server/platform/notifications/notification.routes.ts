/** The signed-in user's notifications. */
import { z } from 'zod';
import type { App, AppDeps } from '../../http/app.ts';
import { requireActor } from '../../http/auth.ts';
import { listMyNotifications, markNotificationRead } from './notification.service.ts';
import { NotificationHub } from './notification.stream.ts';

const item = z.object({
  id: z.uuid(), kind: z.string(), entityType: z.string().nullable(), entityId: z.string().nullable(),
  requestId: z.string().nullable(), reference: z.string().nullable(), message: z.string(), createdAt: z.string(),
  readAt: z.string().nullable(),
});

export async function registerNotificationRoutes(app: App, deps: AppDeps) {
  const hub = new NotificationHub(deps.db, deps.config.NOTIFICATION_POLL_MS);
  app.addHook('onClose', async () => hub.close());

  // Server-sent events: the unread count and newest time, pushed when they change (the header's bell, the panel).
  app.get('/api/notifications/stream', { schema: { tags: ['notifications'], hide: true } }, async (request, reply) => {
    const ctx = requireActor(request);
    const endsInMs = request.sessionIdleEndsAt ? request.sessionIdleEndsAt.getTime() - ctx.clock.now().getTime() : undefined;
    reply.hijack();
    await hub.open(ctx.actor.id, reply.raw, endsInMs);
  });

  app.get('/api/notifications', { schema: { tags: ['notifications'], response: { 200: z.object({ items: z.array(item) }) } } },
    async (request) => {
      const rows = await listMyNotifications(requireActor(request));
      return { items: rows.map((r) => ({ ...r, requestId: r.entityType === 'request' ? r.entityId : null })) };
    });
  app.post('/api/notifications/:id/read', { schema: { tags: ['notifications'], params: z.object({ id: z.uuid() }), response: { 204: z.null() } } },
    async (request, reply) => {
      await markNotificationRead(requireActor(request), request.params.id);
      return reply.status(204).send(null);
    });
}
