/**
 * Polsam-to-Polsam exchange: administrators' peers, the outbox written in the caller's transaction, and the
 * quarantine. Receiving is in federation.inbox.ts, sending in federation.delivery.ts.
 */
import { randomUUID } from 'node:crypto';
import type { PeerInput, PeerUpdate, InformationInput } from '../../../shared/federation.schemas.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import type { Config } from '../../platform/config.ts';
import { inTransaction, type Actor, type Ctx } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { listAllUnits } from '../identity/index.ts';
import { recordClarificationToPeer, setOutboundProvider, type OutboundEvent } from '../exchange/index.ts';
import { federationErrors as E } from './federation.errors.ts';
import { loadOrCreateNodeKey, type NodeKey } from './federation.keys.ts';
import type { PayloadOf } from './federation.payloads.ts';
import * as repo from './federation.repository.ts';
import { storeQuarantined } from './federation.quarantine.ts';
import { publicKeyFrom, type MessageKind } from './federation.signing.ts';

export interface FederationSettings {
  nodeId: string; unitCode: string; keySecret?: string; windowMs: number; maxBytes: number; timeoutMs: number;
  concurrency: number; pollMs: number; backoffBaseMs: number; backoffMaxMs: number;
}

/** The federation settings of a node, from its validated configuration. */
export function federationSettings(c: Config): FederationSettings {
  return {
    nodeId: c.FEDERATION_NODE_ID ?? c.NODE_COUNTRY, unitCode: c.FEDERATION_UNIT, keySecret: c.FEDERATION_KEY_SECRET,
    windowMs: c.FEDERATION_WINDOW_MS, maxBytes: c.FEDERATION_MAX_BYTES, timeoutMs: c.FEDERATION_TIMEOUT_MS,
    concurrency: c.FEDERATION_CONCURRENCY, pollMs: c.FEDERATION_POLL_MS, backoffBaseMs: c.FEDERATION_BACKOFF_BASE_MS,
    backoffMaxMs: c.FEDERATION_BACKOFF_MAX_MS,
  };
}

// One node per process: the settings, the key and the receiving unit are read once.
let settings: FederationSettings | null = null;
let key: Promise<NodeKey> | null = null;
let unitId: string | null = null;
const wakers = new Set<() => void>();

/** Installs federation into the desk (outbound provider) with this node's settings. */
export function configureFederation(s: FederationSettings): void {
  settings = s;
  key = null;
  unitId = null;
  setOutboundProvider({ afterAction: onAction });
}

export function currentSettings(): FederationSettings {
  if (!settings) throw new Error('federation is not configured');
  return settings;
}

/** This node's key (loaded or created on first use). */
export function nodeKey(ctx: Ctx): Promise<NodeKey> {
  key ??= loadOrCreateNodeKey(ctx, currentSettings().keySecret).catch((e) => { key = null; throw e; });
  return key;
}

/** Registers a callback run when a message is queued (the delivery loop wakes up early). */
export function onEnqueue(fn: () => void): () => void {
  wakers.add(fn);
  return () => wakers.delete(fn);
}

type AdminCtx = Ctx & { actor: Actor };
const iso = (d: Date | null) => (d ? d.toISOString() : null);
export const toPeerView = (p: repo.PeerRow) => ({ ...p, createdAt: p.createdAt.toISOString(), updatedAt: p.updatedAt.toISOString() });

/** This node's identity as a peer registers it: node id, country and public key. */
export async function getNodeInfo(ctx: Ctx) {
  const k = await nodeKey(ctx);
  return { nodeId: currentSettings().nodeId, countryCode: ctx.nodeCountry, publicKey: k.publicKey, inboxPath: '/api/federation/inbox' };
}

/** Lists the registered peers. */
export async function listPeers(ctx: AdminCtx) {
  return (await repo.listPeers(ctx.db)).map(toPeerView);
}

