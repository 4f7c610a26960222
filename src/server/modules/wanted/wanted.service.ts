/**
 * Use cases of the FAST register: register wanted persons with their warrants, consult them (always with a
 * justification, LED Art 25), and the search work — leads, tasks, locations, photos, requests to foreign FAST
 * teams. Named state changes are in wanted.actions.ts; the public appeal in wanted.public.ts.
 */
import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import type { z } from 'zod';
import type {
  AddWarrantInput, article3Input, CreateWantedInput, foreignRequestInput, LegalBasis, leadInput, linkRequestInput, ListWantedQuery, locationInput,
  RequestingAuthority, taskInput, UpdateWantedInput, WantedDetail, WantedStatus, WarrantInput, WarrantKind,
} from '../../../shared/wanted.schemas.ts';
import { SOUGHT_STATUSES } from '../../../shared/wanted.schemas.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import { inTransaction, type Actor, type Ctx } from '../../platform/context.ts';
import { createRequest, getRequestDetail } from '../exchange/index.ts';
import { arrestClocks, refreshLapseJobs } from './wanted.clocks.ts';
import { wantedErrors as E } from './wanted.errors.ts';
import { clockViewOf, eventParamsOf, overrunClocks } from './wanted.view.ts';
import { indexWanted, type WantedIndexEntry } from './wanted.hooks.ts';
import { allowedActions, BASES_BY_AUTHORITY, maySeeRegister, WARRANTS_BY_BASIS } from './wanted.policy.ts';
import * as repo from './wanted.repository.ts';

export type ActorCtx = Ctx & { actor: Actor };

/** Only FAST officers see the register; for anybody else it does not exist. */
export function requireRegister(ctx: ActorCtx): void {
  if (!maySeeRegister(ctx.actor)) throw E.notFound();
}

const today = (ctx: Ctx) => ctx.clock.now().toISOString().slice(0, 10);

/** Checks a warrant against the search's legal basis and authority, and its dates against each other. */
export function checkWarrant(ctx: Ctx, w: WarrantInput, basis: LegalBasis, authority: RequestingAuthority, prefix: string): void {
  const path = (field: string) => (prefix ? `${prefix}.${field}` : field);
  if (!WARRANTS_BY_BASIS[basis].includes(w.kind)) throw E.invalid('warrant_mismatch', path('kind'), { kind: w.kind, basis });
  // A Swedish authority's EAW, Nordic warrant or SIS alert is issued in Sweden; a foreign authority's is not.
  const swedishIssued = w.issuingCountry === ctx.nodeCountry;
  if ((authority === 'foreign') === swedishIssued && w.kind !== 'red_notice' && w.kind !== 'diffusion') {
    throw E.invalid('issuer_mismatch', path('issuingCountry'), { kind: w.kind });
  }
  if (w.issuedAt > today(ctx)) throw E.invalid('date_in_future', path('issuedAt'));
  if (w.validUntil && w.validUntil < w.issuedAt) throw E.invalid('date_out_of_order', path('validUntil'));
  if (w.reviewAt && w.reviewAt < w.issuedAt) throw E.invalid('date_out_of_order', path('reviewAt'));
  // FD 2002/584/JHA Art 8(1)(c)-(d): an EAW names the enforceable decision and the offence.
  if (w.kind === 'eaw' && (!w.eaw?.c_judgment || !w.eaw?.d_offence)) throw E.invalid('eaw_fields_required', path('eaw'));
}

function warrantRow(ctx: Ctx, personId: string, w: WarrantInput): repo.NewWarrantRow {
  const interpol = w.kind === 'red_notice' || w.kind === 'diffusion';
  return {
    personId, kind: w.kind, issuingCountry: w.issuingCountry, issuingAuthority: w.issuingAuthority, issuedAt: w.issuedAt,
    validUntil: w.validUntil ?? null, reviewAt: w.reviewAt ?? null, channelReference: w.channelReference ?? null,
    eaw: w.kind === 'eaw' ? (w.eaw ?? null) : null,
    // Interpol Constitution Art 3: every notice and diffusion is reviewed by the General Secretariat.
    article3Status: interpol ? (w.article3Status ?? 'pending') : null, article3Reason: interpol ? (w.article3Reason ?? null) : null,
    status: 'active', createdAt: ctx.clock.now(),
  };
}

