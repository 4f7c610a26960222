/**
 * Use cases of the SPOC desk: register and list requests, read one, consult its persons, add persons,
 * messages and attachments. State changes by named action are in exchange.actions.ts.
 */
import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import type { RequestStatus } from '../../../shared/domain.ts';
import type { CreateRequestInput, ListRequestsQuery, PersonInput, RequestDetail, RequestList } from '../../../shared/exchange.schemas.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import { inTransaction, type Actor, type Ctx } from '../../platform/context.ts';
import { getAuthority } from '../reference/index.ts';
import { allowedActions, mayCreateRequest, visibilityScope, type VisibilityScope } from './exchange.policy.ts';
import { exchangeErrors as E } from './exchange.errors.ts';
import { deadlineOf } from './exchange.deadlines.ts';
import { FINAL_STATUSES, flowOf } from './exchange.state.ts';
import * as repo from './exchange.repository.ts';
import { crossCheckHooks } from './exchange.hooks.ts';
import { personRows, registerRequest } from './exchange.register.ts';

type ActorCtx = Ctx & { actor: Actor };
/** How far back a request's received-at time may be registered by hand: one year. */
export const RECEIVED_MAX_AGE_MS = 365 * 86_400_000;

/** The actor's need-to-know scope, or "not found" for roles that see no cases. */
export function scopeOf(ctx: ActorCtx): VisibilityScope {
  const scope = visibilityScope(ctx.actor);
  if (!scope) throw E.notFound();
  return scope;
}

/** Registers an incoming request (the clock starts at its received-at time) or drafts an outgoing one. */
export async function createRequest(ctx: ActorCtx, input: CreateRequestInput): Promise<RequestDetail> {
  const now = ctx.clock.now();
  const receivedAt = input.direction === 'incoming' && input.receivedAt ? new Date(input.receivedAt) : null;
  // A request cannot have been received in the future (a small allowance for clock skew between machines).
  if (receivedAt && receivedAt.getTime() > now.getTime() + 5 * 60_000) throw E.invalid('received_in_future', [{ path: 'receivedAt', code: 'exchange.received_in_future' }]);
  // Nor long ago: a date decades back is a typing error, and would register a request whose deadline passed long since.
  if (receivedAt && receivedAt.getTime() < now.getTime() - RECEIVED_MAX_AGE_MS) throw E.invalid('received_too_old', [{ path: 'receivedAt', code: 'exchange.received_too_old' }]);
  if (input.direction === 'outgoing' && input.channel === 'ameripol') throw E.invalid('ameripol_observer', [{ path: 'channel', code: 'exchange.ameripol_observer' }]);
  if (input.nationalAuthorityId && !(await getAuthority(ctx, input.nationalAuthorityId))) {
    throw E.invalid('unknown_authority', [{ path: 'nationalAuthorityId', code: 'exchange.unknown_authority' }]);
  }
  const row = await inTransaction(ctx, (tx) => registerRequest(tx, input, {
    unitId: ctx.actor.unitId, createdBy: ctx.actor.id, withDeadline: true, auditAction: 'exchange.request.register',
  }));
  return getRequestDetail(ctx, row.id);
}

/**
 * Registers a request typed at the desk: only the desk's workers may (auditors, administrators and FAST-only
 * officers get "not found" before anything is written). Other modules' flows (FAST's drafts) call createRequest.
 */
export async function registerDeskRequest(ctx: ActorCtx, input: CreateRequestInput): Promise<RequestDetail> {
  if (!mayCreateRequest(ctx.actor)) throw E.notFound();
  return createRequest(ctx, input);
}

