/**
 * Use cases for messages that arrive from another node (Polsam-to-Polsam exchange). The caller (the
 * federation module) has verified the sender and runs each call in its own transaction, together with
 * its idempotent inbox row; the act here is done by the system, not by an officer.
 */
import type { z } from 'zod';
import type { RequestStatus } from '../../../shared/domain.ts';
import type { CreateRequestInput, itemInput, personInput } from '../../../shared/exchange.schemas.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { refreshDeadline } from './exchange.deadlines.ts';
import { registerRequest } from './exchange.register.ts';
import { exchangeErrors as E } from './exchange.errors.ts';
import * as repo from './exchange.repository.ts';
import { canTransition } from './exchange.state.ts';
import type { VisibilityScope } from './exchange.policy.ts';

/** The sending node as exchange records it (country and display name). */
export interface PeerRef { countryCode: string; name: string }

export interface InboundRequest {
  reference: string;
  channel: string;
  channelReason?: string | null;
  counterpartAuthority: string;
  urgent: boolean;
  urgencyReason?: string | null;
  access: string;
  language: string;
  handlingCode: string;
  handlingText?: string | null;
  europolMandate?: boolean;
  europolCopy: boolean;
  europolCopyReason?: string | null;
  subject: string;
  informationSought: string;
  purpose: string;
  offence?: string | null;
  persons: z.infer<typeof personInput>[];
  items: z.infer<typeof itemInput>[];
}

// The system acts on behalf of the node: it may see every request (the peer named the request by id).
const SYSTEM_SCOPE: VisibilityScope = { userId: '00000000-0000-0000-0000-000000000000', unitId: '00000000-0000-0000-0000-000000000000', all: true };
const label = (p: PeerRef) => `${p.countryCode}: ${p.name}`;

/**
 * Registers a request received from a peer node in the receiving unit; Dir. (EU) 2023/977 Art 5(1): the
 * deadline starts at the receiver's own received-at time, not at the sender's sending time.
 */
export async function receiveRequestFromPeer(ctx: Ctx, peer: PeerRef, p: InboundRequest, receivedAt: Date, unitId: string): Promise<repo.RequestRow> {
  return registerInbound(ctx, peer, p, receivedAt, unitId, true);
}

/** Registers own-initiative information from a peer (Art 7): recorded like a request, without a deadline. */
export async function receiveInformationFromPeer(ctx: Ctx, peer: PeerRef, p: InboundRequest, receivedAt: Date, unitId: string): Promise<repo.RequestRow> {
  return registerInbound(ctx, peer, p, receivedAt, unitId, false);
}

async function registerInbound(ctx: Ctx, peer: PeerRef, p: InboundRequest, receivedAt: Date, unitId: string, withDeadline: boolean) {
  // The federation module has validated the payload against its own schema (information has no Art 13(2) reason).
  const input = {
    ...p, direction: 'incoming', countryCode: peer.countryCode, counterpartReference: p.reference, receivedAt: receivedAt.toISOString(),
    // Peers that predate the Art 12 mandate question sent a reason with every request: the question was assessed.
    europolMandate: p.europolMandate ?? (p.europolCopy || !!p.europolCopyReason),
  } as CreateRequestInput;
  return registerRequest(ctx, input, {
    unitId, createdBy: null, withDeadline, startedNote: 'peer',
    auditAction: withDeadline ? 'exchange.request.receive_from_peer' : 'exchange.information.receive_from_peer',
    auditDetails: { counterpartReference: p.reference },
  });
}

async function lockRequest(ctx: Ctx, id: string): Promise<repo.RequestRow> {
  const r = await repo.findVisibleRequest(ctx.db, SYSTEM_SCOPE, id, true);
  if (!r) throw E.notFound();
  return r;
}

async function moveTo(ctx: Ctx, r: repo.RequestRow, status: RequestStatus, patch: Partial<repo.NewRequestRow> = {}): Promise<repo.RequestRow> {
  const updated = await repo.updateRequestVersioned(ctx.db, r.id, r.version, { ...patch, status, updatedAt: ctx.clock.now() });
  if (!updated) throw E.staleVersion();
  await refreshDeadline(ctx, updated);
  return updated;
}

/**
 * Records a peer's answer to our outgoing request. The thread always gets the message; the status moves
 * to answered only from `sent` (a late answer to a closed request is kept, not lost).
 */
export async function receiveAnswerFromPeer(ctx: Ctx, peer: PeerRef, requestId: string, a: { body: string; partialRefusalGrounds: string[]; refusalReason?: string | null }, receivedAt: Date): Promise<void> {
  const r = await lockRequest(ctx, requestId);
  await repo.insertMessage(ctx.db, { requestId: r.id, kind: 'answer', direction: 'in', body: a.body, authorId: null, createdAt: receivedAt });
  const moves = canTransition('record_answer', r.status as RequestStatus, r.direction as 'outgoing');
  if (moves) {
    await repo.insertDeadlineEvent(ctx.db, { requestId: r.id, kind: 'answered', at: receivedAt, note: 'peer' });
    await moveTo(ctx, r, 'answered', { answeredAt: receivedAt, refusalGrounds: a.partialRefusalGrounds, refusalReason: a.refusalReason ?? null });
  }
  await audit(ctx, { category: 'collection', action: 'exchange.request.receive_answer_from_peer', entityType: 'request', entityId: r.id, details: { reference: r.reference, from: r.status, applied: moves, peer: label(peer) } });
}