/** The index entry of a stored person: every written form of the name. */
export function indexEntryOf(p: Pick<repo.PersonRow, 'id' | 'reference' | 'fullName' | 'otherScriptNames' | 'aliases' | 'dateOfBirth' | 'nationalities' | 'gender' | 'status'>): WantedIndexEntry {
  return {
    kind: 'wanted_person', id: p.id, reference: p.reference, names: [p.fullName, ...p.otherScriptNames, ...p.aliases],
    // An arrested person stays in the cross-check while the surrender clocks run: a request naming him must show it.
    dateOfBirth: p.dateOfBirth, nationalities: p.nationalities, gender: p.gender, active: SOUGHT_STATUSES.includes(p.status as WantedStatus) || p.status === 'arrested',
  };
}

/** Registers a wanted person with the warrants behind the search, indexes the names, and plans lapse reminders. */
export async function createWanted(ctx: ActorCtx, input: CreateWantedInput): Promise<WantedDetail> {
  requireRegister(ctx);
  if (!BASES_BY_AUTHORITY[input.requestingAuthority].includes(input.legalBasis)) {
    throw E.invalid('basis_mismatch', 'legalBasis', { authority: input.requestingAuthority, basis: input.legalBasis });
  }
  input.warrants.forEach((w, i) => checkWarrant(ctx, w, input.legalBasis, input.requestingAuthority, `warrants.${i}`));
  const id = await inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const p = await repo.insertPerson(tx.db, {
      source: 'manual', fullName: input.fullName, otherScriptNames: input.otherScriptNames, aliases: input.aliases,
      dateOfBirth: input.dateOfBirth ?? null, placeOfBirth: input.placeOfBirth ?? null, gender: input.gender,
      nationalities: input.nationalities, documents: input.documents, description: input.description ?? null,
      requestingAuthority: input.requestingAuthority, authorityReference: input.authorityReference, legalBasis: input.legalBasis,
      offence: input.offence, offenceSummary: input.offenceSummary ?? null, dangerWarnings: input.dangerWarnings ?? null,
      handlingWarnings: input.handlingWarnings ?? null, status: 'wanted', officerId: tx.actor!.id, createdBy: tx.actor!.id,
      createdAt: now, updatedAt: now,
    });
    const warrants = await repo.insertWarrants(tx.db, input.warrants.map((w) => warrantRow(tx, p.id, w)));
    for (const w of warrants) await refreshLapseJobs(tx, w);
    await repo.insertEvent(tx.db, { personId: p.id, kind: 'registered', at: now, actorId: tx.actor!.id, params: { reference: input.authorityReference } });
    await audit(tx, {
      category: 'collection', action: 'wanted.person.register', entityType: 'wanted_person', entityId: p.id, personIds: [p.id],
      details: { reference: p.reference, authority: p.requestingAuthority, basis: p.legalBasis, warrants: warrants.map((w) => w.kind) },
    });
    await indexWanted(tx, [indexEntryOf(p)]);
    return p.id;
  });
  return buildDetail(ctx, id);
}

/** Corrects identity or case facts (names in other scripts, aliases …); the index follows in the same transaction. */
export async function updateWanted(ctx: ActorCtx, id: string, input: UpdateWantedInput): Promise<WantedDetail> {
  requireRegister(ctx);
  const { version, ...fields } = input;
  const changed = Object.keys(fields).filter((k) => fields[k as keyof typeof fields] !== undefined);
  await inTransaction(ctx, async (tx) => {
    const p = await repo.findPerson(tx.db, id, true);
    if (!p) throw E.notFound();
    if (version !== p.version) throw E.staleVersion();
    const patch: Partial<repo.NewPersonRow> = { updatedAt: tx.clock.now() };
    for (const k of changed) (patch as Record<string, unknown>)[k] = fields[k as keyof typeof fields] ?? null;
    const updated = await repo.updatePersonVersioned(tx.db, p.id, p.version, patch);
    if (!updated) throw E.staleVersion();
    await repo.insertEvent(tx.db, { personId: p.id, kind: 'updated', at: tx.clock.now(), actorId: tx.actor!.id, params: { fields: changed } });
    await audit(tx, { category: 'alteration', action: 'wanted.person.update', entityType: 'wanted_person', entityId: p.id, personIds: [p.id], details: { reference: p.reference, fields: changed } });
    await indexWanted(tx, [indexEntryOf(updated)]);
  });
  return buildDetail(ctx, id);
}

