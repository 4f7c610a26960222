/** HTTP routes of matching: judging cross-check hits, re-running a request's cross-check, searching persons. */
import { z } from 'zod';
import { hitView } from '../../../shared/exchange.schemas.ts';
import { decideHitInput, hitDecision, personSearchQuery, personSearchResponse } from '../../../shared/matching.schemas.ts';
import type { App } from '../../http/app.ts';
import { requireActor } from '../../http/auth.ts';
import * as svc from './matching.service.ts';

const idParams = z.object({ id: z.uuid() });

export async function registerMatchingRoutes(app: App) {
  for (const verdict of ['confirm', 'reject'] as const) {
    app.post(`/api/hits/:id/${verdict}`, { schema: { tags: ['matching'], params: idParams, body: decideHitInput, response: { 200: hitDecision } } },
      async (request) => ({ hit: await svc.decideHit(requireActor(request), (request.params as { id: string }).id, verdict, request.body) }));
  }

  app.post('/api/requests/:id/cross-check', { schema: { tags: ['matching'], params: idParams, response: { 200: z.object({ items: z.array(hitView) }) } } },
    async (request) => ({ items: await svc.recheckRequest(requireActor(request), request.params.id) }));

  // LED Art 25: a search is a consultation; the justification is required and logged.
  app.get('/api/persons/search', { schema: { tags: ['matching'], querystring: personSearchQuery, response: { 200: personSearchResponse } } },
    async (request) => ({ items: await svc.searchPersons(requireActor(request), request.query) }));
}