/** Records a peer's refusal (Art 6 grounds) of our outgoing request. */
export async function receiveRefusalFromPeer(ctx: Ctx, peer: PeerRef, requestId: string, a: { grounds: string[]; reason: string }, receivedAt: Date): Promise<void> {
  const r = await lockRequest(ctx, requestId);
  await repo.insertMessage(ctx.db, { requestId: r.id, kind: 'refusal', direction: 'in', body: a.reason, authorId: null, createdAt: receivedAt });
  const moves = canTransition('record_answer', r.status as RequestStatus, r.direction as 'outgoing');
  if (moves) {
    await repo.insertDeadlineEvent(ctx.db, { requestId: r.id, kind: 'refused', at: receivedAt, note: a.grounds.join(',') });
    await moveTo(ctx, r, 'refused', { answeredAt: receivedAt, refusalGrounds: a.grounds, refusalReason: a.reason });
  }
  await audit(ctx, { category: 'collection', action: 'exchange.request.receive_refusal_from_peer', entityType: 'request', entityId: r.id, details: { reference: r.reference, grounds: a.grounds, applied: moves, peer: label(peer) } });
}

/** Records a peer's question about our outgoing request (its clock stops until we answer, Art 6(3)). */
export async function receiveClarificationRequestFromPeer(ctx: Ctx, peer: PeerRef, requestId: string, question: string, receivedAt: Date): Promise<void> {
  const r = await lockRequest(ctx, requestId);
  await repo.insertMessage(ctx.db, { requestId: r.id, kind: 'clarification_request', direction: 'in', body: question, authorId: null, createdAt: receivedAt });
  await audit(ctx, { category: 'collection', action: 'exchange.request.receive_clarification_request_from_peer', entityType: 'request', entityId: r.id, details: { reference: r.reference, peer: label(peer) } });
}

/** Records a peer's Art 5(2) delay notice on our outgoing request, with the expected answer time. */
export async function receiveDelayNoticeFromPeer(ctx: Ctx, peer: PeerRef, requestId: string, d: { expectedAt: string; reason: string }, receivedAt: Date): Promise<void> {
  const r = await lockRequest(ctx, requestId);
  // Art 5(2): the peer's expected time is kept as sent, so both nodes show the same instant.
  const expectedAt = new Date(d.expectedAt);
  await repo.insertMessage(ctx.db, { requestId: r.id, kind: 'delay_notice', direction: 'in', body: d.reason, authorId: null, createdAt: receivedAt });
  await repo.insertDeadlineEvent(ctx.db, { requestId: r.id, kind: 'delay_notified', at: receivedAt, note: `${expectedAt.toISOString()} ${d.reason}` });
  await repo.updateRequest(ctx.db, r.id, { expectedAt, updatedAt: ctx.clock.now() });
  await audit(ctx, { category: 'collection', action: 'exchange.request.receive_delay_from_peer', entityType: 'request', entityId: r.id, details: { reference: r.reference, expectedAt: expectedAt.toISOString(), peer: label(peer) } });
}

/** Records the requester's clarification on a request we are handling; Art 6(3): the clock restarts. */
export async function receiveClarificationAnswerFromPeer(ctx: Ctx, peer: PeerRef, requestId: string, answer: string, receivedAt: Date): Promise<void> {
  const r = await lockRequest(ctx, requestId);
  await repo.insertMessage(ctx.db, { requestId: r.id, kind: 'clarification_answer', direction: 'in', body: answer, authorId: null, createdAt: receivedAt });
  const moves = canTransition('receive_clarification', r.status as RequestStatus, r.direction as 'incoming');
  if (moves) {
    await repo.closeOpenStops(ctx.db, r.id, receivedAt);
    await repo.insertDeadlineEvent(ctx.db, { requestId: r.id, kind: 'resumed', at: receivedAt, note: 'clarification' });
    await moveTo(ctx, r, 'in_progress');
  }
  await audit(ctx, { category: 'collection', action: 'exchange.request.receive_clarification_from_peer', entityType: 'request', entityId: r.id, details: { reference: r.reference, applied: moves, peer: label(peer) } });
}

/** Shows a peer's acknowledgement (received or read) on the thread of our request. */
export async function recordPeerReceipt(ctx: Ctx, peer: PeerRef, requestId: string, kind: 'received' | 'read', at: Date): Promise<void> {
  await repo.insertMessage(ctx.db, { requestId, kind: kind === 'received' ? 'receipt_received' : 'receipt_read', direction: 'in', body: `${label(peer)} ${at.toISOString()}`, authorId: null, createdAt: at });
}

/** Records a message from the counterpart on the thread of a request (supplementary information, a receipt). */
export async function receiveThreadMessage(ctx: Ctx, peer: PeerRef, requestId: string, m: { kind: string; body: string }, receivedAt: Date): Promise<void> {
  const r = await lockRequest(ctx, requestId);
  await repo.insertMessage(ctx.db, { requestId: r.id, kind: m.kind, direction: 'in', body: m.body, authorId: null, createdAt: receivedAt });
  await audit(ctx, { category: 'collection', action: 'exchange.request.receive_message', entityType: 'request', entityId: r.id, details: { reference: r.reference, kind: m.kind, peer: label(peer) } });
}
