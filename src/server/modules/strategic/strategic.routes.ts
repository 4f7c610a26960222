/** HTTP routes of strategic cooperation: thin — authenticate, validate, call the use case, present. */
import { z } from 'zod';
import {
  approveInstructionInput, completeActionInput, consultQuery, createActionInput, createGroupInput, createMeetingInput, draftInstructionInput,
  groupDetail, groupList, meetingDetail, memberInput, memberList, myWork, officerList, removeMemberInput, reportInput, reviseInstructionInput,
} from '../../../shared/strategic.schemas.ts';
import type { App, AppDeps } from '../../http/app.ts';
import { requireActor } from '../../http/auth.ts';
import { groupCalendar, myCalendar } from './strategic.calendar.ts';
import { strategicErrors as E } from './strategic.errors.ts';
import * as svc from './strategic.service.ts';
import * as work from './strategic.work.ts';

const idParams = z.object({ id: z.uuid() });
const tags = ['strategic'];
const ICS = 'text/calendar; charset=utf-8';

export async function registerStrategicRoutes(app: App, deps: AppDeps) {
  app.get('/api/strategic/groups', { schema: { tags, response: { 200: groupList } } }, async (request) => svc.listGroups(requireActor(request)));
  app.post('/api/strategic/groups', { schema: { tags, body: createGroupInput, response: { 201: groupDetail } } },
    async (request, reply) => reply.status(201).send(await svc.createGroup(requireActor(request), request.body)));
  app.get('/api/strategic/groups/:id', { schema: { tags, params: idParams, response: { 200: groupDetail } } },
    async (request) => svc.getGroup(requireActor(request), request.params.id));
  // LED Art 25: who represents Sweden where is personal data, shown only with a stated justification, logged.
  app.get('/api/strategic/groups/:id/members', { schema: { tags, params: idParams, querystring: consultQuery, response: { 200: memberList } } },
    async (request) => svc.consultMembers(requireActor(request), request.params.id, request.query.justification));
  app.post('/api/strategic/groups/:id/add-member', { schema: { tags, params: idParams, body: memberInput, response: { 200: groupDetail } } },
    async (request) => svc.addMember(requireActor(request), request.params.id, request.body));
  app.post('/api/strategic/groups/:id/remove-member', { schema: { tags, params: idParams, body: removeMemberInput, response: { 200: groupDetail } } },
    async (request) => svc.removeMember(requireActor(request), request.params.id, request.body));
  app.post('/api/strategic/groups/:id/meetings', { schema: { tags, params: idParams, body: createMeetingInput, response: { 201: meetingDetail } } },
    async (request, reply) => reply.status(201).send(await svc.createMeeting(requireActor(request), request.params.id, request.body)));
  app.get('/api/strategic/groups/:id/calendar.ics', { schema: { tags, params: idParams } }, async (request, reply) =>
    reply.header('content-type', ICS).header('content-disposition', 'attachment; filename="meetings.ics"').header('cache-control', 'no-store')
      .send(await groupCalendar(requireActor(request), request.params.id)));

  app.get('/api/strategic/officers', { schema: { tags, response: { 200: officerList } } }, async (request) => svc.listOfficers(requireActor(request)));
  app.get('/api/strategic/my', { schema: { tags, response: { 200: myWork } } }, async (request) => svc.myWork(requireActor(request)));
  app.get('/api/strategic/my/calendar.ics', { schema: { tags } }, async (request, reply) =>
    reply.header('content-type', ICS).header('content-disposition', 'attachment; filename="my-meetings.ics"').header('cache-control', 'no-store')
      .send(await myCalendar(requireActor(request))));

  app.get('/api/strategic/meetings/:id', { schema: { tags, params: idParams, response: { 200: meetingDetail } } },
    async (request) => svc.getMeeting(requireActor(request), request.params.id));
  app.post('/api/strategic/meetings/:id/instructions', { schema: { tags, params: idParams, body: draftInstructionInput, response: { 200: meetingDetail } } },
    async (request) => work.draftInstruction(requireActor(request), request.params.id, request.body));
  app.post('/api/strategic/meetings/:id/report', { schema: { tags, params: idParams, body: reportInput, response: { 200: meetingDetail } } },
    async (request) => work.reportMeeting(requireActor(request), request.params.id, request.body));
  app.post('/api/strategic/meetings/:id/actions', { schema: { tags, params: idParams, body: createActionInput, response: { 200: meetingDetail } } },
    async (request) => work.addActionItem(requireActor(request), request.params.id, request.body));
  app.post('/api/strategic/meetings/:id/attachments', { schema: { tags, params: idParams, consumes: ['multipart/form-data'], response: { 200: meetingDetail } } },
    async (request) => {
      const ctx = requireActor(request);
      svc.requireModule(ctx);
      const file = await request.file();
      if (!file) throw E.invalid('file_missing', 'file');
      return work.addAttachment(ctx, request.params.id, { filename: file.filename, data: await file.toBuffer() }, deps.config.UPLOAD_MAX_BYTES);
    });
  app.get('/api/strategic/attachments/:id', { schema: { tags, params: idParams } }, async (request, reply) => {
    const a = await work.getAttachment(requireActor(request), request.params.id);
    return reply.header('content-type', a.contentType).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(a.filename)}`)
      .header('x-content-type-options', 'nosniff').header('cache-control', 'no-store').send(a.data);
  });

  app.post('/api/strategic/instructions/:id/revise', { schema: { tags, params: idParams, body: reviseInstructionInput, response: { 200: meetingDetail } } },
    async (request) => work.reviseInstruction(requireActor(request), request.params.id, request.body));
  app.post('/api/strategic/instructions/:id/approve', { schema: { tags, params: idParams, body: approveInstructionInput, response: { 200: meetingDetail } } },
    async (request) => work.approveInstruction(requireActor(request), request.params.id, request.body));
  app.post('/api/strategic/actions/:id/complete', { schema: { tags, params: idParams, body: completeActionInput, response: { 200: meetingDetail } } },
    async (request) => work.completeActionItem(requireActor(request), request.params.id, request.body));
}
