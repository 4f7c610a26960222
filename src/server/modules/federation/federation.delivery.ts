/**
 * The sender loop: claims due outbox rows (FOR UPDATE SKIP LOCKED, under a lease), signs and POSTs each to
 * its peer with a timeout, and records the outcome — delivered on a verified acknowledgement, retried with
 * exponential backoff on timeouts, 5xx, garbage and "out of order", failed for good on a signed refusal.
 * Nothing is held in memory: a sender killed at any moment resends what was not acknowledged.
 */
import type { Ctx } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import { RETRYABLE_REJECTIONS } from './federation.errors.ts';
import * as repo from './federation.repository.ts';
import { currentSettings, nodeKey, onEnqueue, recordDelivered, type FederationSettings } from './federation.service.ts';
import { ackSchema, publicKeyFrom, signEnvelope, verifyObject, type MessageKind } from './federation.signing.ts';

export type Outcome =
  | { kind: 'delivered'; receivedAt: Date }
  | { kind: 'retry'; error: string }
  | { kind: 'failed'; error: string };

/** Exponential backoff with jitter: base · 2^(attempt−1), capped, between 50 % and 100 % of that. */
export function backoffMs(attempt: number, s: Pick<FederationSettings, 'backoffBaseMs' | 'backoffMaxMs'>, rnd = Math.random()): number {
  const full = Math.min(s.backoffMaxMs, s.backoffBaseMs * 2 ** Math.min(30, Math.max(0, attempt - 1)));
  return Math.round(full * (0.5 + rnd / 2));
}

/** Classifies a peer's HTTP answer to a message. */
export async function classify(res: Response, expect: { id: string; peerNodeId: string; self: string; peerKey: string }): Promise<Outcome> {
  const text = (await res.text()).slice(0, 64 * 1024);
  let body: unknown = null;
  try { body = JSON.parse(text); } catch { /* garbage: handled below */ }
  if (res.ok) {
    const ack = ackSchema.safeParse(body);
    const key = publicKeyFrom(expect.peerKey);
    if (!ack.success || !key || ack.data.id !== expect.id || ack.data.from !== expect.peerNodeId || ack.data.to !== expect.self || !verifyObject(ack.data, key)) {
      // An unsigned or wrong acknowledgement proves nothing: try again.
      return { kind: 'retry', error: `${res.status} federation.bad_ack: ${text.slice(0, 200)}` };
    }
    return { kind: 'delivered', receivedAt: new Date(ack.data.receivedAt) };
  }
  const code = body && typeof body === 'object' && typeof (body as { error?: unknown }).error === 'string' ? (body as { error: string }).error : null;
  const message = body && typeof body === 'object' && typeof (body as { message?: unknown }).message === 'string' ? (body as { message: string }).message : text.slice(0, 200);
  const error = `${res.status} ${code ?? 'http_error'}: ${message}`.slice(0, 1000);
  const transient = res.status >= 500 || res.status === 408 || res.status === 429 || (code !== null && RETRYABLE_REJECTIONS.includes(code));
  // A peer's signed refusal (bad signature, unknown peer, malformed …) will not change by resending.
  return transient || !code?.startsWith('federation.') ? { kind: 'retry', error } : { kind: 'failed', error };
}

async function deliverOne(ctx: Ctx, row: repo.ClaimedRow, peerKey: string): Promise<void> {
  const s = currentSettings();
  let outcome: Outcome;
  try {
    const k = await nodeKey(ctx);
    const env = signEnvelope({
      v: 1, id: row.id, from: s.nodeId, to: row.node_id, kind: row.kind as MessageKind, sentAt: ctx.clock.now().toISOString(), seq: Number(row.seq),
      payload: row.payload,
    }, k.privateKey);
    const res = await fetch(`${row.endpoint_url}/api/federation/inbox`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(env), signal: AbortSignal.timeout(s.timeoutMs),
    });
    outcome = await classify(res, { id: row.id, peerNodeId: row.node_id, self: s.nodeId, peerKey });
  } catch (e) {
    const err = e as Error & { cause?: { code?: string } };
    outcome = { kind: 'retry', error: err.name === 'TimeoutError' ? `timeout after ${s.timeoutMs} ms` : `network: ${err.cause?.code ?? err.message}` };
  }
  if (outcome.kind === 'delivered') {
    await recordDelivered(ctx, { id: row.id, requestId: row.request_id, peer: { countryCode: row.country_code, name: row.name } }, outcome.receivedAt);
  } else if (outcome.kind === 'retry') {
    const next = new Date(ctx.clock.now().getTime() + backoffMs(row.attempts + 1, s));
    await inTransaction(ctx, (tx) => repo.markRetry(tx.db, row.id, next, outcome.error));
  } else {
    await inTransaction(ctx, (tx) => repo.markFailed(tx.db, row.id, outcome.error));
  }
}

/** One round: claims up to `limit` due messages and delivers them concurrently; returns how many it claimed. */
export async function deliverDue(ctx: Ctx, limit?: number): Promise<number> {
  const s = currentSettings();
  const now = ctx.clock.now();
  // The lease outlives the HTTP timeout, so a live sender never has its claim taken over.
  const lease = new Date(now.getTime() + s.timeoutMs + 5000);
  const rows = await inTransaction(ctx, (tx) => repo.claimDueOutbox(tx.db, now, lease, limit ?? s.concurrency * 4));
  if (!rows.length) return 0;
  const keys = new Map<string, string>();
  for (const id of new Set(rows.map((r) => r.peer_id))) keys.set(id, (await repo.findPeer(ctx.db, id))!.publicKey);
  let i = 0;
  const worker = async () => {
    while (i < rows.length) {
      const row = rows[i++];
      await deliverOne(ctx, row, keys.get(row.peer_id)!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(s.concurrency, rows.length) }, worker));
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
    for (const ms of [2, 25, 100]) setTimeout(run, ms).unref();
  });
  run();
  return async () => {
    stopped = true;
    off();
    if (timer) clearTimeout(timer);
    await running;
  };
}
