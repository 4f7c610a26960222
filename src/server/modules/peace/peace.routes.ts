/** HTTP routes of peace operations: thin — authenticate, validate, call the use case, present. */
import { z } from 'zod';
import {
  applicationInput, callDetail, callInput, candidateDetail, candidateInput, certificateInput, consultQuery, decideBody, deployBody,
  deploymentDetail, deploymentList, deploymentsQuery, endBody, extendBody, missionDetail, missionInput, missionList, nominationInput,
  outcomeBody, peaceStatistics, rosterList, rosterQuery, statisticsQuery, versionBody, welfareInput, welfareView,
} from '../../../shared/peace.schemas.ts';
import type { App } from '../../http/app.ts';
import { requireActor } from '../../http/auth.ts';
import * as deployments from './deployments.service.ts';
import * as missions from './missions.service.ts';
import * as nominations from './nominations.service.ts';
import * as roster from './roster.service.ts';
import * as stats from './statistics.service.ts';

const idParams = z.object({ id: z.uuid() });
const tags = ['peace'];
const attachment = (name: string) => `attachment; filename="${name}"`;

export async function registerPeaceRoutes(app: App) {
  app.get('/api/peace/missions', { schema: { tags, response: { 200: missionList } } },
    async (request) => missions.listMissions(requireActor(request)));
  app.post('/api/peace/missions', { schema: { tags, body: missionInput, response: { 201: missionDetail } } },
    async (request, reply) => reply.status(201).send(await missions.createMission(requireActor(request), request.body)));
  app.get('/api/peace/missions/:id', { schema: { tags, params: idParams, response: { 200: missionDetail } } },
    async (request) => missions.getMission(requireActor(request), request.params.id));
  app.post('/api/peace/missions/:id/calls', { schema: { tags, params: idParams, body: callInput, response: { 201: z.object({ id: z.uuid() }) } } },
    async (request, reply) => reply.status(201).send(await missions.createCall(requireActor(request), request.params.id, request.body)));

  // A call names officers (applications, nominations): shown with a justification, logged with the consultation.
  app.get('/api/peace/calls/:id', { schema: { tags, params: idParams, querystring: consultQuery, response: { 200: callDetail } } },
    async (request) => missions.consultCall(requireActor(request), request.params.id, request.query.justification));
  app.post('/api/peace/calls/:id/close', { schema: { tags, params: idParams, querystring: consultQuery, body: versionBody, response: { 200: callDetail } } },
    async (request) => missions.closeCall(requireActor(request), request.params.id, request.body.version, request.query.justification));
  app.post('/api/peace/calls/:id/applications', { schema: { tags, params: idParams, querystring: consultQuery, body: applicationInput, response: { 200: callDetail } } },
    async (request) => nominations.addApplication(requireActor(request), request.params.id, request.body, request.query.justification));
  app.post('/api/peace/calls/:id/nominations', { schema: { tags, params: idParams, querystring: consultQuery, body: nominationInput, response: { 200: callDetail } } },
    async (request) => nominations.proposeNomination(requireActor(request), request.params.id, request.body, request.query.justification));

  for (const action of ['nominate', 'reject'] as const) {
    app.post(`/api/peace/nominations/:id/${action}`, { schema: { tags, params: idParams, querystring: consultQuery, body: decideBody, response: { 200: callDetail } } },
      async (request) => nominations.decideNomination(requireActor(request), request.params.id, { action, body: request.body }, request.query.justification));
  }
  app.post('/api/peace/nominations/:id/record-outcome', { schema: { tags, params: idParams, querystring: consultQuery, body: outcomeBody, response: { 200: callDetail } } },
    async (request) => nominations.decideNomination(requireActor(request), request.params.id, { action: 'record_outcome', body: request.body }, request.query.justification));
  app.post('/api/peace/nominations/:id/deploy', { schema: { tags, params: idParams, body: deployBody, response: { 201: z.object({ deploymentId: z.uuid() }) } } },
    async (request, reply) => reply.status(201).send(await nominations.deployNomination(requireActor(request), request.params.id, request.body)));

  app.get('/api/peace/candidates', { schema: { tags, querystring: rosterQuery, response: { 200: rosterList } } },
    async (request) => roster.listRoster(requireActor(request), request.query));
  app.post('/api/peace/candidates', { schema: { tags, body: candidateInput, response: { 201: z.object({ id: z.uuid() }) } } },
    async (request, reply) => reply.status(201).send(await roster.createCandidate(requireActor(request), request.body)));
  app.get('/api/peace/candidates/:id', { schema: { tags, params: idParams, querystring: consultQuery, response: { 200: candidateDetail } } },
    async (request) => roster.consultCandidate(requireActor(request), request.params.id, request.query.justification));
  app.post('/api/peace/candidates/:id/certificates', { schema: { tags, params: idParams, querystring: consultQuery, body: certificateInput, response: { 200: candidateDetail } } },
    async (request) => roster.addCertificate(requireActor(request), request.params.id, request.body, request.query.justification));

  app.get('/api/peace/deployments', { schema: { tags, querystring: deploymentsQuery, response: { 200: deploymentList } } },
    async (request) => deployments.listDeployments(requireActor(request), request.query));
  app.get('/api/peace/deployments/:id', { schema: { tags, params: idParams, querystring: consultQuery, response: { 200: deploymentDetail } } },
    async (request) => deployments.consultDeployment(requireActor(request), request.params.id, request.query.justification));
  app.post('/api/peace/deployments/:id/extend', { schema: { tags, params: idParams, body: extendBody, response: { 200: deploymentDetail } } },
    async (request) => deployments.extendDeployment(requireActor(request), request.params.id, request.body));
  app.post('/api/peace/deployments/:id/end', { schema: { tags, params: idParams, body: endBody, response: { 200: deploymentDetail } } },
    async (request) => deployments.endDeployment(requireActor(request), request.params.id, request.body));

  // Special-category data (next of kin, health): its own call, never in a list, always with a justification.
  app.get('/api/peace/deployments/:id/welfare', { schema: { tags, params: idParams, querystring: consultQuery, response: { 200: z.object({ welfare: welfareView.nullable() }) } } },
    async (request) => ({ welfare: await deployments.readWelfare(requireActor(request), request.params.id, request.query.justification) }));
  app.post('/api/peace/deployments/:id/welfare', { schema: { tags, params: idParams, body: welfareInput, response: { 200: welfareView } } },
    async (request) => deployments.recordWelfare(requireActor(request), request.params.id, request.body));

  app.get('/api/peace/statistics', { schema: { tags, querystring: statisticsQuery, response: { 200: peaceStatistics } } },
    async (request) => stats.peaceStatistics(requireActor(request), request.query.year));
  app.get('/api/peace/statistics/export.csv', { schema: { tags, querystring: statisticsQuery } }, async (request, reply) => {
    const ctx = requireActor(request);
    const csv = stats.statisticsCsv(await stats.peaceStatistics(ctx, request.query.year), ctx.locale);
    return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', attachment(`peace-statistics-${request.query.year}.csv`)).send(csv);
  });
  app.get('/api/peace/statistics/export.xlsx', { schema: { tags, querystring: statisticsQuery } }, async (request, reply) => {
    const ctx = requireActor(request);
    const xlsx = await stats.statisticsXlsx(await stats.peaceStatistics(ctx, request.query.year), ctx.locale);
    return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', attachment(`peace-statistics-${request.query.year}.xlsx`)).send(xlsx);
  });
}
