/**
 * The receiving side of Polsam-to-Polsam exchange. Each envelope is checked on its own (size, shape,
 * recipient, sender, signature, replay window, payload); the accepted ones of a POST — one, or a batch —
 * are recorded in the idempotent inbox and applied to the desk in ONE transaction, with a savepoint per
 * envelope so that one that fails (out of order, unknown request) is undone and refused alone. Each
 * applied or already-known envelope gets a signed acknowledgement; whatever is refused is quarantined.
 */
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import {
  receiveAnswerFromPeer, receiveClarificationAnswerFromPeer, receiveClarificationRequestFromPeer, receiveDelayNoticeFromPeer,
  receiveInformationFromPeer, receiveRefusalFromPeer, receiveRequestFromPeer, recordPeerReceipt,
} from '../exchange/index.ts';
import { federationErrors as E, type RejectionReason } from './federation.errors.ts';
import { payloadSchemas, type PayloadOf } from './federation.payloads.ts';
import * as repo from './federation.repository.ts';
import { currentSettings, nodeKey, quarantineInput, receivingUnit } from './federation.service.ts';
import {
  batchSchema, checkEnvelope, digestOf, envelopeSchema, publicKeyFrom, signObject, type Ack, type Envelope, type MessageKind,
} from './federation.signing.ts';

interface Accepted { e: Envelope; peer: repo.PeerRow; payload: PayloadOf<MessageKind>; digest: string }
type Verdict = { ok: true; item: Accepted } | { ok: false; reason: RejectionReason; detail?: string };
type Applied = { status: 'received' | 'duplicate'; receivedAt: Date } | { error: DomainError };
/** What the inbox answers for one envelope: its signed acknowledgement, or the refusal. */
export type EnvelopeOutcome = { id: string | null; ack: Ack } | { id: string | null; error: DomainError };

interface Body { json: unknown; raw: Buffer }

function claimed(json: unknown): { from: string | null; id: string | null } {
  const o = (json && typeof json === 'object' ? json : {}) as Record<string, unknown>;
  return { from: typeof o.from === 'string' ? o.from : null, id: typeof o.id === 'string' ? o.id : null };
}

