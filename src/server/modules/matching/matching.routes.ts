/**
 * HTTP routes of matching: judging cross-check hits and undoing merges, re-running a request's cross-check,
 * searching persons, and the thresholds (administrators).
 */
import { z } from 'zod';
import { hitSummary } from '../../../shared/exchange.schemas.ts';
import { decideHitInput, hitDecision, matchingSettings, personSearchQuery, personSearchResponse, unmergeHitInput } from '../../../shared/matching.schemas.ts';
import type { App } from '../../http/app.ts';
import { requireActor, requireRole } from '../../http/auth.ts';
import { SETTINGS_EDITORS } from '../accountability/index.ts';
import * as svc from './matching.service.ts';
import { getMatchingSettings, putMatchingSettings } from './settings.service.ts';

const idParams = z.object({ id: z.uuid() });

export async function registerMatchingRoutes(app: App) {
  for (const verdict of ['confirm', 'reject'] as const) {
    app.post(`/api/hits/:id/${verdict}`, { schema: { tags: ['matching'], params: idParams, body: decideHitInput, response: { 200: hitDecision } } },
      async (request) => ({ hit: await svc.decideHit(requireActor(request), (request.params as { id: string }).id, verdict, request.body) }));
  }

  // Undoing a merge needs a reason: the link stays as history, the hit becomes rejected.
  app.post('/api/hits/:id/unmerge', { schema: { tags: ['matching'], params: idParams, body: unmergeHitInput, response: { 200: hitDecision } } },
    async (request) => ({ hit: await svc.unmergeHit(requireActor(request), request.params.id, request.body) }));

  // Answers with the hits counted: the hits themselves name persons and come with the justified consultation.
  app.post('/api/requests/:id/cross-check', { schema: { tags: ['matching'], params: idParams, response: { 200: hitSummary } } },
    async (request) => svc.recheckRequest(requireActor(request), request.params.id));

  // LED Art 25: a search is a consultation; the justification is required and logged.
  app.get('/api/persons/search', { schema: { tags: ['matching'], querystring: personSearchQuery, response: { 200: personSearchResponse } } },
    async (request) => ({ items: await svc.searchPersons(requireActor(request), request.query) }));

  // The thresholds are settings of the same administrators who set accountability's periods.
  app.get('/api/matching/settings', { schema: { tags: ['matching'], response: { 200: matchingSettings } } },
    async (request) => getMatchingSettings(requireRole(request, ...SETTINGS_EDITORS)));
  app.put('/api/matching/settings', { schema: { tags: ['matching'], body: matchingSettings, response: { 200: matchingSettings } } },
    async (request) => putMatchingSettings(requireRole(request, ...SETTINGS_EDITORS), request.body));
}