/** Adds a warrant or alert to a person still sought, against the version of the record the officer saw. */
export async function addWarrant(ctx: ActorCtx, id: string, input: AddWarrantInput): Promise<WantedDetail> {
  requireRegister(ctx);
  const { version, ...w } = input;
  await inTransaction(ctx, async (tx) => {
    const p = await repo.findPerson(tx.db, id, true);
    if (!p) throw E.notFound();
    if (version !== p.version) throw E.staleVersion();
    if (!SOUGHT_STATUSES.includes(p.status as WantedStatus)) throw E.invalidTransition('add_warrant', p.status);
    checkWarrant(tx, w, p.legalBasis as LegalBasis, p.requestingAuthority as RequestingAuthority, '');
    if (!(await repo.updatePersonVersioned(tx.db, p.id, p.version, { updatedAt: tx.clock.now() }))) throw E.staleVersion();
    const [row] = await repo.insertWarrants(tx.db, [warrantRow(tx, p.id, w)]);
    await refreshLapseJobs(tx, row);
    await repo.insertEvent(tx.db, { personId: p.id, kind: 'warrant_added', at: tx.clock.now(), actorId: tx.actor!.id, params: { warrant: w.kind, country: w.issuingCountry } });
    await audit(tx, { category: 'collection', action: 'wanted.warrant.add', entityType: 'wanted_person', entityId: p.id, personIds: [p.id], details: { warrantId: row.id, kind: w.kind } });
  });
  return buildDetail(ctx, id);
}

/** Records Interpol's Article 3 review of a Red Notice or diffusion; a refused one can no longer carry an arrest. */
export async function reviewArticle3(ctx: ActorCtx, id: string, warrantId: string, input: z.infer<typeof article3Input>): Promise<WantedDetail> {
  requireRegister(ctx);
  await inTransaction(ctx, async (tx) => {
    const p = await repo.findPerson(tx.db, id, true);
    if (!p) throw E.notFound();
    const w = (await repo.warrantsOf(tx.db, [p.id])).find((x) => x.id === warrantId);
    if (!w) throw E.notFound();
    if (w.kind !== 'red_notice' && w.kind !== 'diffusion') throw E.invalid('article3_not_interpol', 'status');
    // Interpol RPD Art 34: a refusal has to be understood, so it is recorded with its reason.
    if (input.status === 'refused' && !input.reason) throw E.invalid('article3_reason_required', 'reason');
    await repo.updateWarrant(tx.db, p.id, w.id, { article3Status: input.status, article3Reason: input.reason ?? null });
    await repo.insertEvent(tx.db, { personId: p.id, kind: 'article3_review', at: tx.clock.now(), actorId: tx.actor!.id, params: { warrant: w.kind, review: input.status } });
    await audit(tx, { category: 'alteration', action: 'wanted.warrant.article3', entityType: 'wanted_person', entityId: p.id, personIds: [p.id], details: { warrantId: w.id, status: input.status } });
  });
  return buildDetail(ctx, id);
}

/** The register: search by name in any script, alias or reference; logged as a consultation with its justification. */
export async function listWanted(ctx: ActorCtx, q: ListWantedQuery) {
  requireRegister(ctx);
  const { items, total } = await repo.listPersons(ctx.db, q);
  const warrants = await repo.warrantsOf(ctx.db, items.map((p) => p.id));
  await inTransaction(ctx, (tx) => audit(tx, {
    category: 'consultation', action: 'wanted.register.search', entityType: 'wanted_person', personIds: items.map((p) => p.id),
    // The log names persons by id only (an erasure cannot edit it): the name searched for is not kept.
    justification: q.justification, details: { withText: !!q.q, status: q.status ?? null, shown: items.length },
  }));
  return { total, items: items.map((p) => summaryOf(p, warrants.filter((w) => w.personId === p.id).map((w) => w.kind as WarrantKind))) };
}

function summaryOf(p: repo.PersonRow, kinds: WarrantKind[]) {
  return {
    id: p.id, reference: p.reference, fullName: p.fullName, dateOfBirth: p.dateOfBirth, nationalities: p.nationalities,
    status: p.status as WantedStatus, requestingAuthority: p.requestingAuthority as RequestingAuthority,
    warrantKinds: [...new Set(kinds)], published: p.published, source: p.source, hasWarnings: !!(p.dangerWarnings || p.handlingWarnings),
  };
}

