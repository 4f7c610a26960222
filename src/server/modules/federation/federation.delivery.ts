/**
 * The sender loop: claims due outbox rows (FOR UPDATE SKIP LOCKED, under a lease), signs each, POSTs them to
 * their peer in batches with a timeout, and records each one's outcome — delivered on a verified
 * acknowledgement, retried with exponential backoff on timeouts, 5xx, garbage and "out of order", failed for
 * good on the peer's refusal.
 * Nothing is held in memory: a sender killed at any moment resends what was not acknowledged.
 */
import type { Ctx } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import { RETRYABLE_REJECTIONS } from './federation.errors.ts';
import * as repo from './federation.repository.ts';
import { recordPeerReceipt } from '../exchange/index.ts';
import { currentSettings, nodeKey, onEnqueue, type FederationSettings } from './federation.service.ts';
import { ackSchema, batchAnswerSchema, publicKeyFrom, signEnvelope, verifyObject, type Envelope, type MessageKind } from './federation.signing.ts';

export type Outcome =
  | { kind: 'delivered'; receivedAt: Date }
  | { kind: 'retry'; error: string }
  | { kind: 'failed'; error: string };

/** Exponential backoff with jitter: base · 2^(attempt−1), capped, between 50 % and 100 % of that. */
export function backoffMs(attempt: number, s: Pick<FederationSettings, 'backoffBaseMs' | 'backoffMaxMs'>, rnd = Math.random()): number {
  const full = Math.min(s.backoffMaxMs, s.backoffBaseMs * 2 ** Math.min(30, Math.max(0, attempt - 1)));
  return Math.round(full * (0.5 + rnd / 2));
}

/** The outcome of an acknowledgement: delivered when it is signed by the peer for this very message, else null. */
function verifiedAck(body: unknown, x: Expect): Outcome | null {
  const ack = ackSchema.safeParse(body);
  const key = publicKeyFrom(x.peerKey);
  if (!ack.success || !key || ack.data.id !== x.id || ack.data.from !== x.peerNodeId || ack.data.to !== x.self || !verifyObject(ack.data, key)) return null;
  return { kind: 'delivered', receivedAt: new Date(ack.data.receivedAt) };
}

/** Classifies a peer's HTTP answer to a message. */
export async function classify(res: Response, expect: Expect): Promise<Outcome> {
  const text = (await res.text()).slice(0, 64 * 1024);
  let body: unknown = null;
  try { body = JSON.parse(text); } catch { /* garbage: handled below */ }
  if (res.ok) {
    // An unsigned or wrong acknowledgement proves nothing: try again.
    return verifiedAck(body, expect) ?? { kind: 'retry', error: `${res.status} federation.bad_ack: ${text.slice(0, 200)}` };
  }
  const code = body && typeof body === 'object' && typeof (body as { error?: unknown }).error === 'string' ? (body as { error: string }).error : null;
  const message = body && typeof body === 'object' && typeof (body as { message?: unknown }).message === 'string' ? (body as { message: string }).message : text.slice(0, 200);
  return refusalOutcome(res.status, code, message);
}

/** Most envelopes the sender puts in one POST (the receiver takes up to BATCH_MAX). */
export const BATCH_ENVELOPES = 50;

interface Expect { id: string; peerNodeId: string; self: string; peerKey: string }

const networkOutcome = (e: unknown, timeoutMs: number): Outcome => {
  const err = e as Error & { cause?: { code?: string } };
  return { kind: 'retry', error: err.name === 'TimeoutError' ? `timeout after ${timeoutMs} ms` : `network: ${err.cause?.code ?? err.message}` };
};

/** A refusal of one envelope: retried when it may pass later (out of order, the peer's own failure), else final. */
function refusalOutcome(status: number, code: string | null, message: string): Outcome {
  const error = `${status} ${code ?? 'http_error'}: ${message}`.slice(0, 1000);
  const transient = status >= 500 || status === 408 || status === 429 || (code !== null && RETRYABLE_REJECTIONS.includes(code));
  // A peer's refusal (bad signature, unknown peer, malformed …) will not change by resending.
  return transient || !code?.startsWith('federation.') ? { kind: 'retry', error } : { kind: 'failed', error };
}

