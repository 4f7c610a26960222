/**
 * Data-subject requests (LED Art 14–15): for one person, everything Polsam holds and every disclosure of it,
 * as a document (JSON and PDF) the administrator reviews before release. Finding and reporting show person
 * data, so both need a justification and are logged as consultations (LED Art 25(2)).
 */
import type { DataSubjectReport } from '../../../shared/accountability.schemas.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import { inTransaction, type Actor, type Ctx } from '../../platform/context.ts';
import { t } from '../../platform/i18n.ts';
import { accountabilityErrors as E } from './accountability.errors.ts';
import { renderPdf } from '../../platform/pdf.ts';
import * as repo from './accountability.repository.ts';
import { toEntryView } from './audit-search.service.ts';
import * as ds from './data-subject.repository.ts';

type ActorCtx = Ctx & { actor: Actor };
const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

function toHeld(p: ds.HeldPersonRow) {
  return {
    id: p.id, requestId: p.request_id, reference: p.reference, fullName: p.full_name, aliases: p.aliases, dateOfBirth: p.date_of_birth,
    nationalities: p.nationalities, documents: p.documents as unknown[], category: p.category, nature: p.nature,
    reliability: p.reliability, accuracy: p.accuracy, notes: p.notes, createdAt: iso(p.created_at)!, nextReviewAt: iso(p.next_review_at),
  };
}

function toWanted(w: ds.HeldWantedRow) {
  return {
    id: w.id, reference: w.reference, fullName: w.full_name, otherScriptNames: w.other_script_names, aliases: w.aliases,
    dateOfBirth: w.date_of_birth, nationalities: w.nationalities, status: w.status, offence: w.offence, createdAt: iso(w.created_at)!,
  };
}

/**
 * Finds the persons a data subject may be (by name or alias, in requests and in the wanted register); logged as
 * a consultation with its justification. The name searched is not logged (no names in the log), the ids found are.
 */
export async function findDataSubject(ctx: ActorCtx, name: string, justification: string) {
  return inTransaction(ctx, async (tx) => {
    const [rows, wanted] = [await ds.findPersonsByName(tx.db, name), await ds.findWantedByName(tx.db, name)];
    await audit(tx, {
      category: 'consultation', action: 'accountability.data_subject.search', entityType: 'person',
      personIds: [...rows, ...wanted].map((r) => r.id), justification, details: { matches: rows.length + wanted.length },
    });
    return { items: rows.map(toHeld), wanted: wanted.map(toWanted) };
  });
}

/** Everything held on the persons and every disclosure of them; logged as a consultation. */
export async function dataSubjectReport(ctx: ActorCtx, personIds: string[], justification: string): Promise<DataSubjectReport> {
  return inTransaction(ctx, async (tx) => {
    const [persons, wanted] = [await ds.personsByIds(tx.db, personIds), await ds.wantedByIds(tx.db, personIds)];
    const entries = (await repo.auditForPersons(tx.db, personIds)).map(toEntryView);
    // Erased persons have no rows left, but their disclosures stay on record and are still reported.
    if (!persons.length && !wanted.length && !entries.length) throw E.noPersons();
    const requestIds = [...new Set(persons.map((p) => p.request_id))];
    const [requests, items, messages] = [
      await ds.requestsByIds(tx.db, requestIds), await ds.itemsOfRequests(tx.db, requestIds), await ds.messagesOfRequests(tx.db, requestIds),
    ];
    await audit(tx, {
      category: 'consultation', action: 'accountability.data_subject.report', entityType: 'person', personIds, justification,
      details: { persons: persons.length, wanted: wanted.length, requests: requests.length, disclosures: entries.filter((e) => e.category === 'disclosure').length },
    });
    return {
      generatedAt: tx.clock.now().toISOString(), generatedBy: `${tx.actor!.displayName} (${tx.actor!.username})`, personIds,
      persons: persons.map(toHeld),
      wanted: wanted.map(toWanted),
      requests: requests.map((r) => ({
        id: r.id, reference: r.reference, direction: r.direction, channel: r.channel, countryCode: r.country_code,
        counterpartAuthority: r.counterpart_authority, status: r.status, purpose: r.purpose, receivedAt: iso(r.received_at),
        answeredAt: iso(r.answered_at), closedAt: iso(r.closed_at), nextReviewAt: iso(r.next_review_at),
        items: items.filter((i) => i.request_id === r.id).map((i) => ({ content: i.content, nature: i.nature, reliability: i.reliability, accuracy: i.accuracy })),
        messages: messages.filter((m) => m.request_id === r.id).map((m) => ({ kind: m.kind, direction: m.direction, body: m.body, createdAt: iso(m.created_at)! })),
      })),
      disclosures: entries.filter((e) => e.category === 'disclosure'),
      otherProcessing: entries.filter((e) => e.category !== 'disclosure'),
    };
  });
}