/** Shows one wanted person; LED Art 25: logged as a consultation with the officer's justification. */
export async function consultWanted(ctx: ActorCtx, id: string, justification: string): Promise<WantedDetail> {
  requireRegister(ctx);
  const p = await repo.findPerson(ctx.db, id);
  if (!p) throw E.notFound();
  await inTransaction(ctx, (tx) => audit(tx, { category: 'consultation', action: 'wanted.person.view', entityType: 'wanted_person', entityId: p.id, personIds: [p.id], justification }));
  return buildDetail(ctx, id);
}

/** The full record as a FAST officer sees it (callers audit the view or the act that led to it). */
export async function buildDetail(ctx: ActorCtx, id: string): Promise<WantedDetail> {
  const p = await repo.findPerson(ctx.db, id);
  if (!p) throw E.notFound();
  const [warrants, photos, leads, tasks, locations, requests, events, decision] = [
    await repo.warrantsOf(ctx.db, [p.id]), await repo.photosOf(ctx.db, p.id), await repo.leadsOf(ctx.db, p.id), await repo.tasksOf(ctx.db, p.id),
    await repo.locationsOf(ctx.db, p.id), await repo.requestsOf(ctx.db, p.id), await repo.eventsOf(ctx.db, p.id),
    await repo.lastPublicationDecision(ctx.db, p.id),
  ];
  const arrestWarrant = warrants.find((w) => w.id === p.arrestWarrantId) ?? null;
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  const timeline = events.map(({ e, actorName }) => {
    const params = eventParamsOf(e.note);
    return { id: e.id, kind: e.kind, at: e.at.toISOString(), note: params ? null : e.note, params, actorName };
  });
  return {
    ...summaryOf(p, warrants.map((w) => w.kind as WarrantKind)),
    version: p.version, otherScriptNames: p.otherScriptNames, aliases: p.aliases, placeOfBirth: p.placeOfBirth, gender: p.gender as 'unknown',
    documents: p.documents as WantedDetail['documents'], description: p.description, authorityReference: p.authorityReference,
    legalBasis: p.legalBasis as LegalBasis, offence: p.offence, offenceSummary: p.offenceSummary, dangerWarnings: p.dangerWarnings,
    handlingWarnings: p.handlingWarnings, interpolEntityId: p.interpolEntityId,
    warrants: warrants.map((w) => ({
      id: w.id, kind: w.kind as WarrantKind, issuingCountry: w.issuingCountry, issuingAuthority: w.issuingAuthority, issuedAt: w.issuedAt,
      validUntil: w.validUntil, reviewAt: w.reviewAt, channelReference: w.channelReference, eaw: (w.eaw as WantedDetail['warrants'][number]['eaw']) ?? null,
      article3Status: w.article3Status as 'pending' | null, article3Reason: w.article3Reason, status: w.status,
    })),
    arrest: p.arrestedAt && arrestWarrant ? {
      warrantId: arrestWarrant.id, warrantKind: arrestWarrant.kind as WarrantKind, countryCode: p.arrestCountry ?? '', place: p.arrestPlace,
      arrestedAt: p.arrestedAt.toISOString(), consent: p.consent, consentAt: iso(p.consentAt), exceptional: p.exceptional,
      finalDecisionAt: iso(p.finalDecisionAt), agreedSurrenderAt: iso(p.agreedSurrenderAt),
    } : null,
    clocks: arrestClocks(p, (arrestWarrant?.kind as WarrantKind) ?? null, ctx.clock.now()).map((c) => clockViewOf(c, overrunClocks(timeline))),
    photos: photos.map((ph) => ({ ...ph, size: Number(ph.size) })),
    leads: leads.map((l) => ({ id: l.id, source: l.source, sourceCountry: l.sourceCountry, body: l.body, contact: l.contact, receivedAt: l.receivedAt.toISOString() })),
    tasks: tasks.map((t) => ({ id: t.id, title: t.title, dueAt: iso(t.dueAt), doneAt: iso(t.doneAt), assigneeId: t.assigneeId })),
    locations: locations.map((l) => ({ id: l.id, countryCode: l.countryCode, place: l.place, fromDate: l.fromDate, toDate: l.toDate, source: l.source })),
    requests: requests.map((r) => ({ requestId: r.requestId, direction: r.direction, createdAt: r.createdAt.toISOString() })),
    timeline,
    publication: { published: p.published, decidedAt: iso(decision?.d.decidedAt ?? null), decidedBy: decision?.by ?? null, decision: decision?.d.reason ?? null },
    allowedActions: allowedActions(ctx.actor, p.status as WantedStatus, p.published, (arrestWarrant?.kind as WarrantKind | undefined) ?? null),
  };
}

