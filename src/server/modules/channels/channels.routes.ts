/**
 * HTTP routes of channel ingress: the gateway endpoint (authenticated by a channel token, no session) and the
 * administrators' token management.
 */
import { z } from 'zod';
import { channelTokenCreated, channelTokenInput, channelTokenList, channelTokenView, ingestResult } from '../../../shared/channels.schemas.ts';
import type { App, AppDeps } from '../../http/app.ts';
import { requireRole } from '../../http/auth.ts';
import { ingestMessage, ingressChannel } from './channels.ingest.ts';
import { configureChannels } from './channels.outbound.ts';
import * as tokens from './channels.tokens.ts';

const idParams = z.object({ id: z.uuid() });
const channelParams = z.object({ channel: z.string().max(20) });

/** Registers the channel routes and installs channel egress with this node's settings. */
export async function registerChannelRoutes(app: App, deps: AppDeps) {
  configureChannels({ dropDir: deps.config.CHANNEL_DROP_DIR ?? null, scanMs: deps.config.CHANNEL_SCAN_MS, settleMs: deps.config.CHANNEL_SETTLE_MS });

  // A gateway delivers one message in the channel's wire form (or in a polsam.transport/1 envelope).
  app.post('/api/channels/:channel/messages', {
    schema: { tags: ['channels'], params: channelParams, body: z.unknown(), response: { 200: ingestResult, 201: ingestResult } },
  }, async (request, reply) => {
    const channel = ingressChannel(request.params.channel);
    const token = await tokens.authenticateGateway(request.ctx, request.headers.authorization, channel);
    const result = await ingestMessage(request.ctx, channel, request.body, { source: 'api', tokenId: token.id });
    return reply.status(result.outcome === 'duplicate' ? 200 : 201).send(result);
  });

  app.get('/api/channels/tokens', { schema: { tags: ['channels'], response: { 200: channelTokenList } } },
    async (request) => ({ items: await tokens.listTokens(requireRole(request, 'administrator')) }));

  app.post('/api/channels/tokens', { schema: { tags: ['channels'], body: channelTokenInput, response: { 201: channelTokenCreated } } },
    async (request, reply) => reply.status(201).send(await tokens.createToken(requireRole(request, 'administrator'), request.body)));

  app.post('/api/channels/tokens/:id/revoke', { schema: { tags: ['channels'], params: idParams, response: { 200: channelTokenView } } },
    async (request) => tokens.revokeToken(requireRole(request, 'administrator'), request.params.id));
}