/** The report as a printable PDF, marked as a draft for review before release. */
export async function dataSubjectReportPdf(ctx: ActorCtx, personIds: string[], justification: string): Promise<Buffer> {
  const r = await dataSubjectReport(ctx, personIds, justification);
  const L = (k: string, p: Record<string, unknown> = {}) => t(ctx.locale, `accountability.dataSubject.${k}`, p);
  const entryRow = (e: DataSubjectReport['disclosures'][number]) => [e.at, e.actorLabel, e.action, e.recipient ?? '', e.justification ?? ''];
  return renderPdf({
    title: L('report.title'),
    facts: [
      [L('report.generatedAt'), r.generatedAt], [L('report.generatedBy'), r.generatedBy], [L('report.status'), L('report.draft')],
      [L('report.personIds'), r.personIds.join(', ')],
    ],
    sections: [
      {
        heading: L('report.persons'), empty: L('report.none'),
        table: {
          header: ['name', 'dateOfBirth', 'category', 'reference', 'nextReview'].map((k) => L(`columns.${k}`)),
          rows: r.persons.map((p) => [[p.fullName, ...p.aliases].join(' / '), p.dateOfBirth ?? '', p.category, p.reference, p.nextReviewAt ?? '']),
          widths: [30, 12, 14, 18, 20],
        },
      },
      {
        heading: L('report.wanted'), empty: L('report.none'),
        table: {
          header: ['name', 'dateOfBirth', 'status', 'reference', 'offence'].map((k) => L(`columns.${k}`)),
          rows: r.wanted.map((w) => [[w.fullName, ...w.otherScriptNames, ...w.aliases].join(' / '), w.dateOfBirth ?? '', w.status, w.reference, w.offence]),
          widths: [30, 12, 12, 14, 32],
        },
      },
      ...r.requests.map((q) => ({
        heading: `${L('report.request')} ${q.reference}`,
        lines: [
          `${L('columns.country')}: ${q.countryCode} · ${q.counterpartAuthority} · ${q.direction} · ${q.channel} · ${q.status}`,
          `${L('columns.purpose')}: ${q.purpose}`,
          ...q.items.map((i) => `• ${i.content} (${i.nature}, ${i.reliability}${i.accuracy})`),
          ...q.messages.map((m) => `${m.createdAt} [${m.kind}] ${m.body}`),
        ],
      })),
      {
        heading: L('report.disclosures'), empty: L('report.none'),
        table: { header: ['at', 'actor', 'action', 'recipient', 'justification'].map((k) => L(`columns.${k}`)), rows: r.disclosures.map(entryRow), widths: [18, 12, 24, 22, 24] },
      },
      {
        heading: L('report.otherProcessing'), empty: L('report.none'),
        table: { header: ['at', 'actor', 'action', 'recipient', 'justification'].map((k) => L(`columns.${k}`)), rows: r.otherProcessing.map(entryRow), widths: [18, 12, 24, 22, 24] },
      },
    ],
    footer: L('report.footer'),
  });
}