/** Registers a peer node with its key and endpoint; audited. */
export async function addPeer(ctx: Ctx, input: PeerInput) {
  if (!publicKeyFrom(input.publicKey)) throw E.invalidPublicKey();
  return inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const p = await repo.insertPeer(tx.db, { ...input, endpointUrl: input.endpointUrl.replace(/\/+$/, ''), createdAt: now, updatedAt: now });
    if (!p) throw E.peerExists();
    await audit(tx, { category: 'admin', action: 'federation.peer.add', entityType: 'peer', entityId: p.id, details: { nodeId: p.nodeId, country: p.countryCode, endpoint: p.endpointUrl, active: p.active } });
    return toPeerView(p);
  });
}

/** Changes a peer's endpoint, key, name or active flag; audited. */
export async function updatePeer(ctx: AdminCtx, id: string, input: PeerUpdate) {
  if (input.publicKey && !publicKeyFrom(input.publicKey)) throw E.invalidPublicKey();
  return inTransaction(ctx, async (tx) => {
    const p = await repo.updatePeer(tx.db, id, { ...input, endpointUrl: input.endpointUrl?.replace(/\/+$/, ''), updatedAt: tx.clock.now() });
    if (!p) throw E.peerNotFound();
    await audit(tx, { category: 'admin', action: 'federation.peer.update', entityType: 'peer', entityId: p.id, details: { ...input } });
    return toPeerView(p);
  });
}

/** The outbox, newest first, with each message's delivery state and last error. */
export async function listOutbox(ctx: AdminCtx, q: { status?: string; limit: number; offset: number }) {
  return (await repo.listOutbox(ctx.db, q)).map(({ o, peerNodeId }) => ({
    id: o.id, seq: o.seq, peerNodeId, kind: o.kind, requestId: o.requestId, status: o.status, attempts: o.attempts,
    createdAt: o.createdAt.toISOString(), nextAttemptAt: o.nextAttemptAt.toISOString(), lastAttemptAt: iso(o.lastAttemptAt),
    lastError: o.lastError, deliveredAt: iso(o.deliveredAt), ackedReceivedAt: iso(o.ackedReceivedAt), ackedReadAt: iso(o.ackedReadAt),
  }));
}

/** Puts an undelivered message back in the queue (after the peer's problem was fixed); audited. */
export async function retryOutbox(ctx: AdminCtx, id: string) {
  await inTransaction(ctx, async (tx) => {
    const row = await repo.requeueOutbox(tx.db, id, tx.clock.now());
    if (!row) throw E.outboxNotFound();
    await audit(tx, { category: 'admin', action: 'federation.outbox.retry', entityType: 'outbox_message', entityId: id, details: { lastError: row.lastError } });
  });
  for (const w of wakers) w();
}

/** The inbox, newest first. */
export async function listInbox(ctx: AdminCtx, q: { limit: number; offset: number }) {
  return (await repo.listInbox(ctx.db, q)).map(({ i, peerNodeId }) => ({
    id: i.id, peerNodeId, kind: i.kind, seq: i.seq, sentAt: i.sentAt.toISOString(), receivedAt: i.receivedAt.toISOString(),
    processed: i.processed, requestId: i.requestId, duplicateCount: i.duplicateCount,
  }));
}

const toQuarantineView = (r: repo.QuarantineRow) => ({
  id: r.id, reason: r.reason, detail: r.detail, peerClaimed: r.peerClaimed, messageId: r.messageId, size: r.size, truncated: r.truncated,
  remoteAddress: r.remoteAddress, receivedAt: r.receivedAt.toISOString(), resolvedAt: iso(r.resolvedAt),
});

/** Rejected input, newest first. */
export async function listQuarantine(ctx: AdminCtx, q: { limit: number; offset: number }) {
  return (await repo.listQuarantine(ctx.db, q)).map(toQuarantineView);
}

/** One quarantined message with its raw body; logged as a consultation (it may hold personal data). */
export async function getQuarantined(ctx: AdminCtx, id: string) {
  return inTransaction(ctx, async (tx) => {
    const r = await repo.findQuarantine(tx.db, id);
    if (!r) throw new DomainError('not_found', 'federation.quarantine_not_found');
    await audit(tx, { category: 'consultation', action: 'federation.quarantine.view', entityType: 'quarantine', entityId: id });
    return { ...toQuarantineView(r), rawBody: r.rawBody };
  });
}

