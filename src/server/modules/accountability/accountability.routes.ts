/** HTTP routes of accountability: thin — role check, validated input, the use case, the presented answer. */
import { z } from 'zod';
import {
  accountabilitySettings, auditSearchQuery, auditSearchResult, dataSubjectCandidates, dataSubjectReport, dataSubjectReportInput,
  dataSubjectSearchQuery, reviewDecisionInput, reviewDecisionResult, reviewQueue, statisticsQuery, statisticsView, verifyResult,
} from '../../../shared/accountability.schemas.ts';
import type { App } from '../../http/app.ts';
import { requireActor, requireRole } from '../../http/auth.ts';
import { accountabilityActions, rolesFor } from './accountability.policy.ts';
import { getSettings, putSettings } from './accountability.settings.ts';
import { exportAuditCsv, exportAuditPdf, searchAuditLog } from './audit-search.service.ts';
import { verifyAudit } from './audit-verify.service.ts';
import { dataSubjectReport as buildReport, dataSubjectReportPdf, findDataSubject } from './data-subject.service.ts';
import { decideReview, listReviewQueue } from './retention.service.ts';
import { statisticsCsv, statisticsForYear, statisticsXlsx } from './statistics.service.ts';

const idParams = z.object({ id: z.uuid() });
const tags = ['accountability'];
const attachmentName = (name: string) => `attachment; filename="${name}"`;

export async function registerAccountabilityRoutes(app: App) {
  app.get('/api/accountability/me', { schema: { tags, response: { 200: z.object({ actions: z.array(z.string()) }) } } },
    async (request) => ({ actions: accountabilityActions(requireActor(request).actor) }));

  app.get('/api/audit', { schema: { tags, querystring: auditSearchQuery, response: { 200: auditSearchResult } } },
    async (request) => searchAuditLog(requireRole(request, ...rolesFor('audit.read')), request.query));

  app.get('/api/audit/export.csv', { schema: { tags, querystring: auditSearchQuery } }, async (request, reply) => {
    const csv = await exportAuditCsv(requireRole(request, ...rolesFor('audit.read')), request.query);
    return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', attachmentName('audit.csv')).send(csv);
  });

  app.get('/api/audit/export.pdf', { schema: { tags, querystring: auditSearchQuery } }, async (request, reply) => {
    const pdf = await exportAuditPdf(requireRole(request, ...rolesFor('audit.read')), request.query);
    return reply.header('content-type', 'application/pdf').header('content-disposition', attachmentName('audit.pdf')).send(pdf);
  });

  // A verification run is recorded in the log, so it is a POST (and carries the CSRF token).
  app.post('/api/audit/verify', { schema: { tags, response: { 200: verifyResult } } },
    async (request) => verifyAudit(requireRole(request, ...rolesFor('audit.verify'))));

  app.get('/api/reviews', { schema: { tags, response: { 200: reviewQueue } } },
    async (request) => listReviewQueue(requireRole(request, ...rolesFor('review.decide'))));

  app.post('/api/reviews/:id/decide', { schema: { tags, params: idParams, body: reviewDecisionInput, response: { 200: reviewDecisionResult } } },
    async (request) => decideReview(requireRole(request, ...rolesFor('review.decide')), request.params.id, request.body));

  // LED Art 25: showing persons needs a stated justification, logged with the consultation.
  app.get('/api/data-subjects', { schema: { tags, querystring: dataSubjectSearchQuery, response: { 200: dataSubjectCandidates } } },
    async (request) => findDataSubject(requireRole(request, ...rolesFor('data_subject.report')), request.query.name, request.query.justification));

  app.post('/api/data-subject-reports', { schema: { tags, body: dataSubjectReportInput, response: { 200: dataSubjectReport } } },
    async (request) => buildReport(requireRole(request, ...rolesFor('data_subject.report')), request.body.personIds, request.body.justification));

  app.post('/api/data-subject-reports/pdf', { schema: { tags, body: dataSubjectReportInput } }, async (request, reply) => {
    const pdf = await dataSubjectReportPdf(requireRole(request, ...rolesFor('data_subject.report')), request.body.personIds, request.body.justification);
    return reply.header('content-type', 'application/pdf').header('content-disposition', attachmentName('data-subject-report.pdf')).send(pdf);
  });

  app.get('/api/statistics', { schema: { tags, querystring: statisticsQuery, response: { 200: statisticsView } } },
    async (request) => statisticsForYear(requireRole(request, ...rolesFor('statistics.read')), request.query.year));

  app.get('/api/statistics/export.csv', { schema: { tags, querystring: statisticsQuery } }, async (request, reply) => {
    const ctx = requireRole(request, ...rolesFor('statistics.read'));
    const csv = statisticsCsv(await statisticsForYear(ctx, request.query.year), request.query.lang ?? ctx.locale);
    return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', attachmentName(`statistics-${request.query.year}.csv`)).send(csv);
  });

  app.get('/api/statistics/export.xlsx', { schema: { tags, querystring: statisticsQuery } }, async (request, reply) => {
    const ctx = requireRole(request, ...rolesFor('statistics.read'));
    const xlsx = await statisticsXlsx(await statisticsForYear(ctx, request.query.year), request.query.lang ?? ctx.locale);
    return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', attachmentName(`statistics-${request.query.year}.xlsx`)).send(xlsx);
  });

  app.get('/api/accountability/settings', { schema: { tags, response: { 200: accountabilitySettings } } },
    async (request) => getSettings(requireRole(request, ...rolesFor('settings.edit'))));

  app.put('/api/accountability/settings', { schema: { tags, body: accountabilitySettings, response: { 200: accountabilitySettings } } },
    async (request) => putSettings(requireRole(request, ...rolesFor('settings.edit')), request.body));
}
