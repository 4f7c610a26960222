/**
 * The one way a request comes into being, whoever brings it: an officer at the desk, a peer node, a channel
 * (SIENA, SIRENE, Interpol …). Runs in the caller's transaction: reference, request row, persons, items, the first
 * thread message, the deadline with its reminder jobs, the audit entry and the cross-check all commit together.
 */
import type { CreateRequestInput, PersonInput } from '../../../shared/exchange.schemas.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { legalYear } from '../../platform/deadlines/index.ts';
import { refreshDeadline, regimeFor } from './exchange.deadlines.ts';
import { crossCheckHooks } from './exchange.hooks.ts';
import * as repo from './exchange.repository.ts';

/** Who brings the request and how it is recorded. */
export interface RegisterOptions {
  unitId: string;
  /** The officer who registers it; null when the system does (a peer node, a channel). */
  createdBy: string | null;
  /** false for own-initiative information (Dir. (EU) 2023/977 Art 7): recorded like a request, without a deadline. */
  withDeadline: boolean;
  /** The audit action and the note on the `started` deadline event (e.g. 'peer', 'channel:siena'). */
  auditAction: string;
  startedNote?: string | null;
  auditDetails?: Record<string, unknown>;
}

/** Registers an incoming request (the clock starts at its received-at time) or drafts an outgoing one. */
export async function registerRequest(ctx: Ctx, input: CreateRequestInput, o: RegisterOptions): Promise<repo.RequestRow> {
  const now = ctx.clock.now();
  const incoming = input.direction === 'incoming';
  const receivedAt = incoming && input.receivedAt ? new Date(input.receivedAt) : null;
  // Callers that build the input in code (demo data) and predate the Art 12 mandate question: a reason or a copy means it was assessed.
  const mandate = input.europolMandate ?? (!!input.europolCopy || !!input.europolCopyReason);
  // The reference carries the Stockholm year: a request received at 00:30 on 1 January is the new year's.
  const year = legalYear(receivedAt ?? now);
  const n = await repo.nextReference(ctx.db, `${ctx.nodeCountry}-${year}`);
  const row = await repo.insertRequest(ctx.db, {
    reference: `${ctx.nodeCountry}-${year}-${String(n).padStart(6, '0')}`,
    direction: input.direction, channel: input.channel, channelReason: input.channel === 'siena' ? null : input.channelReason ?? null,
    countryCode: input.countryCode, counterpartAuthority: input.counterpartAuthority,
    counterpartReference: input.counterpartReference ?? null, nationalAuthorityId: input.nationalAuthorityId ?? null,
    urgent: input.urgent, urgencyReason: input.urgent ? input.urgencyReason ?? null : null, access: input.access,
    receivedAt, language: input.language, handlingCode: input.handlingCode,
    handlingText: input.handlingCode === 'H3' ? input.handlingText ?? null : null,
    // Art 12: the reason not to copy Europol is recorded only where the offence is within Europol's objectives.
    europolMandate: mandate, europolCopy: mandate && !!input.europolCopy,
    europolCopyReason: mandate ? input.europolCopyReason ?? null : null, subject: input.subject,
    informationSought: input.informationSought, purpose: input.purpose, offence: input.offence ?? null,
    status: incoming ? 'received' : 'draft', unitId: o.unitId,
    regimeId: regimeFor({ channel: input.channel, countryCode: input.countryCode, information: incoming && !o.withDeadline }), clockStartAt: o.withDeadline ? receivedAt : null,
    createdBy: o.createdBy, createdAt: now, updatedAt: now,
  });
  const persons = await repo.insertPersons(ctx.db, personRows(row.id, input.persons, now));
  await repo.insertItems(ctx.db, input.items.map((it) => ({ ...it, requestId: row.id, createdAt: now })));
  await repo.insertMessage(ctx.db, {
    requestId: row.id, kind: o.withDeadline || !incoming ? 'request' : 'information', direction: incoming ? 'in' : 'out',
    body: input.informationSought, authorId: incoming ? null : o.createdBy, createdAt: receivedAt ?? now,
  });
  if (receivedAt && o.withDeadline) {
    await repo.insertDeadlineEvent(ctx.db, { requestId: row.id, kind: 'started', at: receivedAt, actorId: o.createdBy, note: o.startedNote ?? null });
  }
  await refreshDeadline(ctx, row);
  await audit(ctx, {
    category: 'collection', action: o.auditAction, entityType: 'request', entityId: row.id, personIds: persons.map((p) => p.id),
    details: { reference: row.reference, direction: row.direction, channel: row.channel, country: row.countryCode, persons: persons.length, ...o.auditDetails },
  });
  // Art 16(1)(d): whatever arrives is cross-checked against what the SPOC holds, in the same transaction.
  for (const hook of crossCheckHooks) await hook(ctx, row, persons);
  return row;
}

/** Rows of a request's persons, as stored. */
export function personRows(requestId: string, persons: PersonInput[], at: Date) {
  return persons.map((p) => ({
    requestId, fullName: p.fullName, aliases: p.aliases, dateOfBirth: p.dateOfBirth ?? null, gender: p.gender,
    nationalities: p.nationalities, documents: p.documents, category: p.category, nature: p.nature,
    reliability: p.reliability, accuracy: p.accuracy, notes: p.notes ?? null, createdAt: at,
  }));
}