/** Counts of outbox states, inbox and quarantine reasons. */
export async function getStats(ctx: Ctx) {
  const s = await repo.stats(ctx.db);
  return {
    outbox: Object.fromEntries(s.outbox.map((r) => [r.status, r.n])),
    inbox: { total: s.inbox.n, processed: s.inbox.processed, duplicates: s.inbox.dup },
    quarantine: s.quarantine.map((q) => ({ reason: q.reason, count: q.n, unresolved: q.unresolved })),
  };
}

// ---- sending -------------------------------------------------------------------------------------

/** Queues a message to a peer in the caller's transaction (the transactional outbox); false if the id exists. */
export async function enqueue(ctx: Ctx, m: { peerId: string; kind: MessageKind; payload: Record<string, unknown>; requestId?: string | null; id?: string }): Promise<boolean> {
  const now = ctx.clock.now();
  const inserted = await repo.insertOutbox(ctx.db, {
    id: m.id ?? randomUUID(), peerId: m.peerId, kind: m.kind, payload: m.payload, requestId: m.requestId ?? null, createdAt: now, nextAttemptAt: now,
  });
  for (const w of wakers) w();
  return inserted;
}

/** The desk's actions that leave the node: a request sent to a peer country, and replies to a peer's request. */
async function onAction(ctx: Ctx, ev: OutboundEvent): Promise<boolean> {
  const r = ev.request;
  if (ev.action === 'send') {
    const p = await repo.findActivePeerByCountry(ctx.db, r.countryCode);
    if (!p) return false;
    const payload: PayloadOf<'request'> = {
      requestId: r.id, reference: r.reference, channel: r.channel as 'siena', channelReason: r.channelReason as null,
      counterpartAuthority: ctx.nodeCountry, urgent: r.urgent, urgencyReason: r.urgencyReason as null, access: r.access as 'direct',
      language: r.language as 'en', handlingCode: r.handlingCode as 'H0', handlingText: r.handlingText, europolMandate: r.europolMandate, europolCopy: r.europolCopy,
      europolCopyReason: r.europolCopyReason, subject: r.subject, informationSought: r.informationSought, purpose: r.purpose, offence: r.offence,
      persons: ev.persons.map((x) => ({
        fullName: x.fullName, aliases: x.aliases, dateOfBirth: x.dateOfBirth, gender: x.gender as 'unknown', nationalities: x.nationalities,
        documents: x.documents as [], category: x.category as 'suspect', nature: x.nature as 'fact', reliability: x.reliability as 'X', accuracy: x.accuracy as '4', notes: x.notes,
      })),
      items: ev.items.map((i) => ({ content: i.content, nature: i.nature as 'fact', reliability: i.reliability as 'A', accuracy: i.accuracy as '1' })),
    };
    await repo.insertLink(ctx.db, { localRequestId: r.id, peerId: p.id, remoteRequestId: null, remoteReference: null, role: 'requester' });
    await enqueue(ctx, { peerId: p.id, kind: 'request', payload, requestId: r.id });
    return true;
  }
  const link = await repo.findLinkByLocal(ctx.db, r.id);
  if (!link || link.role !== 'responder' || !link.remoteRequestId) return false;
  const base = { requestId: link.remoteRequestId };
  const b = ev.body;
  const out: { kind: MessageKind; payload: Record<string, unknown> } | null =
    ev.action === 'answer' ? { kind: 'answer', payload: { ...base, body: b.body, partialRefusalGrounds: b.partialRefusalGrounds ?? [], refusalReason: b.refusalReason ?? null } }
    : ev.action === 'refuse' ? { kind: 'refusal', payload: { ...base, grounds: b.grounds, reason: b.reason } }
    : ev.action === 'request_clarification' ? { kind: 'clarification_request', payload: { ...base, question: b.question } }
    : ev.action === 'delay_judicial' ? { kind: 'delay_notice', payload: { ...base, expectedAt: b.expectedAt, reason: b.reason } }
    // "Read": an officer has taken the request up.
    : ev.action === 'start' ? { kind: 'ack_read', payload: { ...base, readAt: ctx.clock.now().toISOString() } }
    : null;
  if (!out) return false;
  await enqueue(ctx, { peerId: link.peerId, kind: out.kind, payload: out.payload, requestId: r.id });
  return true;
}