/** Loads a person FOR UPDATE for search work; only persons whose search is still open take new work. */
async function lockOpen(tx: Ctx, id: string): Promise<repo.PersonRow> {
  const p = await repo.findPerson(tx.db, id, true);
  if (!p) throw E.notFound();
  return p;
}

/** Records a lead or tip from an officer or a foreign FAST team. */
export async function addLead(ctx: ActorCtx, id: string, input: z.infer<typeof leadInput>): Promise<WantedDetail> {
  requireRegister(ctx);
  const at = input.receivedAt ? new Date(input.receivedAt) : ctx.clock.now();
  if (at.getTime() > ctx.clock.now().getTime() + 5 * 60_000) throw E.invalid('date_in_future', 'receivedAt');
  await inTransaction(ctx, async (tx) => {
    const p = await lockOpen(tx, id);
    const lead = await repo.insertLead(tx.db, { personId: p.id, source: input.source, sourceCountry: input.sourceCountry ?? null, body: input.body, receivedAt: at, createdBy: tx.actor!.id });
    await repo.insertEvent(tx.db, { personId: p.id, kind: 'lead', at, actorId: tx.actor!.id, params: { source: input.source, country: input.sourceCountry ?? null } });
    await audit(tx, { category: 'collection', action: 'wanted.lead.add', entityType: 'wanted_person', entityId: p.id, personIds: [p.id], details: { leadId: lead.id, source: input.source } });
  });
  return buildDetail(ctx, id);
}

/** Adds a task to the search, optionally for another FAST officer. */
export async function addTask(ctx: ActorCtx, id: string, input: z.infer<typeof taskInput>): Promise<WantedDetail> {
  requireRegister(ctx);
  await inTransaction(ctx, async (tx) => {
    const p = await lockOpen(tx, id);
    if (input.assigneeId && !(await repo.isFastOfficer(tx.db, input.assigneeId))) throw E.invalid('assignee_invalid', 'assigneeId');
    const task = await repo.insertTask(tx.db, { personId: p.id, title: input.title, dueAt: input.dueAt ? new Date(input.dueAt) : null, assigneeId: input.assigneeId ?? null, createdBy: tx.actor!.id, createdAt: tx.clock.now() });
    await repo.insertEvent(tx.db, { personId: p.id, kind: 'task', at: tx.clock.now(), actorId: tx.actor!.id, params: { title: input.title } });
    await audit(tx, { category: 'alteration', action: 'wanted.task.add', entityType: 'wanted_person', entityId: p.id, details: { taskId: task.id } });
  });
  return buildDetail(ctx, id);
}

/** Marks a task of the search done. */
export async function completeTask(ctx: ActorCtx, id: string, taskId: string): Promise<WantedDetail> {
  requireRegister(ctx);
  await inTransaction(ctx, async (tx) => {
    const p = await lockOpen(tx, id);
    if (!(await repo.completeTask(tx.db, p.id, taskId, tx.clock.now()))) throw E.notFound();
    await audit(tx, { category: 'alteration', action: 'wanted.task.complete', entityType: 'wanted_person', entityId: p.id, details: { taskId } });
  });
  return buildDetail(ctx, id);
}

