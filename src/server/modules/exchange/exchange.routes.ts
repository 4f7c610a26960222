/** HTTP routes of the SPOC desk: thin — authenticate, validate, call the use case, present. */
import { z } from 'zod';
import {
  actionBodies, addMessageInput, editDraftInput, consultInput, createRequestInput, listRequestsQuery, personInput, personsView,
  requestDetail, requestList, type ActionName,
} from '../../../shared/exchange.schemas.ts';
import type { App, AppDeps } from '../../http/app.ts';
import { requireActor } from '../../http/auth.ts';
import { exchangeErrors as E } from './exchange.errors.ts';
import { performAction } from './exchange.actions.ts';
import { editDraft } from './exchange.edit.ts';
import * as svc from './exchange.service.ts';

const idParams = z.object({ id: z.uuid() });

export async function registerExchangeRoutes(app: App, deps: AppDeps) {
  app.get('/api/requests', { schema: { tags: ['exchange'], querystring: listRequestsQuery, response: { 200: requestList } } },
    async (request) => svc.listRequests(requireActor(request), request.query));

  app.post('/api/requests', { schema: { tags: ['exchange'], body: createRequestInput, response: { 201: requestDetail } } },
    async (request, reply) => reply.status(201).send(await svc.registerDeskRequest(requireActor(request), request.body)));

  app.get('/api/requests/:id', { schema: { tags: ['exchange'], params: idParams, response: { 200: requestDetail } } },
    async (request) => svc.getRequestDetail(requireActor(request), request.params.id));

  // LED Art 25: persons, and the hits naming persons, are shown only with a stated justification, logged with the consultation.
  app.get('/api/requests/:id/persons', { schema: { tags: ['exchange'], params: idParams, querystring: consultInput, response: { 200: personsView } } },
    async (request) => svc.consultPersons(requireActor(request), request.params.id, request.query.justification));

  // An outgoing draft is corrected by a named action, at the version the officer saw.
  app.post('/api/requests/:id/edit', { schema: { tags: ['exchange'], params: idParams, body: editDraftInput, response: { 200: requestDetail } } },
    async (request) => editDraft(requireActor(request), request.params.id, request.body));

  app.post('/api/requests/:id/persons', { schema: { tags: ['exchange'], params: idParams, body: personInput, response: { 200: requestDetail } } },
    async (request) => svc.addPerson(requireActor(request), request.params.id, request.body));

  app.post('/api/requests/:id/messages', { schema: { tags: ['exchange'], params: idParams, body: addMessageInput, response: { 200: requestDetail } } },
    async (request) => svc.addMessage(requireActor(request), request.params.id, request.body.body));

  app.post('/api/requests/:id/attachments', { schema: { tags: ['exchange'], params: idParams, consumes: ['multipart/form-data'], response: { 200: requestDetail } } },
    async (request) => {
      const ctx = requireActor(request);
      const file = await request.file();
      if (!file) throw E.invalid('file_missing');
      const data = await file.toBuffer();
      return svc.addAttachment(ctx, request.params.id, { filename: file.filename, data }, deps.config.UPLOAD_MAX_BYTES);
    });

  app.get('/api/attachments/:id', { schema: { tags: ['exchange'], params: idParams } }, async (request, reply) => {
    const a = await svc.getAttachment(requireActor(request), request.params.id);
    return reply
      .header('content-type', a.contentType)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(a.filename)}`)
      .header('x-content-type-options', 'nosniff')
      .send(a.data);
  });

  for (const action of Object.keys(actionBodies) as ActionName[]) {
    app.post(`/api/requests/:id/${action.replace(/_/g, '-')}`, {
      schema: { tags: ['exchange'], params: idParams, body: actionBodies[action], response: { 200: requestDetail } },
    }, async (request) => performAction(requireActor(request), (request.params as { id: string }).id, action, request.body as never));
  }
}
