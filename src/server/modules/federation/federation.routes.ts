/**
 * HTTP routes of Polsam-to-Polsam exchange. The inbox has no session: a message is authenticated only by
 * its signature. Everything else is for administrators (peers, outbox, inbox, quarantine) or officers
 * (own-initiative information).
 */
import { z } from 'zod';
import {
  clarificationAnswerInput, informationInput, informationResult, inboxView, nodeInfo, outboxQuery, outboxView, pageQuery, peerInput, peerUpdate, peerView,
  quarantineDetail, quarantineView, statsView,
} from '../../../shared/federation.schemas.ts';
import type { App, AppDeps } from '../../http/app.ts';
import { requireRole } from '../../http/auth.ts';
import { domainErrorBody, STATUS } from '../../http/error-mapper.ts';
import { receiveBatch, receiveMessage } from './federation.inbox.ts';
import * as svc from './federation.service.ts';
import { configureQuarantine } from './federation.quarantine.ts';

const idParams = z.object({ id: z.uuid() });
const ackBody = z.object({ v: z.literal(1), id: z.string(), from: z.string(), to: z.string(), status: z.string(), receivedAt: z.string(), signature: z.string() });
const batchAnswer = z.object({
  v: z.literal(1),
  results: z.array(z.object({
    index: z.number().int(), id: z.string().nullable(), ack: ackBody.optional(), status: z.number().int().optional(), error: z.string().optional(), message: z.string().optional(),
  })),
});

/** Registers the federation routes and installs federation into the desk with this node's settings. */
export async function registerFederationRoutes(app: App, deps: AppDeps) {
  const settings = svc.federationSettings(deps.config);
  svc.configureFederation(settings);
  configureQuarantine({ perSourcePerHour: deps.config.FEDERATION_QUARANTINE_PER_HOUR, maxRows: deps.config.FEDERATION_QUARANTINE_MAX_ROWS, days: deps.config.FEDERATION_QUARANTINE_DAYS });

  // The inbox takes the raw body (kept in quarantine when refused), up to twice the message limit; larger
  // bodies are refused by the framework and still leave a quarantine row.
  await app.register(async (inbox) => {
    inbox.removeAllContentTypeParsers();
    inbox.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: settings.maxBytes * 2 }, (_req, body, done) => done(null, body));
    inbox.addHook('onError', async (request, _reply, error) => {
      if ((error as { code?: string }).code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
        await svc.quarantineInput(request.ctx, { reason: 'oversized', detail: `content-length ${request.headers['content-length'] ?? '?'}`, raw: Buffer.alloc(0), remote: request.ip });
      }
    });
    inbox.post('/api/federation/inbox', {
      bodyLimit: settings.maxBytes * 2,
      // Per sending address (the real one behind a trusted proxy): a flood is refused before it is read or stored.
      config: { rateLimit: { max: deps.config.FEDERATION_INBOX_PER_MINUTE, timeWindow: '1 minute' } },
      schema: { tags: ['federation'], response: { 200: ackBody } },
    }, async (request) => {
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.from(typeof request.body === 'string' ? request.body : '');
      return receiveMessage(request.ctx, raw, request.ip);
    });
    // Several envelopes per POST: each is acknowledged or refused on its own, in order (docs/federation.md).
    inbox.post('/api/federation/inbox/batch', {
      bodyLimit: settings.maxBytes * 2,
      schema: { tags: ['federation'], response: { 200: batchAnswer } },
    }, async (request) => {
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.from(typeof request.body === 'string' ? request.body : '');
      const results = await receiveBatch(request.ctx, raw, request.ip);
      return {
        v: 1 as const,
        results: results.map((r, index) => ('ack' in r
          ? { index, id: r.id, ack: r.ack }
          : { index, id: r.id, status: STATUS[r.error.kind], ...domainErrorBody(request.ctx.locale, r.error) })),
      };
    });
  });

  const admin = (request: Parameters<typeof requireRole>[0]) => requireRole(request, 'administrator');

  app.get('/api/federation/node', { schema: { tags: ['federation'], response: { 200: nodeInfo } } },
    async (request) => svc.getNodeInfo(admin(request)));
  app.get('/api/federation/peers', { schema: { tags: ['federation'], response: { 200: z.object({ items: z.array(peerView) }) } } },
    async (request) => ({ items: await svc.listPeers(admin(request)) }));
  app.post('/api/federation/peers', { schema: { tags: ['federation'], body: peerInput, response: { 201: peerView } } },
    async (request, reply) => reply.status(201).send(await svc.addPeer(admin(request), request.body)));
  app.put('/api/federation/peers/:id', { schema: { tags: ['federation'], params: idParams, body: peerUpdate, response: { 200: peerView } } },
    async (request) => svc.updatePeer(admin(request), request.params.id, request.body));
  app.get('/api/federation/outbox', { schema: { tags: ['federation'], querystring: outboxQuery, response: { 200: z.object({ items: z.array(outboxView) }) } } },
    async (request) => ({ items: await svc.listOutbox(admin(request), request.query) }));
  app.post('/api/federation/outbox/:id/retry', { schema: { tags: ['federation'], params: idParams, response: { 200: z.object({ ok: z.boolean() }) } } },
    async (request) => { await svc.retryOutbox(admin(request), request.params.id); return { ok: true }; });
  app.get('/api/federation/inbox', { schema: { tags: ['federation'], querystring: pageQuery, response: { 200: z.object({ items: z.array(inboxView) }) } } },
    async (request) => ({ items: await svc.listInbox(admin(request), request.query) }));
  app.get('/api/federation/quarantine', { schema: { tags: ['federation'], querystring: pageQuery, response: { 200: z.object({ items: z.array(quarantineView) }) } } },
    async (request) => ({ items: await svc.listQuarantine(admin(request), request.query) }));
  app.get('/api/federation/quarantine/:id', { schema: { tags: ['federation'], params: idParams, response: { 200: quarantineDetail } } },
    async (request) => svc.getQuarantined(admin(request), request.params.id));
  app.get('/api/federation/stats', { schema: { tags: ['federation'], response: { 200: statsView } } },
    async (request) => svc.getStats(admin(request)));

  app.post('/api/federation/requests/:id/clarification-answer', {
    schema: { tags: ['federation'], params: idParams, body: clarificationAnswerInput, response: { 200: z.object({ id: z.uuid() }) } },
  }, async (request) => svc.sendClarificationAnswer(requireRole(request, 'duty_officer', 'case_officer', 'supervisor'), request.params.id, request.body.answer));
  app.post('/api/federation/information', { schema: { tags: ['federation'], body: informationInput, response: { 200: informationResult } } },
    async (request) => svc.sendInformation(requireRole(request, 'duty_officer', 'case_officer', 'supervisor'), request.body));
}
