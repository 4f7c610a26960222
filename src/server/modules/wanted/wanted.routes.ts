/** HTTP routes of the FAST register and the public appeal: thin — authenticate, validate, call the use case, present. */
import { z } from 'zod';
import {
  addWarrantInput, article3Input, clocksList, consultQuery, createWantedInput, foreignRequestInput, importResult, leadInput, linkRequestInput, listWantedQuery,
  locationInput, publicTipInput, publicWantedList, taskInput, updateWantedInput, wantedActionBodies, wantedDetail, wantedList,
  type WantedActionName,
} from '../../../shared/wanted.schemas.ts';
import type { App, AppDeps } from '../../http/app.ts';
import { requireActor } from '../../http/auth.ts';
import { performWantedAction } from './wanted.actions.ts';
import { wantedErrors as E } from './wanted.errors.ts';
import { importNotices, parseInterpolDocument } from './wanted.import.ts';
import { mayImport } from './wanted.policy.ts';
import { getPublicPhoto, listPublicWanted, submitPublicTip } from './wanted.public.ts';
import * as svc from './wanted.service.ts';

const idParams = z.object({ id: z.uuid() });
const photoParams = z.object({ id: z.uuid(), photoId: z.uuid() });
const tags = ['wanted'];

export async function registerWantedRoutes(app: App, deps: AppDeps) {
  app.get('/api/wanted', { schema: { tags, querystring: listWantedQuery, response: { 200: wantedList } } },
    async (request) => svc.listWanted(requireActor(request), request.query));

  app.post('/api/wanted', { schema: { tags, body: createWantedInput, response: { 201: wantedDetail } } },
    async (request, reply) => reply.status(201).send(await svc.createWanted(requireActor(request), request.body)));

  app.get('/api/wanted/clocks', { schema: { tags, response: { 200: clocksList } } },
    async (request) => svc.listClocks(requireActor(request)));

  // LED Art 25: a wanted person is shown only with a stated justification, logged with the consultation.
  app.get('/api/wanted/:id', { schema: { tags, params: idParams, querystring: consultQuery, response: { 200: wantedDetail } } },
    async (request) => svc.consultWanted(requireActor(request), request.params.id, request.query.justification));

  // Named actions: correcting the record and adding a warrant, each against the version the officer saw.
  app.post('/api/wanted/:id/edit', { schema: { tags, params: idParams, body: updateWantedInput, response: { 200: wantedDetail } } },
    async (request) => svc.updateWanted(requireActor(request), request.params.id, request.body));

  app.post('/api/wanted/:id/warrants', { schema: { tags, params: idParams, body: addWarrantInput, response: { 200: wantedDetail } } },
    async (request) => svc.addWarrant(requireActor(request), request.params.id, request.body));
  app.post('/api/wanted/:id/warrants/:warrantId/article3', { schema: { tags, params: z.object({ id: z.uuid(), warrantId: z.uuid() }), body: article3Input, response: { 200: wantedDetail } } },
    async (request) => svc.reviewArticle3(requireActor(request), request.params.id, request.params.warrantId, request.body));
  app.post('/api/wanted/:id/leads', { schema: { tags, params: idParams, body: leadInput, response: { 200: wantedDetail } } },
    async (request) => svc.addLead(requireActor(request), request.params.id, request.body));
  app.post('/api/wanted/:id/tasks', { schema: { tags, params: idParams, body: taskInput, response: { 200: wantedDetail } } },
    async (request) => svc.addTask(requireActor(request), request.params.id, request.body));
  app.post('/api/wanted/:id/tasks/:taskId/complete', { schema: { tags, params: z.object({ id: z.uuid(), taskId: z.uuid() }), response: { 200: wantedDetail } } },
    async (request) => svc.completeTask(requireActor(request), request.params.id, request.params.taskId));
  app.post('/api/wanted/:id/locations', { schema: { tags, params: idParams, body: locationInput, response: { 200: wantedDetail } } },
    async (request) => svc.addLocation(requireActor(request), request.params.id, request.body));
  app.post('/api/wanted/:id/requests', { schema: { tags, params: idParams, body: foreignRequestInput, response: { 201: z.object({ requestId: z.uuid(), detail: wantedDetail }) } } },
    async (request, reply) => reply.status(201).send(await svc.draftForeignRequest(requireActor(request), request.params.id, request.body)));
  app.post('/api/wanted/:id/requests/link', { schema: { tags, params: idParams, body: linkRequestInput, response: { 200: wantedDetail } } },
    async (request) => svc.linkForeignRequest(requireActor(request), request.params.id, request.body));

  app.post('/api/wanted/:id/photos', {
    schema: { tags, params: idParams, querystring: z.object({ public: z.enum(['true', 'false']).default('false') }), consumes: ['multipart/form-data'], response: { 200: wantedDetail } },
  }, async (request) => {
    const ctx = requireActor(request);
    svc.requireRegister(ctx);
    const file = await request.file();
    if (!file) throw E.invalid('photo_missing', 'file');
    return svc.addPhoto(ctx, request.params.id, await file.toBuffer(), request.query.public === 'true', deps.config.UPLOAD_MAX_BYTES);
  });
  // A photo is personal data like the record: shown only with the stated justification, logged with the view.
  app.get('/api/wanted/:id/photos/:photoId', { schema: { tags, params: photoParams, querystring: consultQuery } }, async (request, reply) => {
    const ph = await svc.getPhoto(requireActor(request), request.params.id, request.params.photoId, request.query.justification);
    return reply.header('content-type', ph.contentType).header('x-content-type-options', 'nosniff').header('cache-control', 'no-store').send(ph.data);
  });

  for (const action of Object.keys(wantedActionBodies) as WantedActionName[]) {
    app.post(`/api/wanted/:id/${action.replace(/_/g, '-')}`, {
      schema: { tags, params: idParams, body: wantedActionBodies[action], response: { 200: wantedDetail } },
    }, async (request) => performWantedAction(requireActor(request), (request.params as { id: string }).id, action, request.body as never));
  }

  // Interpol public notices (JSON as the public notices API gives it); large exports go through the CLI.
  app.post('/api/wanted/import/interpol', { bodyLimit: 64 * 1024 * 1024, schema: { tags, response: { 200: importResult } } }, async (request) => {
    const ctx = requireActor(request);
    if (!mayImport(ctx.actor)) throw E.notFound();
    return importNotices(ctx, parseInterpolDocument(request.body));
  });

  // ---- public: no login ----
  app.get('/api/public/wanted', { schema: { tags: ['public'], response: { 200: publicWantedList } } },
    async (request, reply) => reply.header('cache-control', 'no-store').send(await listPublicWanted(request.ctx)));

  app.get('/api/public/wanted/:id/photos/:photoId', { schema: { tags: ['public'], params: photoParams } }, async (request, reply) => {
    const ph = await getPublicPhoto(request.ctx, request.params.id, request.params.photoId);
    return reply.header('content-type', ph.contentType).header('x-content-type-options', 'nosniff').header('cache-control', 'no-store').send(ph.data);
  });

  app.post('/api/public/wanted/:id/tips', {
    // Tips are rate limited per address and small: a tip is a few lines of plain text.
    config: { rateLimit: { max: 5, timeWindow: '10 minutes' } },
    bodyLimit: 16 * 1024,
    schema: { tags: ['public'], params: idParams, body: publicTipInput },
  }, async (request, reply) => {
    await submitPublicTip(request.ctx, request.params.id, request.body);
    // 202 with nothing echoed: a visitor never reads a tip back.
    return reply.status(202).send();
  });
}
