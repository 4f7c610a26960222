/** HTTP routes of development cooperation: thin — authenticate, validate, call the use case, present. */
import { z } from 'zod';
import {
  contactList, contactsQuery, createProjectInput, listProjectsQuery, projectActionBodies, projectDetail, projectList, type ProjectActionName,
} from '../../../shared/development.schemas.ts';
import type { App, AppDeps } from '../../http/app.ts';
import { requireActor } from '../../http/auth.ts';
import { performProjectAction } from './development.actions.ts';
import { exportIati, reportingOrgOf } from './development.export.ts';
import * as svc from './development.service.ts';

const idParams = z.object({ id: z.uuid() });
const tags = ['development'];

export async function registerDevelopmentRoutes(app: App, deps: AppDeps) {
  const org = reportingOrgOf(deps.config);
  const xml = (name: string) => ({ 'content-type': 'application/xml; charset=utf-8', 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'no-store' });

  app.get('/api/development/projects', { schema: { tags, querystring: listProjectsQuery, response: { 200: projectList } } },
    async (request) => svc.listProjects(requireActor(request), request.query.status));

  app.post('/api/development/projects', { schema: { tags, body: createProjectInput, response: { 201: projectDetail } } },
    async (request, reply) => reply.status(201).send(await svc.createProject(requireActor(request), request.body)));

  app.get('/api/development/projects/:id', { schema: { tags, params: idParams, response: { 200: projectDetail } } },
    async (request) => svc.buildDetail(requireActor(request), request.params.id));

  // Contact persons are personal data: shown only with a stated justification, logged with the consultation.
  app.get('/api/development/projects/:id/contacts', { schema: { tags, params: idParams, querystring: contactsQuery, response: { 200: contactList } } },
    async (request) => svc.listContacts(requireActor(request), request.params.id, request.query.justification));

  app.get('/api/development/iati.xml', { schema: { tags } }, async (request, reply) =>
    reply.headers(xml('iati-activities.xml')).send(await exportIati(requireActor(request), org, null)));

  app.get('/api/development/projects/:id/iati.xml', { schema: { tags, params: idParams } }, async (request, reply) =>
    reply.headers(xml(`iati-activity-${request.params.id}.xml`)).send(await exportIati(requireActor(request), org, request.params.id)));

  for (const action of Object.keys(projectActionBodies) as ProjectActionName[]) {
    app.post(`/api/development/projects/:id/${action.replace(/_/g, '-')}`, {
      schema: { tags, params: idParams, body: projectActionBodies[action], response: { 200: projectDetail } },
    }, async (request) => performProjectAction(requireActor(request), (request.params as { id: string }).id, action, request.body as never));
  }
}
