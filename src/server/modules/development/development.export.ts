/** The IATI export of one project or of every project the actor may see; no personal data leaves this way. */
import { audit } from '../../platform/audit/audit.service.ts';
import { inTransaction } from '../../platform/context.ts';
import type { Config } from '../../platform/config.ts';
import { developmentErrors as E } from './development.errors.ts';
import { iatiDocument, type IatiProject, type ReportingOrg } from './development.iati.ts';
import * as repo from './development.repository.ts';
import { buildDetail, requireModule, type ActorCtx } from './development.service.ts';

/** The reporting organisation of this installation (settings IATI_REPORTING_ORG_*). */
export function reportingOrgOf(config: Pick<Config, 'IATI_REPORTING_ORG_REF' | 'IATI_REPORTING_ORG_NAME' | 'IATI_REPORTING_ORG_TYPE'>): ReportingOrg {
  return { ref: config.IATI_REPORTING_ORG_REF, name: config.IATI_REPORTING_ORG_NAME, type: config.IATI_REPORTING_ORG_TYPE };
}

/** IATI activity XML 2.03 for one project (id) or all visible projects (null); the export is logged. */
export async function exportIati(ctx: ActorCtx, org: ReportingOrg, id: string | null): Promise<string> {
  requireModule(ctx);
  const rows = id ? [await repo.findProject(ctx.db, ctx.actor, id)] : await repo.listProjects(ctx.db, ctx.actor);
  if (rows.some((r) => !r)) throw E.notFound();
  const projects: IatiProject[] = [];
  for (const r of rows) projects.push({ detail: await buildDetail(ctx, r!.p.id), lastUpdated: r!.p.updatedAt, closedAt: r!.p.closedAt });
  // The schema needs at least one activity: an empty export is "nothing to export", not an invalid file.
  if (!projects.length) throw E.notFound();
  await inTransaction(ctx, (tx) => audit(tx, {
    category: 'disclosure', action: 'development.iati.export', entityType: 'development_project', entityId: id, recipient: 'IATI',
    details: { references: projects.map((p) => p.detail.reference) },
  }));
  return iatiDocument(org, projects, ctx.clock.now());
}