/** Classifies a peer's answer to a batch: per envelope, its acknowledgement or refusal; a failed POST counts for all. */
export async function classifyBatch(res: Response, expects: Expect[]): Promise<Outcome[]> {
  if (!res.ok) {
    const o = await classify(res, expects[0]);
    return expects.map(() => o);
  }
  const text = (await res.text()).slice(0, 4 * 1024 * 1024);
  let body: unknown = null;
  try { body = JSON.parse(text); } catch { /* garbage: retried below */ }
  const answer = batchAnswerSchema.safeParse(body);
  if (!answer.success) return expects.map(() => ({ kind: 'retry', error: `${res.status} federation.bad_ack: ${text.slice(0, 200)}` }));
  const byIndex = new Map(answer.data.results.map((r) => [r.index, r]));
  return expects.map((x, i) => {
    const r = byIndex.get(i);
    if (r?.ack !== undefined) return verifiedAck(r.ack, x) ?? { kind: 'retry', error: `${res.status} federation.bad_ack: ${JSON.stringify(r.ack).slice(0, 200)}` };
    if (r?.error) return refusalOutcome(r.status ?? 400, r.error, r.message ?? '');
    return { kind: 'retry', error: `${res.status} federation.bad_ack: no result for envelope ${i}` };
  });
}

/** One claimed message, signed for sending now. */
interface Signed { row: repo.ClaimedRow; env: Envelope; size: number }

async function postOne(s: FederationSettings, endpoint: string, m: Signed, x: Expect): Promise<Outcome> {
  try {
    const res = await fetch(`${endpoint}/api/federation/inbox`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(m.env), signal: AbortSignal.timeout(s.timeoutMs),
    });
    return await classify(res, x);
  } catch (e) {
    return networkOutcome(e, s.timeoutMs);
  }
}

/** Sends one batch to its peer (one envelope: the single-envelope inbox) and returns each envelope's outcome. */
async function post(s: FederationSettings, batch: Signed[], peerKey: string): Promise<Outcome[]> {
  const first = batch[0].row;
  const expects = batch.map((m) => ({ id: m.row.id, peerNodeId: first.node_id, self: s.nodeId, peerKey }));
  if (batch.length === 1) return [await postOne(s, first.endpoint_url, batch[0], expects[0])];
  try {
    const res = await fetch(`${first.endpoint_url}/api/federation/inbox/batch`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ v: 1, envelopes: batch.map((m) => m.env) }),
      signal: AbortSignal.timeout(s.timeoutMs),
    });
    // A peer without the batch inbox (an older version), or one whose size limit the batch passes: one at a time.
    if (res.status === 404 || res.status === 405 || res.status === 413) {
      await res.body?.cancel();
      const out: Outcome[] = [];
      for (const [i, m] of batch.entries()) out.push(await postOne(s, first.endpoint_url, m, expects[i]));
      return out;
    }
    return await classifyBatch(res, expects);
  } catch (e) {
    return batch.map(() => networkOutcome(e, s.timeoutMs));
  }
}

/** Records a batch's outcomes in one transaction: delivered (with the receipt on the request's thread), retry or failed. */
async function record(ctx: Ctx, batch: Signed[], outcomes: Outcome[]): Promise<void> {
  const s = currentSettings();
  await inTransaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const acked = batch.flatMap((m, i) => { const o = outcomes[i]; return o.kind === 'delivered' ? [{ row: m.row, receivedAt: o.receivedAt }] : []; });
    const first = await repo.markDeliveredMany(tx.db, acked.map((a) => ({ id: a.row.id, receivedAt: a.receivedAt })), now);
    for (const a of acked) {
      // Only the first acknowledgement of a message shows on the thread (a concurrent duplicate delivery adds nothing).
      if (first.has(a.row.id) && a.row.request_id) await recordPeerReceipt(tx, { countryCode: a.row.country_code, name: a.row.name }, a.row.request_id, 'received', a.receivedAt);
    }
    for (const [i, m] of batch.entries()) {
      const o = outcomes[i];
      if (o.kind === 'retry') await repo.markRetry(tx.db, m.row.id, new Date(now.getTime() + backoffMs(m.row.attempts + 1, s)), o.error);
      else if (o.kind === 'failed') await repo.markFailed(tx.db, m.row.id, o.error);
    }
  });
}