const issues = (e: { issues: { path: PropertyKey[]; code: string }[] }) => e.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.code}`).join('; ');

/** A refusal as the sender sees it: the `federation.*` code, or internal_error (retried) for anything else. */
function asRejection(err: unknown): DomainError {
  if (err instanceof DomainError && err.code.startsWith('federation.')) return err;
  return E.rejected('internal_error', err instanceof DomainError ? err.code : String(err).slice(0, 300));
}

/** Checks one envelope without writing anything; the peer lookups are shared by the envelopes of a batch. */
async function check(ctx: Ctx, b: Body, peers: Map<string, Promise<repo.PeerRow | null>>): Promise<Verdict> {
  const s = currentSettings();
  if (b.raw.length > s.maxBytes) return { ok: false, reason: 'oversized', detail: `${b.raw.length} bytes` };
  const pre = envelopeSchema.safeParse(b.json);
  let peer: repo.PeerRow | null = null;
  if (pre.success) {
    if (!peers.has(pre.data.from)) peers.set(pre.data.from, repo.findPeerByNodeId(ctx.db, pre.data.from));
    peer = await peers.get(pre.data.from)!;
  }
  const c = checkEnvelope(b.json, {
    self: s.nodeId, now: ctx.clock.now(), windowMs: s.windowMs,
    keyOf: (id) => (peer && peer.active && peer.nodeId === id ? publicKeyFrom(peer.publicKey) : null),
  });
  if (!c.ok) return { ok: false, reason: c.reason, detail: c.detail };
  const e = c.envelope;
  const payload = payloadSchemas[e.kind].safeParse(e.payload);
  if (!payload.success) return { ok: false, reason: 'malformed_payload', detail: issues(payload.error) };
  // The digest leaves out sentAt and signature, which change on every retry of the same message.
  const digest = digestOf({ id: e.id, from: e.from, to: e.to, kind: e.kind, seq: e.seq ?? null, payload: e.payload });
  return { ok: true, item: { e, peer: peer!, payload: payload.data as PayloadOf<MessageKind>, digest } };
}

/**
 * Records and applies accepted envelopes in one transaction: one multi-row inbox insert (a known id is a
 * duplicate, or a reused id if its content differs), a savepoint per new envelope around its effect on the
 * desk, then one statement that marks the applied ones processed and removes the refused ones' inbox rows.
 */
async function applyAll(ctx: Ctx, items: Accepted[]): Promise<Applied[]> {
  return inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    // In id order: two transactions holding some of the same ids (a retry during a slow first attempt) wait, never deadlock.
    const rows = items.map(({ e, peer, digest }) => ({
      id: e.id, peerId: peer.id, kind: e.kind, seq: e.seq ?? null, payload: e.payload, digest, sentAt: new Date(e.sentAt), receivedAt: now,
    })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const fresh = await repo.insertInboxMany(tx.db, rows);
    const known = new Map((await repo.findInboxMany(tx.db, items.filter((i) => !fresh.has(i.e.id)).map((i) => i.e.id))).map((r) => [r.id, r]));
    const out: Applied[] = [];
    const duplicates: string[] = [];
    const applied: { id: string; requestId: string | null }[] = [];
    const refused: string[] = [];
    for (const it of items) {
      if (!fresh.has(it.e.id)) {
        const existing = known.get(it.e.id);
        if (!existing) out.push({ error: E.rejected('internal_error', 'inbox row vanished') });
        else if (existing.digest !== it.digest || existing.peerId !== it.peer.id) out.push({ error: E.rejected('id_reused') });
        else {
          duplicates.push(it.e.id);
          out.push({ status: 'duplicate', receivedAt: existing.receivedAt });
        }
        continue;
      }
      try {
        const requestId = await inTransaction(tx, (sp) => apply(sp, it.peer, it.e, it.payload, now));
        applied.push({ id: it.e.id, requestId });
        out.push({ status: 'received', receivedAt: now });
      } catch (err) {
        refused.push(it.e.id);
        out.push({ error: asRejection(err) });
      }
    }
    await repo.countDuplicates(tx.db, duplicates, now);
    await repo.finishInbox(tx.db, applied, refused, now);
    return out;
  });
}

/** Checks, records and applies the envelopes of one POST; quarantines and refuses each bad one on its own. */
async function receiveEnvelopes(ctx: Ctx, bodies: Body[], remote: string | null): Promise<EnvelopeOutcome[]> {
  const peers = new Map<string, Promise<repo.PeerRow | null>>();
  const seen = new Set<string>();
  const verdicts: Verdict[] = [];
  for (const b of bodies) {
    const v = await check(ctx, b, peers);
    // The same id twice in one batch is not a retry: the sender does not batch that way.
    if (v.ok && seen.has(v.item.e.id)) verdicts.push({ ok: false, reason: 'malformed', detail: 'id twice in one batch' });
    else verdicts.push(v);
    if (v.ok) seen.add(v.item.e.id);
  }
  const accepted = verdicts.flatMap((v) => (v.ok ? [v.item] : []));
  let applied: Applied[] = [];
  if (accepted.length) {
    try {
      applied = await applyAll(ctx, accepted);
    } catch (err) {
      applied = accepted.map(() => ({ error: asRejection(err) }));
    }
  }
  const s = currentSettings();
  const k = await nodeKey(ctx);
  const out: EnvelopeOutcome[] = [];
  let next = 0;
  for (const [i, v] of verdicts.entries()) {
    const c = claimed(bodies[i].json);
    const a: Applied = v.ok ? applied[next++] : { error: E.rejected(v.reason, v.detail) };
    if ('error' in a) {
      const reason = a.error.code.slice('federation.'.length);
      await quarantineInput(ctx, { reason, detail: a.error.params.detail as string | undefined, raw: bodies[i].raw, peerClaimed: c.from, messageId: c.id, remote });
      out.push({ id: c.id, error: a.error });
      continue;
    }
    const e = (v as { item: Accepted }).item.e;
    out.push({ id: e.id, ack: signObject({ v: 1 as const, id: e.id, from: s.nodeId, to: e.from, status: a.status, receivedAt: a.receivedAt.toISOString() }, k.privateKey) });
  }
  return out;
}

/**
 * Receives one message body from another node (the single-envelope inbox, kept for peers that do not
 * batch) and returns the signed acknowledgement; a refusal is quarantined and thrown as a `federation.*` error.
 */
export async function receiveMessage(ctx: Ctx, raw: Buffer, remote: string | null): Promise<Ack> {
  const s = currentSettings();
  if (raw.length > s.maxBytes) {
    await quarantineInput(ctx, { reason: 'oversized', detail: `${raw.length} bytes`, raw, remote });
    throw E.rejected('oversized', `${raw.length} bytes`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    await quarantineInput(ctx, { reason: 'malformed', detail: 'not JSON', raw, remote });
    throw E.rejected('malformed', 'not JSON');
  }
  const [o] = await receiveEnvelopes(ctx, [{ json, raw }], remote);
  if ('error' in o) throw o.error;
  return o.ack;
}

/**
 * Receives a batch of envelopes in one POST: each is checked, acknowledged or refused on its own (one bad
 * envelope refuses only itself), and the accepted ones are applied in one transaction. A body that is not
 * a batch at all is quarantined and refused as a whole.
 */
export async function receiveBatch(ctx: Ctx, raw: Buffer, remote: string | null): Promise<EnvelopeOutcome[]> {
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    await quarantineInput(ctx, { reason: 'malformed', detail: 'not JSON', raw, remote });
    throw E.rejected('malformed', 'not JSON');
  }
  const batch = batchSchema.safeParse(json);
  if (!batch.success) {
    await quarantineInput(ctx, { reason: 'malformed', detail: `batch: ${issues(batch.error)}`, raw, remote });
    throw E.rejected('malformed', `batch: ${issues(batch.error)}`);
  }
  return receiveEnvelopes(ctx, batch.data.envelopes.map((x) => ({ json: x, raw: Buffer.from(JSON.stringify(x), 'utf8') })), remote);
}

/** Applies a verified message to the desk; returns the request it concerns here. */
async function apply(tx: Ctx, peer: repo.PeerRow, e: Envelope, p: PayloadOf<MessageKind>, at: Date): Promise<string | null> {
  const ref = { countryCode: peer.countryCode, name: peer.name };
  if (e.kind === 'request') {
    const q = p as PayloadOf<'request'>;
    // The same request under a new message id (e.g. re-sent by the peer's administrator) is not registered twice.
    const known = await repo.findLinkByRemote(tx.db, peer.id, q.requestId);
    if (known) return known.localRequestId;
    const row = await receiveRequestFromPeer(tx, ref, q, at, await receivingUnit(tx));
    await repo.insertLink(tx.db, { localRequestId: row.id, peerId: peer.id, remoteRequestId: q.requestId, remoteReference: q.reference, role: 'responder' });
    return row.id;
  }
  if (e.kind === 'information') {
    const q = p as PayloadOf<'information'>;
    const row = await receiveInformationFromPeer(tx, ref, {
      reference: q.reference, channel: 'bilateral', counterpartAuthority: peer.name, urgent: false, access: 'direct', language: q.language,
      handlingCode: q.handlingCode, handlingText: q.handlingText, europolCopy: false, europolCopyReason: null, subject: q.subject,
      informationSought: q.body, purpose: 'Dir. (EU) 2023/977 Art 7', offence: null, persons: q.persons, items: q.items,
    }, at, await receivingUnit(tx));
    return row.id;
  }
  if (e.kind === 'clarification_answer') {
    const q = p as PayloadOf<'clarification_answer'>;
    const link = await repo.findLinkByRemote(tx.db, peer.id, q.requestId);
    // The request it clarifies has not arrived yet: the sender retries later.
    if (!link) throw E.rejected('out_of_order', q.requestId);
    await receiveClarificationAnswerFromPeer(tx, ref, link.localRequestId, q.answer, at);
    return link.localRequestId;
  }
  // Replies to a request this node sent: it must have gone to this very peer.
  const requestId = (p as { requestId: string }).requestId;
  const link = await repo.findLinkByLocal(tx.db, requestId);
  if (!link || link.peerId !== peer.id || link.role !== 'requester') throw E.rejected('unknown_request', requestId);
  switch (e.kind) {
    case 'answer': { const q = p as PayloadOf<'answer'>; await receiveAnswerFromPeer(tx, ref, requestId, q, at); break; }
    case 'refusal': { const q = p as PayloadOf<'refusal'>; await receiveRefusalFromPeer(tx, ref, requestId, q, at); break; }
    case 'clarification_request': await receiveClarificationRequestFromPeer(tx, ref, requestId, (p as PayloadOf<'clarification_request'>).question, at); break;
    case 'delay_notice': await receiveDelayNoticeFromPeer(tx, ref, requestId, p as PayloadOf<'delay_notice'>, at); break;
    case 'ack_read': {
      const readAt = new Date((p as PayloadOf<'ack_read'>).readAt);
      await repo.setAckRead(tx.db, requestId, peer.id, readAt);
      await recordPeerReceipt(tx, ref, requestId, 'read', readAt);
      break;
    }
  }
  return requestId;
}