/** Sends own-initiative information (Art 7) to the active peer of a country; the same id is sent once. */
export async function sendInformation(ctx: AdminCtx, input: InformationInput): Promise<{ id: string; duplicate: boolean }> {
  const id = input.id ?? randomUUID();
  return inTransaction(ctx, async (tx) => {
    const p = await repo.findActivePeerByCountry(tx.db, input.countryCode);
    if (!p) throw E.noActivePeer(input.countryCode);
    const payload: PayloadOf<'information'> = {
      informationId: id, reference: `${tx.nodeCountry}-INFO-${id.slice(0, 8)}`, subject: input.subject, body: input.body, language: input.language,
      handlingCode: input.handlingCode, handlingText: input.handlingText ?? null, persons: input.persons, items: input.items,
    };
    const fresh = await enqueue(tx, { id, peerId: p.id, kind: 'information', payload });
    // The free-text subject may name persons, and the log cannot be edited by an erasure: the reference is logged.
    if (fresh) await audit(tx, { category: 'disclosure', action: 'federation.information.send', entityType: 'outbox_message', entityId: id, recipient: `${p.countryCode}: ${p.name}`, details: { reference: payload.reference, persons: input.persons.length } });
    return { id, duplicate: !fresh };
  });
}

/** Answers a peer's question about our outgoing request: thread message, audit and outbox row in one transaction. */
export async function sendClarificationAnswer(ctx: Ctx & { actor: Actor }, requestId: string, answer: string): Promise<{ id: string }> {
  return inTransaction(ctx, async (tx) => {
    const t = tx as Ctx & { actor: Actor };
    const link = await repo.findLinkByLocal(t.db, requestId);
    // Only a request this node sent to a peer can be clarified to that peer.
    if (!link || link.role !== 'requester') throw new DomainError('not_found', 'exchange.request_not_found');
    const r = await recordClarificationToPeer(t, requestId, answer);
    const id = randomUUID();
    await enqueue(t, { id, peerId: link.peerId, kind: 'clarification_answer', payload: { requestId: r.id, answer }, requestId: r.id });
    return { id };
  });
}

// ---- receiving -----------------------------------------------------------------------------------

const QUARANTINE_MAX = 64 * 1024;

/** Keeps rejected input for an administrator (own transaction: the rejected one rolled back). */
export async function quarantineInput(ctx: Ctx, q: { reason: string; detail?: string | null; raw: Buffer; peerClaimed?: string | null; messageId?: string | null; remote?: string | null }) {
  try {
    await storeQuarantined(ctx, {
      reason: q.reason, detail: q.detail?.slice(0, 1000) ?? null, peerClaimed: q.peerClaimed?.slice(0, 100) ?? null,
      messageId: q.messageId?.slice(0, 100) ?? null, rawBody: q.raw.subarray(0, QUARANTINE_MAX).toString('utf8').replace(/\u0000/g, '\uFFFD'),
      size: q.raw.length, truncated: q.raw.length > QUARANTINE_MAX, remoteAddress: q.remote ?? null, receivedAt: ctx.clock.now(),
    });
  } catch {
    // The database itself is failing; the sender gets an error and will retry, so nothing is lost.
  }
}

/** The unit that registers what peers send (FEDERATION_UNIT), looked up once. */
export async function receivingUnit(ctx: Ctx): Promise<string> {
  if (unitId) return unitId;
  const code = currentSettings().unitCode;
  const u = (await listAllUnits(ctx)).find((x) => x.code === code);
  if (!u) throw new Error(`FEDERATION_UNIT ${code} does not exist`);
  unitId = u.id;
  return u.id;
}
