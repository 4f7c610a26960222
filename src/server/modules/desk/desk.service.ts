/**
 * Use cases of the duty desk's tools: searching every case the user may see, and the shift handover report
 * (on screen and as PDF) with the recorded handover that starts the next report's "new since".
 */
import { DateTime } from 'luxon';
import type { CaseSearchQuery, CaseSearchResponse, HandoverCase, HandoverReport, RecordHandoverInput, SearchField } from '../../../shared/desk.schemas.ts';
import { SEARCH_FIELDS } from '../../../shared/desk.schemas.ts';
import type { Channel, Direction, Locale, RequestStatus } from '../../../shared/domain.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import { inTransaction, type Actor, type Ctx } from '../../platform/context.ts';
import { t } from '../../platform/i18n.ts';
import { renderPdf } from '../../platform/pdf.ts';
import { visibilityScope, type VisibilityScope } from '../exchange/index.ts';
import { deskErrors as E } from './desk.errors.ts';
import { mayRecordHandover } from './desk.policy.ts';
import * as repo from './desk.repository.ts';

type ActorCtx = Ctx & { actor: Actor };
const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

function scopeOf(ctx: ActorCtx): VisibilityScope {
  const scope = visibilityScope(ctx.actor);
  if (!scope) throw E.notFound();
  return scope;
}

/**
 * Finds cases by own or foreign reference, subject or thread text. Logged as a consultation; the search text is
 * not kept in the log (it may be a name), only the filters and how many cases were found.
 */
export async function searchCases(ctx: ActorCtx, q: CaseSearchQuery): Promise<CaseSearchResponse> {
  const scope = scopeOf(ctx);
  if (q.receivedFrom && q.receivedTo && q.receivedFrom > q.receivedTo) throw E.datesOutOfOrder();
  const { rows, total } = await repo.searchCases(ctx.db, scope, q);
  await inTransaction(ctx, (tx) => audit(tx, {
    category: 'consultation', action: 'desk.cases.search', entityType: 'case_search',
    details: { results: rows.length, status: q.status, channel: q.channel ?? null, country: q.country ?? null, direction: q.direction ?? null },
  }));
  return {
    total: Math.min(total, repo.SEARCH_TOTAL_CAP),
    totalCapped: total > repo.SEARCH_TOTAL_CAP,
    items: rows.map((r) => ({
      id: r.id, reference: r.reference, foreignReference: r.counterpart_reference, direction: r.direction as Direction,
      channel: r.channel as Channel, countryCode: r.country_code, status: r.status as RequestStatus, urgent: r.urgent,
      subject: r.subject, receivedAt: iso(r.received_at), dueAt: iso(r.due_at),
      matchedIn: SEARCH_FIELDS.filter((f) => r.fields.includes(f as SearchField)),
    })),
  };
}

function toCase(r: repo.CaseRow & { assignees: string[] }): HandoverCase {
  return {
    id: r.id, reference: r.reference, foreignReference: r.counterpart_reference, channel: r.channel as Channel, countryCode: r.country_code,
    direction: r.direction as Direction, status: r.status as RequestStatus, urgent: r.urgent, subject: r.subject,
    receivedAt: iso(r.received_at), dueAt: iso(r.due_at), paused: !!r.paused_since, assignees: r.assignees,
  };
}

/** The handover report for the actor's cases: overdue, due within `hours`, and new since the unit's last handover. */
export async function handoverReport(ctx: ActorCtx, hours: number): Promise<HandoverReport> {
  const scope = scopeOf(ctx);
  const now = ctx.clock.now();
  const previous = await repo.lastHandover(ctx.db, ctx.actor.unitId);
  // Without an earlier handover, "new" means the last shift's worth of hours.
  const since = previous?.at ?? new Date(now.getTime() - hours * 3600_000);
  const r = await repo.handoverCases(ctx.db, scope, now, new Date(now.getTime() + hours * 3600_000), since);
  return {
    generatedAt: now.toISOString(), horizonHours: hours,
    previous: previous ? { at: previous.at.toISOString(), by: previous.by, note: previous.note } : null,
    openCount: r.openCount, overdue: r.overdue.map(toCase), dueSoon: r.dueSoon.map(toCase), newSincePrevious: r.fresh.map(toCase),
  };
}

/** Records that the actor's shift handed over now; the next report's "new" starts here. */
export async function recordHandover(ctx: ActorCtx, input: RecordHandoverInput): Promise<HandoverReport> {
  scopeOf(ctx);
  if (!mayRecordHandover(ctx.actor)) throw E.notPermitted();
  await inTransaction(ctx, async (tx) => {
    const row = await repo.insertHandover(tx.db, { unitId: ctx.actor.unitId, userId: ctx.actor.id, at: ctx.clock.now(), note: input.note ?? null });
    await audit(tx, { category: 'admin', action: 'desk.handover.record', entityType: 'shift_handover', entityId: row.id, details: { withNote: !!input.note } });
  });
  return handoverReport(ctx, 12);
}

function when(locale: Locale, at: string | null): string {
  return at ? DateTime.fromISO(at).setZone('Europe/Stockholm').setLocale(locale === 'sv' ? 'sv-SE' : 'en-GB').toFormat('yyyy-MM-dd HH:mm') : '';
}

/** The handover report as a printable PDF in the reader's language (times in Europe/Stockholm). Logged as a disclosure. */
export async function handoverPdf(ctx: ActorCtx, hours: number): Promise<Buffer> {
  const r = await handoverReport(ctx, hours);
  const L = (k: string, p: Record<string, unknown> = {}) => t(ctx.locale, `desk.handover.${k}`, p);
  const D = (list: string, code: string) => t(ctx.locale, `domain.${list}.${code}`);
  const table = (heading: string, cases: HandoverCase[]) => ({
    heading: `${heading} (${cases.length})`, empty: L('none'),
    table: {
      header: ['reference', 'foreignReference', 'channel', 'country', 'status', 'due', 'assignees', 'subject'].map((k) => L(`columns.${k}`)),
      rows: cases.map((c) => [
        c.reference + (c.urgent ? ` (${L('urgent')})` : ''), c.foreignReference ?? '', D('channelsShort', c.channel), c.countryCode,
        D('statuses', c.status), c.paused ? L('paused') : when(ctx.locale, c.dueAt), c.assignees.join(', '), c.subject,
      ]),
      widths: [16, 14, 9, 6, 12, 12, 13, 22],
    },
  });
  const pdf = await renderPdf({
    title: L('title'),
    facts: [
      [L('generatedAt'), when(ctx.locale, r.generatedAt)], [L('generatedBy'), ctx.actor.displayName],
      [L('previous'), r.previous ? `${when(ctx.locale, r.previous.at)} · ${r.previous.by}` : L('noPrevious')],
      ...(r.previous?.note ? [[L('previousNote'), r.previous.note] as [string, string]] : []),
      [L('openCount'), String(r.openCount)],
    ],
    sections: [
      table(L('overdue'), r.overdue),
      table(L('dueSoon', { hours: r.horizonHours }), r.dueSoon),
      table(L('newSince'), r.newSincePrevious),
    ],
    footer: L('footer'),
  });
  await inTransaction(ctx, (tx) => audit(tx, {
    category: 'disclosure', action: 'desk.handover.print', entityType: 'shift_handover', recipient: ctx.actor.username,
    details: { cases: r.overdue.length + r.dueSoon.length + r.newSincePrevious.length },
  }));
  return pdf;
}