/**
 * Splits one round's messages into batches: per peer, in sequence order, at most BATCH_ENVELOPES and
 * FEDERATION_MAX_BYTES each (a larger single envelope goes alone), and small enough that the round's
 * batches spread over the parallel deliveries.
 */
function batchesOf(signed: Signed[], s: FederationSettings): Signed[][] {
  const byPeer = new Map<string, Signed[]>();
  for (const m of signed) byPeer.set(m.row.peer_id, [...(byPeer.get(m.row.peer_id) ?? []), m]);
  const out: Signed[][] = [];
  for (const list of byPeer.values()) {
    const size = Math.min(BATCH_ENVELOPES, Math.max(1, Math.ceil(list.length / s.concurrency)));
    let cur: Signed[] = [];
    let bytes = 0;
    for (const m of list) {
      if (cur.length && (cur.length >= size || bytes + m.size > s.maxBytes)) { out.push(cur); cur = []; bytes = 0; }
      cur.push(m);
      bytes += m.size;
    }
    if (cur.length) out.push(cur);
  }
  return out;
}

/** One round: claims due messages, sends them in batches (up to FEDERATION_CONCURRENCY at once); returns how many it claimed. */
export async function deliverDue(ctx: Ctx, limit?: number): Promise<number> {
  const s = currentSettings();
  const now = ctx.clock.now();
  // The lease outlives the HTTP timeout, so a live sender never has its claim taken over.
  const lease = new Date(now.getTime() + s.timeoutMs + 5000);
  const rows = await inTransaction(ctx, (tx) => repo.claimDueOutbox(tx.db, now, lease, limit ?? s.concurrency * BATCH_ENVELOPES));
  if (!rows.length) return 0;
  const keys = new Map<string, string>();
  for (const id of new Set(rows.map((r) => r.peer_id))) keys.set(id, (await repo.findPeer(ctx.db, id))!.publicKey);
  const k = await nodeKey(ctx);
  const sentAt = ctx.clock.now().toISOString();
  const signed = rows.map((row) => {
    const env = signEnvelope({ v: 1, id: row.id, from: s.nodeId, to: row.node_id, kind: row.kind as MessageKind, sentAt, seq: Number(row.seq), payload: row.payload }, k.privateKey);
    return { row, env, size: Buffer.byteLength(JSON.stringify(env)) };
  });
  const batches = batchesOf(signed, s);
  let i = 0;
  const worker = async () => {
    while (i < batches.length) {
      const batch = batches[i++];
      await record(ctx, batch, await post(s, batch, keys.get(batch[0].row.peer_id)!));
    }
  };
  await Promise.all(Array.from({ length: Math.min(s.concurrency, batches.length) }, worker));
  return rows.length;
}

/**
 * Runs the sender loop until stopped: a round right after each enqueue (a few times, since the enqueuing
 * transaction may not have committed yet), back to back while there is work, else every FEDERATION_POLL_MS.
 */
export function startDelivery(ctx: Ctx, onError: (e: unknown) => void): () => Promise<void> {
  const s = currentSettings();
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;
  const schedule = (ms: number) => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, ms);
  };
  const run = () => {
    if (stopped) return;
    if (running) { again = true; return; }
    again = false;
    running = deliverDue(ctx)
      .then((n) => { if (n > 0) again = true; })
      .catch((e) => { onError(e); })
      .finally(() => {
        running = null;
        schedule(again ? 0 : s.pollMs);
      });
  };
  // Generated at first start, not at the first message, so its public half can be given to peers at once.
  nodeKey(ctx).catch(onError);
  const off = onEnqueue(() => {
    for (const ms of [3, 10, 25, 60, 150]) setTimeout(run, ms).unref();
  });
  run();
  return async () => {
    stopped = true;
    off();
    if (timer) clearTimeout(timer);
    await running;
  };
}
