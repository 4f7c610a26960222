/**
 * Channel ingress: one use case for every way a channel message arrives (the drop folder, the gateway API, the
 * `polsam import` command). In one transaction it records the message in `channel_inbox` (keyed by the hash of its
 * canonical JSON: a replayed file or a re-posted message is registered once) and either registers a new case
 * through the desk's one creation path or joins the follow-up to its case, found by the foreign reference.
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import {
  receiveAnswerFromPeer, receiveClarificationAnswerFromPeer, receiveClarificationRequestFromPeer, receiveRefusalFromPeer, receiveThreadMessage,
  recordPeerReceipt, registerRequest, type PeerRef,
} from '../exchange/index.ts';
import { listAllUnits } from '../identity/index.ts';
import * as repo from './channels.repository.ts';
import { caseNotFound, readInbound, type InboundMessage } from './inbound.mapping.ts';
import { CHANNEL_ADAPTERS, type AdapterChannel } from './registry.ts';
import { transportEnvelope } from './transport.ts';

/** The unit whose queue receives each channel's new cases (the SPOC's units, Dir. (EU) 2023/977 Art 15(2)). */
export const CHANNEL_UNITS: Record<AdapterChannel, string> = { siena: 'SPOC', ptn: 'SPOC', ameripol: 'SPOC', sirene: 'SIRENE', interpol: 'NCB' };

export type IngestSource = 'drop' | 'api' | 'cli';
export interface IngestResult {
  outcome: 'registered' | 'attached' | 'duplicate';
  requestId: string | null;
  /** The case's reference on the desk (SE-2026-000123). */
  caseReference: string | null;
}

/** Whether a channel takes messages in (every channel with a structured form). */
export function isIngressChannel(channel: string): channel is AdapterChannel {
  return Object.hasOwn(CHANNEL_ADAPTERS, channel);
}

/**
 * The wire object in a received document: the bare wire form, or a `polsam.transport/1` envelope around it (as the
 * file transport writes). An envelope of another channel or format is refused.
 */
export function unwrap(channel: AdapterChannel, doc: unknown): unknown {
  if (!doc || typeof doc !== 'object' || !('envelope' in doc)) return doc;
  const env = transportEnvelope.safeParse(doc);
  if (!env.success) throw new DomainError('validation', 'channels.transport_envelope_invalid', { channel });
  if (env.data.channel !== channel || env.data.format !== CHANNEL_ADAPTERS[channel].wireFormat) {
    throw new DomainError('validation', 'channels.wire_format_unknown', { format: `${env.data.channel}/${env.data.format}` });
  }
  return env.data.wire;
}

/** SHA-256 of the wire object's RFC 8785 canonical JSON: the same message hashes alike whatever its whitespace. */
export function contentHash(wire: unknown): string {
  return createHash('sha256').update(canonicalize(wire) ?? 'null').digest('hex');
}

/** Takes in one channel message: registers a new case, joins a follow-up to its case, or recognises a replay. */
export async function ingestMessage(
  ctx: Ctx, channel: AdapterChannel, doc: unknown, o: { source: IngestSource; receivedAt?: Date; tokenId?: string | null },
): Promise<IngestResult> {
  const wire = unwrap(channel, doc);
  const hash = contentHash(wire);
  const run = () => inTransaction(ctx, async (tx) => {
    const seen = await repo.findInboxByHash(tx.db, channel, hash);
    if (seen) return { outcome: 'duplicate' as const, requestId: seen.requestId, caseReference: seen.requestId ? await repo.referenceOf(tx.db, seen.requestId) : null };
    const receivedAt = o.receivedAt ?? tx.clock.now();
    const m = readInbound(channel, wire, receivedAt);
    // A sender's reference names one message: the same reference with other content is not silently taken.
    if (await repo.findInboxByRef(tx.db, channel, m.country, m.messageRef)) {
      throw new DomainError('conflict', 'channels.reference_reused', { channel, reference: m.messageRef });
    }
    const { outcome, requestId } = await apply(tx, m, receivedAt, o.source);
    await repo.insertInbox(tx.db, {
      channel, contentHash: hash, source: o.source, tokenId: o.tokenId ?? null, messageRef: m.messageRef, caseRef: m.caseRef,
      inReplyTo: m.inReplyTo, countryCode: m.country, kind: m.kind, outcome, requestId, receivedAt,
    });
    return { outcome, requestId, caseReference: await repo.referenceOf(tx.db, requestId) };
  });
  try {
    return await run();
  } catch (e) {
    // Two deliveries of one message at the same moment: the unique hash lets one in; the other finds it.
    if ((e as { code?: string; cause?: { code?: string } }).code === '23505' || (e as { cause?: { code?: string } }).cause?.code === '23505') return run();
    throw e;
  }
}

async function apply(tx: Ctx, m: InboundMessage, at: Date, source: IngestSource): Promise<{ outcome: 'registered' | 'attached'; requestId: string }> {
  const refs = [m.caseRef, m.inReplyTo].filter((r): r is string => !!r);
  const caseId = await repo.findCaseByReferences(tx.db, m.channel, m.country, refs);
  const from: PeerRef = { countryCode: m.country, name: `${m.authority} (${m.channel})` };
  if (caseId) {
    await followUp(tx, from, caseId, m, at);
    return { outcome: 'attached', requestId: caseId };
  }
  if (m.followUp.mustMatch || !m.request) throw caseNotFound(m);
  const unitCode = CHANNEL_UNITS[m.channel];
  const unit = (await listAllUnits(tx)).find((u) => u.code === unitCode);
  if (!unit) throw new DomainError('unavailable', 'channels.unit_missing', { unit: unitCode });
  const row = await registerRequest(tx, m.request.input, {
    unitId: unit.id, createdBy: null, withDeadline: m.request.withDeadline, startedNote: `channel:${m.channel}`,
    auditAction: m.request.withDeadline ? 'channels.request.receive' : 'channels.information.receive',
    auditDetails: { counterpartReference: m.messageRef, source },
  });
  return { outcome: 'registered', requestId: row.id };
}

async function followUp(tx: Ctx, from: PeerRef, requestId: string, m: InboundMessage, at: Date): Promise<void> {
  const f = m.followUp;
  switch (f.kind) {
    case 'answer': return receiveAnswerFromPeer(tx, from, requestId, { body: f.body, partialRefusalGrounds: f.refusalGrounds }, at);
    case 'refusal': return receiveRefusalFromPeer(tx, from, requestId, { grounds: f.refusalGrounds, reason: f.body }, at);
    case 'clarification_request': return receiveClarificationRequestFromPeer(tx, from, requestId, f.body, at);
    case 'clarification': return receiveClarificationAnswerFromPeer(tx, from, requestId, f.body, at);
    case 'acknowledgement': return recordPeerReceipt(tx, from, requestId, 'received', at);
    case 'information': return receiveThreadMessage(tx, from, requestId, { kind: 'information', body: f.body }, at);
  }
}

/** The channel named in a path or argument, or a validation error naming the channels that take messages in. */
export function ingressChannel(channel: string): AdapterChannel {
  if (isIngressChannel(channel)) return channel;
  throw new DomainError('validation', 'channels.no_adapter', { channel }, [{ path: 'channel', code: 'channels.no_adapter', params: { channel } }]);
}
