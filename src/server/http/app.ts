/** The HTTP application factory: plugins, the auth and CSRF hooks, the error mapper, every module's routes. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Clock } from '../platform/clock.ts';
import type { Config } from '../platform/config.ts';
import type { Ctx } from '../platform/context.ts';
import type { Db } from '../platform/db/client.ts';
import { DomainError } from '../platform/errors.ts';
import { pickLocale } from '../platform/i18n.ts';
import { handleError } from './error-mapper.ts';
import { guardInput } from './input-guard.ts';
import { SESSION_COOKIE } from './auth.ts';
import { resolveSession } from '../modules/identity/index.ts';
import { registerIdentityRoutes } from '../modules/identity/index.ts';
import { registerReferenceRoutes } from '../modules/reference/index.ts';
import { registerExchangeRoutes } from '../modules/exchange/index.ts';
import { registerFederationRoutes } from '../modules/federation/index.ts';
import { registerChannelRoutes } from '../modules/channels/index.ts';
import { registerAccountabilityRoutes } from '../modules/accountability/index.ts';
import { registerWantedRoutes } from '../modules/wanted/index.ts';
import { registerDevelopmentRoutes } from '../modules/development/index.ts';
import { installMatching, registerMatchingRoutes } from '../modules/matching/index.ts';
import { registerNotificationRoutes } from '../platform/notifications/notification.routes.ts';
import { registerStrategicRoutes } from '../modules/strategic/index.ts';
import { registerDeskRoutes } from '../modules/desk/index.ts';
import { registerPeaceRoutes } from '../modules/peace/index.ts';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: Ctx;
    csrfToken: string | null;
    /** When the caller's session ends if it is not used again (idle timeout); null without a session. */
    sessionIdleEndsAt: Date | null;
  }
}

export interface AppDeps {
  db: Db;
  config: Config;
  clock: Clock;
  logger?: boolean | object;
}

export type App = FastifyInstance<any, any, any, any, ZodTypeProvider>;

// POLSAM_WEB_DIR: a built web app elsewhere (packagers; parallel test builds). Read once, like the build itself.
const webRoot = process.env.POLSAM_WEB_DIR ? path.resolve(process.env.POLSAM_WEB_DIR) : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist/web');
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Builds the Fastify app; `listen` is the caller's business (tests use inject). */
export async function buildApp(deps: AppDeps): Promise<App> {
  // Art 16(1)(d): every stored person is indexed and cross-checked (the desk and the register only know the seams).
  installMatching();
  const app = Fastify({
    logger: deps.logger ?? false,
    bodyLimit: 1024 * 1024,
    // Never log cookies or the CSRF header.
    genReqId: () => crypto.randomUUID(),
    // Behind the recommended TLS proxy, the client's address comes from X-Forwarded-For as far as TRUST_PROXY
    // says; rate limits, lockout and audit entries use request.ip (issue 11, item 10).
    // (Fastify takes a boolean, a hop count or addresses; its overloads type-check one kind at a time.)
    trustProxy: deps.config.trustProxy as boolean,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"], frameAncestors: ["'none'"], formAction: ["'self'"],
      },
    },
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: deps.config.UPLOAD_MAX_BYTES, files: 1, fields: 5 } });
  await app.register(swagger, {
    openapi: { info: { title: 'Polsam API', version: '0.1.0', description: 'Case management and exchange for a police SPOC' } },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  const sessionPolicy = { idleMinutes: deps.config.SESSION_IDLE_MINUTES, mfaRoles: deps.config.mfaRoles };
  app.decorateRequest('ctx', null as unknown as Ctx);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('sessionIdleEndsAt', null);
  app.addHook('onRequest', async (request: FastifyRequest) => {
    // A download link cannot set Accept-Language: the web app passes its language as ?lang=sv|en on such reads.
    const asked = request.method === 'GET' ? (request.query as Record<string, unknown> | undefined)?.lang : undefined;
    const locale = asked === 'sv' || asked === 'en' ? asked : pickLocale(request.headers['accept-language']);
    request.ctx = { actor: null, locale, db: deps.db, clock: deps.clock, requestId: request.id, nodeCountry: deps.config.NODE_COUNTRY };
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    // The web app marks calls made without the user's doing (X-Polsam-Background: 1); they do not keep a session alive.
    const background = request.headers['x-polsam-background'] === '1' || request.url.startsWith('/api/notifications/stream');
    const s = token ? await resolveSession(request.ctx, token, sessionPolicy, background) : null;
    if (s) {
      request.ctx.actor = s.actor;
      request.csrfToken = s.csrfToken;
      request.sessionIdleEndsAt = s.idleEndsAt;
    }
    // CSRF: a state-changing call made with a session cookie must echo the session's token in a header
    // (a cross-site form cannot set it). Login has no session yet; JSON-only bodies protect it.
    if (s && !SAFE.has(request.method) && request.headers['x-csrf-token'] !== s.csrfToken) {
      throw new DomainError('forbidden', 'http.csrf_invalid');
    }
  });
  app.addHook('preValidation', guardInput);
  // API answers carry personal data: no browser or proxy may keep a copy (issue 11, item 10).
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/') && !request.url.startsWith('/api/docs')) reply.header('cache-control', 'no-store');
  });

  await registerIdentityRoutes(app, deps);
  await registerReferenceRoutes(app);
  await registerExchangeRoutes(app, deps);
  await registerNotificationRoutes(app, deps);
  await registerDeskRoutes(app);
  await registerFederationRoutes(app, deps);
  // After federation: a request to a country with a Polsam peer leaves by the peer link, not by the channel.
  await registerChannelRoutes(app, deps);
  await registerAccountabilityRoutes(app);
  await registerWantedRoutes(app, deps);
  await registerDevelopmentRoutes(app, deps);
  await registerStrategicRoutes(app, deps);
  await registerPeaceRoutes(app);
  await registerMatchingRoutes(app);
  app.get('/api/health', { schema: { hide: true } }, async () => ({ ok: true }));

  if (fs.existsSync(webRoot)) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET' || !fs.existsSync(path.join(webRoot, 'index.html'))) {
      return handleError(new DomainError('not_found', 'http.route_not_found'), request, reply);
    }
    // The React app handles its own routes.
    return reply.type('text/html').send(fs.readFileSync(path.join(webRoot, 'index.html')));
  });
  return app;
}