/** The duty queue: visible requests by time left, with filters. */
export async function listRequests(ctx: ActorCtx, q: ListRequestsQuery): Promise<RequestList> {
  const scope = scopeOf(ctx);
  const now = ctx.clock.now();
  const { items, total, totalCapped } = await repo.listVisibleRequests(ctx.db, scope, q, now, crossCheckHooks.openHitCountSql());
  const assignees = await repo.assigneesOf(ctx.db, items.map((i) => i.id));
  const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
  return {
    serverTime: now.toISOString(),
    total,
    totalCapped,
    items: items.map((r) => {
      const due = r.due_at ? new Date(r.due_at) : null;
      // A finished request keeps its due time for the record but has no time left.
      const remaining = due && !FINAL_STATUSES.includes(r.status as RequestStatus) ? due.getTime() - now.getTime() : null;
      return {
        id: r.id, reference: r.reference, direction: r.direction as 'incoming', channel: r.channel as 'siena',
        countryCode: r.country_code, status: r.status as RequestStatus, urgent: r.urgent, subject: r.subject,
        receivedAt: iso(r.received_at), dueAt: iso(r.due_at), paused: !!r.paused_since, remainingMs: remaining,
        overdue: remaining !== null && remaining < 0,
        assignees: assignees.filter((a) => a.requestId === r.id).map((a) => ({ id: a.id, displayName: a.displayName })),
        personCount: Number(r.person_count), openHitCount: Number(r.open_hit_count),
      };
    }),
  };
}

/** One request as its reader may see it (without person data: that needs a justification). */
export async function getRequestDetail(ctx: ActorCtx, id: string): Promise<RequestDetail> {
  const scope = scopeOf(ctx);
  const r = await repo.findVisibleRequest(ctx.db, scope, id);
  if (!r) throw E.notFound();
  const [assignees, events, messages, attachments, items, persons, d, authority, hitSummary] = [
    await repo.assigneesOf(ctx.db, [r.id]), await repo.deadlineEventsOf(ctx.db, r.id), await repo.messagesOf(ctx.db, r.id),
    await repo.attachmentsOf(ctx.db, r.id), await repo.itemsOf(ctx.db, r.id), await repo.personsOf(ctx.db, r.id),
    await deadlineOf(ctx, r), r.nationalAuthorityId ? await getAuthority(ctx, r.nationalAuthorityId) : null,
    await crossCheckHooks.hitSummaryFor(ctx, r.id),
  ];
  const unit = await repo.unitOf(ctx.db, r.unitId);
  const iso = (x: Date | null | undefined) => (x ? x.toISOString() : null);
  // A finished request has no time left and no paused clock, whatever its clock showed when it ended.
  const ended = FINAL_STATUSES.includes(r.status as RequestStatus);
  const deadline = {
    regimeId: r.regimeId, ruleId: d?.ruleId ?? null, legalBasis: d?.legalBasis ?? null, startAt: iso(d?.startAt), dueAt: iso(d?.dueAt),
    expectedAt: iso(r.expectedAt), paused: !ended && (d?.paused ?? false), remainingMs: ended ? null : d?.remainingMs ?? null,
    overdue: !ended && !!d?.overdue,
  };
  return {
    id: r.id, reference: r.reference, direction: r.direction as 'incoming', channel: r.channel as 'siena', countryCode: r.countryCode,
    status: r.status as RequestStatus, urgent: r.urgent, subject: r.subject, receivedAt: iso(r.receivedAt),
    dueAt: deadline.dueAt, paused: deadline.paused, remainingMs: deadline.remainingMs, overdue: deadline.overdue,
    assignees: assignees.map((a) => ({ id: a.id, displayName: a.displayName })), personCount: persons.length,
    openHitCount: hitSummary.openAlerts + hitSummary.openReviews,
    version: r.version, channelReason: r.channelReason, counterpartAuthority: r.counterpartAuthority,
    counterpartReference: r.counterpartReference, nationalAuthority: authority ? { id: authority.id, name: authority.name } : null,
    urgencyReason: r.urgencyReason, access: r.access as 'direct', language: r.language, handlingCode: r.handlingCode as 'H0',
    handlingText: r.handlingText, europolMandate: r.europolMandate, europolCopy: r.europolCopy, europolCopyReason: r.europolCopyReason,
    informationSought: r.informationSought, purpose: r.purpose, offence: r.offence, refusalGrounds: r.refusalGrounds,
    unit: { id: r.unitId, name: unit?.name ?? '' }, createdAt: r.createdAt.toISOString(), deadline,
    deadlineEvents: events.map(({ e, actorName }) => ({ id: e.id, kind: e.kind, at: e.at.toISOString(), note: e.note, actor: e.actorId ? { id: e.actorId, displayName: actorName ?? '' } : null })),
    messages: messages.map(({ m, authorName }) => ({
      id: m.id, kind: m.kind, direction: m.direction as 'in', body: m.body, createdAt: m.createdAt.toISOString(),
      author: m.authorId ? { id: m.authorId, displayName: authorName ?? '' } : null,
      attachments: attachments.filter((a) => a.messageId === m.id).map((a) => ({ id: a.id, filename: a.filename, contentType: a.contentType, size: a.size, createdAt: a.createdAt.toISOString() })),
    })),
    items: items.map((i) => ({ id: i.id, content: i.content, nature: i.nature as 'fact', reliability: i.reliability as 'A', accuracy: i.accuracy as '1' })),
    hitSummary,
    allowedActions: allowedActions(ctx.actor, { status: r.status as RequestStatus, direction: flowOf(r), unitId: r.unitId, assigneeIds: assignees.map((a) => a.id) }),
  };
}