/** Records where the person was (or is believed to be), with dates. */
export async function addLocation(ctx: ActorCtx, id: string, input: z.infer<typeof locationInput>): Promise<WantedDetail> {
  requireRegister(ctx);
  if (input.fromDate && input.toDate && input.toDate < input.fromDate) throw E.invalid('date_out_of_order', 'toDate');
  if (input.fromDate && input.fromDate > today(ctx)) throw E.invalid('date_in_future', 'fromDate');
  await inTransaction(ctx, async (tx) => {
    const p = await lockOpen(tx, id);
    const loc = await repo.insertLocation(tx.db, { personId: p.id, countryCode: input.countryCode, place: input.place ?? null, fromDate: input.fromDate ?? null, toDate: input.toDate ?? null, source: input.source ?? null, createdBy: tx.actor!.id, createdAt: tx.clock.now() });
    await repo.insertEvent(tx.db, { personId: p.id, kind: 'location', at: tx.clock.now(), actorId: tx.actor!.id, params: { country: input.countryCode, place: input.place ?? null } });
    await audit(tx, { category: 'collection', action: 'wanted.location.add', entityType: 'wanted_person', entityId: p.id, personIds: [p.id], details: { locationId: loc.id, country: input.countryCode } });
  });
  return buildDetail(ctx, id);
}

/** Drafts an outgoing request to a foreign FAST team on the SPOC desk (exchange) and links it to the search. */
export async function draftForeignRequest(ctx: ActorCtx, id: string, input: z.infer<typeof foreignRequestInput>): Promise<{ requestId: string; detail: WantedDetail }> {
  requireRegister(ctx);
  const requestId = await inTransaction(ctx, async (tx) => {
    const p = await lockOpen(tx, id);
    const t = tx as ActorCtx;
    const r = await createRequest(t, {
      direction: 'outgoing', channel: 'siena', countryCode: input.countryCode, counterpartAuthority: input.counterpartAuthority,
      urgent: input.urgent, urgencyReason: input.urgent ? 'restrictive_measure' : null, access: 'indirect', language: input.language as 'en',
      handlingCode: 'H0', europolMandate: true, europolCopy: false, europolCopyReason: 'ENFAST request between national FAST teams', subject: `FAST ${p.reference}`,
      informationSought: input.informationSought, purpose: `Locating and arresting a person wanted by ${tx.nodeCountry} (${p.reference})`,
      offence: p.offence.slice(0, 500),
      persons: [{
        fullName: p.fullName, aliases: [...p.otherScriptNames, ...p.aliases].slice(0, 50), dateOfBirth: p.dateOfBirth, gender: p.gender as 'unknown',
        nationalities: p.nationalities, documents: [], category: p.legalBasis === 'prison_sentence' ? 'convicted' : 'suspect', nature: 'fact',
        reliability: 'A', accuracy: '1', notes: null,
      }],
      items: [],
    } as Parameters<typeof createRequest>[1]);
    await repo.linkRequest(tx.db, { personId: p.id, requestId: r.id, direction: 'outgoing', createdAt: tx.clock.now() });
    await repo.insertEvent(tx.db, { personId: p.id, kind: 'request_drafted', at: tx.clock.now(), actorId: tx.actor!.id, params: { country: input.countryCode, reference: r.reference } });
    await audit(tx, { category: 'alteration', action: 'wanted.request.draft', entityType: 'wanted_person', entityId: p.id, details: { requestId: r.id } });
    return r.id;
  });
  return { requestId, detail: await buildDetail(ctx, id) };
}

/** Links a request (e.g. an incoming one from a foreign FAST team) that the officer can see on the desk. */
export async function linkForeignRequest(ctx: ActorCtx, id: string, input: z.infer<typeof linkRequestInput>): Promise<WantedDetail> {
  requireRegister(ctx);
  await getRequestDetail(ctx, input.requestId);
  await inTransaction(ctx, async (tx) => {
    const p = await lockOpen(tx, id);
    await repo.linkRequest(tx.db, { personId: p.id, requestId: input.requestId, direction: input.direction, createdAt: tx.clock.now() });
    await repo.insertEvent(tx.db, { personId: p.id, kind: 'request_linked', at: tx.clock.now(), actorId: tx.actor!.id, params: { direction: input.direction } });
    await audit(tx, { category: 'combination', action: 'wanted.request.link', entityType: 'wanted_person', entityId: p.id, details: { requestId: input.requestId } });
  });
  return buildDetail(ctx, id);
}

/** Photo types accepted, decided by sniffing the bytes. */
const PHOTO_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp']);
export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;

