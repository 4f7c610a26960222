/**
 * Import of Interpol public Red Notices (JSON parsed by the channels module) into the register and the matching
 * index. Idempotent by Interpol entity id; batched so that 100,000 notices go in a few statements per thousand.
 */
import type { ImportResult } from '../../../shared/wanted.schemas.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { parseNoticeList, parseNoticeRecord, type NoticeImportError, type NoticeRecord } from '../channels/index.ts';
import { wantedErrors as E } from './wanted.errors.ts';
import { indexWanted } from './wanted.hooks.ts';
import * as repo from './wanted.repository.ts';

export const IMPORT_BATCH = 2000;

/** Parses an Interpol export: a list page `{ _embedded: { notices } }`, a bare array of notices, or one detail. */
export function parseInterpolDocument(doc: unknown): { records: NoticeRecord[]; errors: NoticeImportError[]; received: number } {
  if (Array.isArray(doc)) {
    const records: NoticeRecord[] = [];
    const errors: NoticeImportError[] = [];
    doc.forEach((raw, i) => {
      const r = parseNoticeRecord(raw, i, { kind: 'red' });
      if (r.ok) records.push(r.record);
      else errors.push(r.error);
    });
    return { records, errors, received: doc.length };
  }
  if (doc && typeof doc === 'object' && '_embedded' in doc) {
    const r = parseNoticeList(doc, { kind: 'red' });
    return { records: r.records, errors: r.errors, received: r.records.length + r.errors.length };
  }
  if (doc && typeof doc === 'object' && 'entity_id' in doc) {
    const r = parseNoticeRecord(doc, 0, { kind: 'red' });
    return r.ok ? { records: [r.record], errors: [], received: 1 } : { records: [], errors: [r.error], received: 1 };
  }
  throw E.importInvalid();
}

function toRow(r: NoticeRecord, nodeCountry: string): repo.ImportRow {
  const name = [r.forename, r.name].filter(Boolean).join(' ').trim();
  const marks = [r.distinguishingMarks, r.heightM ? `${r.heightM} m` : null, r.weightKg ? `${r.weightKg} kg` : null].filter(Boolean).join('; ');
  const offence = r.charges.map((c) => c.translation ?? c.charge).join('; ').slice(0, 2000) || 'Interpol Red Notice';
  const issuer = r.charges.find((c) => c.country)?.country ?? r.nationalities[0] ?? 'XX';
  return {
    entity_id: r.entityId, full_name: name, aliases: r.birthName ? [r.birthName] : [], date_of_birth: r.dateOfBirth,
    place_of_birth: [r.placeOfBirth, r.countryOfBirth].filter(Boolean).join(', ') || null, gender: r.sex,
    nationalities: r.nationalities, description: marks || null, offence,
    // A notice issued at the request of this country is ours already; keep its issuer visible anyway.
    issuing_country: issuer === nodeCountry ? nodeCountry : issuer,
  };
}

/**
 * Imports parsed notices: only Red Notices with a name; duplicates (in the file or already stored) are skipped.
 * One transaction: an import is stored whole or not at all, with one audit entry.
 */
export async function importNotices(ctx: Ctx, parsed: { records: NoticeRecord[]; errors: NoticeImportError[]; received: number }): Promise<ImportResult> {
  const seen = new Set<string>();
  const rows: repo.ImportRow[] = [];
  let skipped = 0;
  let duplicates = 0;
  for (const r of parsed.records) {
    if ((r.kind && r.kind !== 'red') || (!r.name && !r.forename)) { skipped++; continue; }
    if (seen.has(r.entityId)) { duplicates++; continue; }
    seen.add(r.entityId);
    rows.push(toRow(r, ctx.nodeCountry));
  }
  const inserted = await inTransaction(ctx, async (tx) => {
    let n = 0;
    for (let i = 0; i < rows.length; i += IMPORT_BATCH) {
      const batch = rows.slice(i, i + IMPORT_BATCH);
      const ins = await repo.insertImportedBatch(tx.db, batch, tx.clock.now(), tx.actor?.id ?? null);
      n += ins.length;
      if (ins.length) {
        const byEntity = new Map(batch.map((b) => [b.entity_id, b]));
        await indexWanted(tx, ins.map(({ id, entity_id, reference }) => {
          const b = byEntity.get(entity_id)!;
          return { kind: 'wanted_person' as const, id, reference, names: [b.full_name, ...b.aliases], dateOfBirth: b.date_of_birth, nationalities: b.nationalities, gender: b.gender, active: true };
        }));
      }
    }
    await audit(tx, {
      category: 'collection', action: 'wanted.import.interpol', entityType: 'wanted_person',
      details: { received: parsed.received, inserted: n, duplicates: rows.length - n + duplicates, skipped, errors: parsed.errors.length },
    });
    return n;
  });
  return { received: parsed.received, inserted, duplicates: rows.length - inserted + duplicates, skipped, errors: parsed.errors.slice(0, 100) };
}