/**
 * Shows the persons of a request and the cross-check's hits on them (which name other persons); LED Art 25:
 * logged as one consultation with the officer's justification, naming every person shown.
 */
export async function consultPersons(ctx: ActorCtx, id: string, justification: string) {
  const scope = scopeOf(ctx);
  return inTransaction(ctx, async (tx) => {
    const r = await repo.findVisibleRequest(tx.db, scope, id);
    if (!r) throw E.notFound();
    const persons = await repo.personsOf(tx.db, r.id);
    const hits = await crossCheckHooks.hitsFor(tx, r.id);
    const shown = [...persons.map((p) => p.id), ...hits.flatMap((h) => [h.targetId, ...h.linked.map((l) => l.id)])];
    await audit(tx, {
      category: 'consultation', action: 'exchange.persons.view', entityType: 'request', entityId: r.id,
      personIds: [...new Set(shown)], justification, details: { hits: hits.length },
    });
    return { items: persons.map(toPersonView), hits };
  });
}

export function toPersonView(p: repo.PersonRow) {
  return {
    id: p.id, fullName: p.fullName, aliases: p.aliases, dateOfBirth: p.dateOfBirth, gender: p.gender as 'unknown',
    nationalities: p.nationalities, documents: p.documents as PersonInput['documents'], category: p.category as 'suspect',
    nature: p.nature as 'fact', reliability: p.reliability as 'X', accuracy: p.accuracy as '4', notes: p.notes,
  };
}

/** Adds a person to an open request; the person is cross-checked at once. */
export async function addPerson(ctx: ActorCtx, id: string, input: PersonInput): Promise<RequestDetail> {
  const scope = scopeOf(ctx);
  await inTransaction(ctx, async (tx) => {
    const r = await lockForAction(tx as ActorCtx, scope, id, 'add_person');
    const persons = await repo.insertPersons(tx.db, personRows(r.id, [input], tx.clock.now()));
    await audit(tx, { category: 'collection', action: 'exchange.person.add', entityType: 'request', entityId: r.id, personIds: persons.map((p) => p.id) });
    for (const hook of crossCheckHooks) await hook(tx, r, persons);
  });
  return getRequestDetail(ctx, id);
}

/** Loads a visible request FOR UPDATE and checks the actor may take the (non-transition) action. */
export async function lockForAction(ctx: ActorCtx, scope: VisibilityScope, id: string, action: 'add_person' | 'add_message' | 'add_attachment') {
  const r = await repo.findVisibleRequest(ctx.db, scope, id, true);
  if (!r) throw E.notFound();
  const assignees = await repo.assigneesOf(ctx.db, [r.id]);
  if (!allowedActions(ctx.actor, { status: r.status as RequestStatus, direction: flowOf(r), unitId: r.unitId, assigneeIds: assignees.map((a) => a.id) }).includes(action)) {
    throw E.notPermitted(action);
  }
  return r;
}

