/** Sign-in, sign-out, who am I, second factor, password change, and user administration. */
import { z } from 'zod';
import type { App, AppDeps } from '../../http/app.ts';
import { requireActor, requireRole, SESSION_COOKIE } from '../../http/auth.ts';
import { ROLES } from '../../../shared/domain.ts';
import * as svc from './identity.service.ts';
import * as factor from './identity.second-factor.ts';

const userView = z.object({
  id: z.uuid(), username: z.string(), displayName: z.string(), roles: z.array(z.enum(ROLES)),
  unit: z.object({ id: z.uuid(), name: z.string() }), locale: z.enum(['sv', 'en']), totpEnabled: z.boolean(),
  mustChangePassword: z.boolean(), secondFactorRequired: z.boolean(), secondFactorMandatory: z.boolean(), idleMinutes: z.number(),
});
/** `idleRemainingMs`: how long the session lasts without being used again (the web app's idle warning). */
const session = z.object({ user: userView, csrfToken: z.string(), idleRemainingMs: z.number().int().nonnegative() });
const loginBody = z.object({
  username: z.string().trim().min(1).max(64), password: z.string().min(1).max(256),
  totp: z.string().trim().max(12).optional().nullable(),
});

export async function registerIdentityRoutes(app: App, deps: AppDeps) {
  const policy: svc.SessionPolicy = { sessionHours: deps.config.SESSION_HOURS, idleMinutes: deps.config.SESSION_IDLE_MINUTES, mfaRoles: deps.config.mfaRoles };
  const cookieOpts = {
    path: '/', httpOnly: true, sameSite: 'strict' as const, secure: deps.config.cookieSecure,
    maxAge: deps.config.SESSION_HOURS * 3600,
  };

  app.post('/api/auth/login', {
    // Login rate limiting per address, on top of the per-account lockout in the service.
    config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    schema: { tags: ['identity'], body: loginBody, response: { 200: session } },
  }, async (request, reply) => {
    const r = await svc.login(request.ctx, { ...request.body, ip: request.ip }, policy);
    reply.setCookie(SESSION_COOKIE, r.token, cookieOpts);
    return { user: r.user, csrfToken: r.csrfToken, idleRemainingMs: policy.idleMinutes * 60_000 };
  });

  app.post('/api/auth/logout', { schema: { tags: ['identity'], response: { 204: z.null() } } }, async (request, reply) => {
    await svc.logout(request.ctx, request.cookies[SESSION_COOKIE]);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.get('/api/auth/me', { schema: { tags: ['identity'], response: { 200: session } } }, async (request) => {
    const ctx = requireActor(request);
    const idleRemainingMs = Math.max(0, (request.sessionIdleEndsAt?.getTime() ?? 0) - ctx.clock.now().getTime());
    return { user: await svc.me(ctx, policy), csrfToken: request.csrfToken ?? '', idleRemainingMs };
  });

  // Changing or removing the second factor needs the password and a current code, not only a session.
  const code = z.string().trim().min(6).max(12);
  app.post('/api/auth/totp/begin', {
    schema: { tags: ['identity'], body: z.object({ password: z.string().min(1).max(256), code: code.optional().nullable() }), response: { 200: z.object({ secret: z.string(), uri: z.string() }) } },
  }, async (request) => factor.beginTotp(requireActor(request), request.body));

  app.post('/api/auth/totp/confirm', { schema: { tags: ['identity'], body: z.object({ code }), response: { 204: z.null() } } },
    async (request, reply) => {
      await factor.confirmTotp(requireActor(request), request.body.code);
      return reply.status(204).send(null);
    });

  app.post('/api/auth/totp/disable', { schema: { tags: ['identity'], body: z.object({ password: z.string().min(1).max(256), code }), response: { 204: z.null() } } },
    async (request, reply) => {
      await factor.disableTotp(requireActor(request), request.body, deps.config.mfaRoles);
      return reply.status(204).send(null);
    });

  app.post('/api/auth/password', {
    schema: { tags: ['identity'], body: z.object({ currentPassword: z.string().min(1).max(256), newPassword: z.string().min(1).max(256) }), response: { 204: z.null() } },
  }, async (request, reply) => {
    await svc.changePassword(requireActor(request), request.body.currentPassword, request.body.newPassword, request.cookies[SESSION_COOKIE]);
    return reply.status(204).send(null);
  });

  app.get('/api/admin/users', {
    schema: { tags: ['admin'], response: { 200: z.object({ items: z.array(z.object({ id: z.uuid(), username: z.string(), displayName: z.string(), roles: z.array(z.string()), unitId: z.uuid(), active: z.boolean(), totpEnabled: z.boolean() })) }) } },
  }, async (request) => ({ items: await svc.listUnitUsersForAdmin(requireRole(request, 'administrator')) }));

  app.post('/api/admin/users', {
    schema: { tags: ['admin'], body: svc.createUserInput, response: { 201: z.object({ id: z.uuid() }) } },
  }, async (request, reply) => {
    const user = await svc.createUser(requireRole(request, 'administrator'), request.body);
    return reply.status(201).send({ id: user.id });
  });
}