/** Stores a photo after checking its size and sniffed type; nothing is stored when either fails. */
export async function addPhoto(ctx: ActorCtx, id: string, data: Buffer, isPublic: boolean, maxBytes = PHOTO_MAX_BYTES): Promise<WantedDetail> {
  requireRegister(ctx);
  const max = Math.min(maxBytes, PHOTO_MAX_BYTES);
  if (data.length > max) throw E.photoTooLarge(max);
  const type = (await fileTypeFromBuffer(data))?.mime ?? 'application/octet-stream';
  if (!PHOTO_TYPES.has(type)) throw E.photoType(type);
  await inTransaction(ctx, async (tx) => {
    const p = await lockOpen(tx, id);
    const ph = await repo.insertPhoto(tx.db, { personId: p.id, contentType: type, size: data.length, sha256: createHash('sha256').update(data).digest('hex'), data, isPublic, createdBy: tx.actor!.id, createdAt: tx.clock.now() });
    await audit(tx, { category: 'collection', action: 'wanted.photo.add', entityType: 'wanted_person', entityId: p.id, personIds: [p.id], details: { photoId: ph.id, type, size: data.length, isPublic } });
  });
  return buildDetail(ctx, id);
}

/** A photo for a FAST officer; logged as a consultation with the officer's justification. */
export async function getPhoto(ctx: ActorCtx, id: string, photoId: string, justification: string) {
  requireRegister(ctx);
  const ph = await repo.findPhoto(ctx.db, id, photoId);
  if (!ph) throw E.notFound();
  await inTransaction(ctx, (tx) => audit(tx, { category: 'consultation', action: 'wanted.photo.view', entityType: 'wanted_person', entityId: id, personIds: [id], justification, details: { photoId } }));
  return ph;
}

/** The FAST desk: running clocks of arrested persons (least time left first) and warrants about to lapse. No names. */
export async function listClocks(ctx: ActorCtx) {
  requireRegister(ctx);
  const now = ctx.clock.now();
  const items = (await repo.arrestedPersons(ctx.db)).flatMap(({ p, warrantKind }) => {
    const running = arrestClocks(p, warrantKind as WarrantKind, now).filter((c) => !c.done);
    return running.map((c) => ({
      id: p.id, reference: p.reference, status: p.status as WantedStatus, warrantKind: warrantKind as WarrantKind,
      arrestCountry: p.arrestCountry ?? '', arrestedAt: p.arrestedAt!.toISOString(), clock: clockViewOf(c),
    }));
  }).sort((a, b) => (a.clock.dueAt ?? '9').localeCompare(b.clock.dueAt ?? '9'));
  const until = new Date(now.getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
  const lapsing = (await repo.lapsingWarrants(ctx.db, until)).flatMap(({ w, reference }) =>
    (['validUntil', 'reviewAt'] as const).filter((f) => w[f] && w[f]! <= until).map((field) => ({
      id: w.personId, reference, warrantId: w.id, warrantKind: w.kind as WarrantKind, field, date: w[field]!,
    })));
  return { serverTime: now.toISOString(), items, lapsing };
}

/** Every stored wanted person's names, a page at a time by id, for building or rebuilding the matching index. */
export async function listWantedNamesForIndex(ctx: Ctx, o: { afterId?: string | null; limit?: number } = {}): Promise<WantedIndexEntry[]> {
  const rows = await repo.namesPage(ctx.db, o.afterId ?? null, Math.min(o.limit ?? 1000, 10_000));
  return rows.map((r) => indexEntryOf({
    id: r.id, reference: r.reference, fullName: r.full_name, otherScriptNames: r.other_script_names ?? [], aliases: r.aliases ?? [],
    dateOfBirth: r.date_of_birth, nationalities: r.nationalities ?? [], gender: r.gender, status: r.status,
  }));
}

/**
 * What a hit on another officer's request may show of a wanted person: enough to act safely (status, warrant
 * kinds, a warning flag) and whom to call — never the case file.
 */
export async function describeWantedForHit(ctx: Ctx, id: string) {
  const p = await repo.findPerson(ctx.db, id);
  if (!p) return null;
  const warrants = await repo.warrantsOf(ctx.db, [p.id]);
  return {
    id: p.id, reference: p.reference, fullName: p.fullName, dateOfBirth: p.dateOfBirth, status: p.status as WantedStatus,
    warrantKinds: [...new Set(warrants.filter((w) => w.status === 'active').map((w) => w.kind as WarrantKind))],
    hasWarnings: !!(p.dangerWarnings || p.handlingWarnings), contact: 'FAST',
  };
}
