/**
 * The auditor's search of the log (LED Art 25(2)–(3): to verify lawfulness and for self-monitoring), by
 * person, officer, request, action and time, with CSV and printable PDF exports. Exports are audited.
 */
import type { AuditEntryView, AuditSearchQuery, AuditSearchResult } from '../../../shared/accountability.schemas.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import { inTransaction, type Actor, type Ctx } from '../../platform/context.ts';
import { t } from '../../platform/i18n.ts';
import { renderPdf } from '../../platform/pdf.ts';
import * as repo from './accountability.repository.ts';
import { toCsv } from './statistics.service.ts';

type ActorCtx = Ctx & { actor: Actor };

/** Most entries an export holds; a larger selection must be narrowed (by time) first. */
export const EXPORT_MAX = 50_000;

export function toEntryView(r: repo.AuditEventRow): AuditEntryView {
  return {
    seq: r.seq, id: r.id, at: r.at.toISOString(), actorId: r.actorId, actorLabel: r.actorLabel, category: r.category, action: r.action,
    entityType: r.entityType, entityId: r.entityId, personIds: r.personIds, justification: r.justification, recipient: r.recipient,
    details: (r.details ?? {}) as Record<string, unknown>,
  };
}

/** Audit entries matching the filters, newest first. */
export async function searchAuditLog(ctx: ActorCtx, q: AuditSearchQuery): Promise<AuditSearchResult> {
  const { total, items } = await repo.searchAudit(ctx.db, q);
  return { total, items: items.map(toEntryView) };
}

async function exported(ctx: ActorCtx, q: AuditSearchQuery, format: 'csv' | 'pdf') {
  const { total, items } = await repo.searchAudit(ctx.db, { ...q, limit: EXPORT_MAX, offset: 0 });
  await inTransaction(ctx, (tx) => audit(tx, {
    category: 'security', action: 'accountability.audit.export', entityType: 'audit_log',
    details: { format, filters: { ...q, limit: undefined, offset: undefined }, entries: items.length, total },
  }));
  return { total, items: items.map(toEntryView) };
}

const COLUMNS = ['seq', 'at', 'actor', 'category', 'action', 'entity', 'persons', 'justification', 'recipient', 'details'] as const;

function cells(e: AuditEntryView): string[] {
  return [String(e.seq), e.at, e.actorLabel, e.category, e.action, `${e.entityType}${e.entityId ? `:${e.entityId}` : ''}`,
    e.personIds.join(' '), e.justification ?? '', e.recipient ?? '', JSON.stringify(e.details)];
}

/** The matching entries as CSV (oldest last, as searched). */
export async function exportAuditCsv(ctx: ActorCtx, q: AuditSearchQuery): Promise<string> {
  const { items } = await exported(ctx, q, 'csv');
  return toCsv(COLUMNS.map((c) => t(ctx.locale, `accountability.audit.columns.${c}`)), items.map(cells));
}

/** The matching entries as a printable PDF report with the filters and who produced it. */
export async function exportAuditPdf(ctx: ActorCtx, q: AuditSearchQuery): Promise<Buffer> {
  const { total, items } = await exported(ctx, q, 'pdf');
  const L = (k: string, p: Record<string, unknown> = {}) => t(ctx.locale, `accountability.audit.${k}`, p);
  const filters = (['personId', 'actor', 'request', 'action', 'category', 'from', 'to'] as const)
    .filter((k) => q[k]).map((k) => `${L(`filters.${k}`)}: ${q[k]}`);
  return renderPdf({
    title: L('report.title'),
    facts: [
      [L('report.generatedAt'), ctx.clock.now().toISOString()],
      [L('report.generatedBy'), `${ctx.actor.displayName} (${ctx.actor.username})`],
      [L('report.filters'), filters.length ? filters.join('; ') : L('report.noFilters')],
      [L('report.entries'), L('report.entriesValue', { shown: items.length, total })],
    ],
    sections: [{
      heading: L('report.entriesHeading'),
      empty: L('empty'),
      table: {
        header: ['seq', 'at', 'actor', 'category', 'action', 'entity', 'persons', 'justification'].map((c) => L(`columns.${c}`)),
        rows: items.map((e) => cells(e).slice(0, 8)),
        widths: [5, 13, 9, 9, 16, 16, 16, 16],
      },
    }],
    footer: L('report.footer'),
  });
}
