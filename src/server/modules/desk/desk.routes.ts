/** HTTP routes of the desk's tools: thin — authenticate, validate, call the use case, present. */
import { caseSearchQuery, caseSearchResponse, handoverQuery, handoverReport, recordHandoverInput } from '../../../shared/desk.schemas.ts';
import type { App } from '../../http/app.ts';
import { requireActor } from '../../http/auth.ts';
import * as svc from './desk.service.ts';

export async function registerDeskRoutes(app: App) {
  app.get('/api/desk/search', { schema: { tags: ['desk'], querystring: caseSearchQuery, response: { 200: caseSearchResponse } } },
    async (request) => svc.searchCases(requireActor(request), request.query));

  app.get('/api/desk/handover', { schema: { tags: ['desk'], querystring: handoverQuery, response: { 200: handoverReport } } },
    async (request) => svc.handoverReport(requireActor(request), request.query.hours));

  app.post('/api/desk/handover', { schema: { tags: ['desk'], body: recordHandoverInput, response: { 201: handoverReport } } },
    async (request, reply) => reply.status(201).send(await svc.recordHandover(requireActor(request), request.body)));

  app.get('/api/desk/handover.pdf', { schema: { tags: ['desk'], querystring: handoverQuery } },
    async (request, reply) => {
      const pdf = await svc.handoverPdf(requireActor(request), request.query.hours);
      return reply.header('content-type', 'application/pdf')
        .header('content-disposition', 'attachment; filename="handover.pdf"')
        .header('cache-control', 'no-store')
        .send(pdf);
    });
}