/** Adds an internal note to the thread. */
export async function addMessage(ctx: ActorCtx, id: string, body: string): Promise<RequestDetail> {
  const scope = scopeOf(ctx);
  await inTransaction(ctx, async (tx) => {
    const r = await lockForAction(tx as ActorCtx, scope, id, 'add_message');
    const m = await repo.insertMessage(tx.db, { requestId: r.id, kind: 'note', direction: 'internal', body, authorId: tx.actor!.id, createdAt: tx.clock.now() });
    await audit(tx, { category: 'alteration', action: 'exchange.message.add', entityType: 'request', entityId: r.id, details: { messageId: m.id } });
  });
  return getRequestDetail(ctx, id);
}

/** Content types accepted as attachments, decided by sniffing the bytes, not by the name or the client. */
export const ALLOWED_TYPES = new Set(['application/pdf', 'image/png', 'image/jpeg', 'image/tiff', 'image/gif', 'image/webp',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text', 'application/vnd.oasis.opendocument.spreadsheet', 'application/xml', 'text/plain']);

/** Sniffs a file's real type; plain text must be valid UTF-8 without control characters. */
export async function sniffType(data: Buffer): Promise<string> {
  const ft = await fileTypeFromBuffer(data);
  if (ft) return ft.mime;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(data);
  // eslint-disable-next-line no-control-regex
  if (!text.includes('\uFFFD') && !/[\u0000-\u0008\u000E-\u001F]/.test(text)) return 'text/plain';
  return 'application/octet-stream';
}

/** Stores an attachment after checking its size and sniffed type; nothing is stored when either fails. */
export async function addAttachment(ctx: ActorCtx, id: string, file: { filename: string; data: Buffer }, maxBytes: number): Promise<RequestDetail> {
  const scope = scopeOf(ctx);
  if (file.data.length > maxBytes) throw E.fileTooLarge(maxBytes);
  if (file.data.length === 0) throw E.invalid('file_empty');
  const type = await sniffType(file.data);
  if (!ALLOWED_TYPES.has(type)) throw E.fileType(type);
  const filename = file.filename.replace(/[\u0000-\u001f/\\]/g, '_').slice(0, 200) || 'file';
  await inTransaction(ctx, async (tx) => {
    const r = await lockForAction(tx as ActorCtx, scope, id, 'add_attachment');
    // Every attachment stands in the thread as a message of its own.
    const m = await repo.insertMessage(tx.db, { requestId: r.id, kind: 'attachment', direction: 'internal', body: filename, authorId: tx.actor!.id, createdAt: tx.clock.now() });
    const a = await repo.insertAttachment(tx.db, {
      requestId: r.id, messageId: m.id, filename, contentType: type, size: file.data.length,
      sha256: createHash('sha256').update(file.data).digest('hex'), data: file.data, createdBy: tx.actor!.id, createdAt: tx.clock.now(),
    });
    // No file name in the log: it often names a person, and the hash-chained log cannot be erased (docs/ARCHITECTURE.md).
    await audit(tx, { category: 'collection', action: 'exchange.attachment.add', entityType: 'request', entityId: r.id, details: { attachmentId: a.id, type, size: file.data.length } });
  });
  return getRequestDetail(ctx, id);
}

/** Downloads an attachment of a visible request; logged as a consultation. */
export async function getAttachment(ctx: ActorCtx, id: string) {
  const a = await repo.findVisibleAttachment(ctx.db, scopeOf(ctx), id);
  if (!a) throw E.notFound();
  await inTransaction(ctx, (tx) => audit(tx, { category: 'consultation', action: 'exchange.attachment.download', entityType: 'request', entityId: a.requestId, details: { attachmentId: a.id } }));
  return a;
}
