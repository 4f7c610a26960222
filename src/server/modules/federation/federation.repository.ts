/** All SQL of Polsam-to-Polsam exchange: key, peers, outbox, inbox, quarantine, request links. */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { rowsOf } from '../../platform/db/client.ts';
import { inboxMessage, nodeKey, outboxMessage, peer, peerRequestLink, quarantine } from './federation.schema.ts';

export type PeerRow = typeof peer.$inferSelect;
export type OutboxRow = typeof outboxMessage.$inferSelect;
export type InboxRow = typeof inboxMessage.$inferSelect;
export type QuarantineRow = typeof quarantine.$inferSelect;
export type NodeKeyRow = typeof nodeKey.$inferSelect;

export async function getNodeKey(db: Db): Promise<NodeKeyRow | null> {
  return (await db.select().from(nodeKey).where(eq(nodeKey.id, 'self')).limit(1))[0] ?? null;
}

/** Stores the key unless one exists (two processes starting at once keep the first). */
export async function insertNodeKey(db: Db, v: typeof nodeKey.$inferInsert): Promise<void> {
  await db.insert(nodeKey).values(v).onConflictDoNothing();
}

export async function listPeers(db: Db): Promise<PeerRow[]> {
  return db.select().from(peer).orderBy(asc(peer.countryCode), asc(peer.nodeId));
}

export async function findPeer(db: Db, id: string): Promise<PeerRow | null> {
  return (await db.select().from(peer).where(eq(peer.id, id)).limit(1))[0] ?? null;
}

export async function findPeerByNodeId(db: Db, nodeId: string): Promise<PeerRow | null> {
  return (await db.select().from(peer).where(eq(peer.nodeId, nodeId)).limit(1))[0] ?? null;
}

export async function findActivePeerByCountry(db: Db, countryCode: string): Promise<PeerRow | null> {
  return (await db.select().from(peer).where(and(eq(peer.countryCode, countryCode), eq(peer.active, true))).orderBy(asc(peer.createdAt)).limit(1))[0] ?? null;
}

/** Inserts a peer; null when its node id is taken. */
export async function insertPeer(db: Db, v: typeof peer.$inferInsert): Promise<PeerRow | null> {
  return (await db.insert(peer).values(v).onConflictDoNothing({ target: peer.nodeId }).returning())[0] ?? null;
}

export async function updatePeer(db: Db, id: string, v: Partial<typeof peer.$inferInsert>): Promise<PeerRow | null> {
  return (await db.update(peer).set(v).where(eq(peer.id, id)).returning())[0] ?? null;
}

export async function insertOutbox(db: Db, v: typeof outboxMessage.$inferInsert): Promise<boolean> {
  return (await db.insert(outboxMessage).values(v).onConflictDoNothing({ target: outboxMessage.id }).returning({ id: outboxMessage.id })).length > 0;
}

export interface ClaimedRow {
  id: string; seq: number; kind: string; payload: Record<string, unknown>; request_id: string | null; attempts: number;
  peer_id: string; node_id: string; endpoint_url: string; country_code: string; name: string;
}

/**
 * Claims due messages to active peers by pushing their next attempt past a lease, so a crashed sender's
 * claims fall due again by themselves; SKIP LOCKED lets several senders share one database.
 */
export async function claimDueOutbox(db: Db, now: Date, leaseUntil: Date, limit: number): Promise<ClaimedRow[]> {
  return rowsOf<ClaimedRow>(await db.execute(sql`
    WITH due AS (
      SELECT o.id FROM outbox_message o JOIN peer p ON p.id = o.peer_id
      WHERE o.status = 'pending' AND o.next_attempt_at <= ${now.toISOString()}::timestamptz AND p.active
      ORDER BY o.next_attempt_at, o.seq LIMIT ${limit}
      FOR UPDATE OF o SKIP LOCKED
    )
    UPDATE outbox_message o SET next_attempt_at = ${leaseUntil.toISOString()}::timestamptz, last_attempt_at = ${now.toISOString()}::timestamptz
    FROM due, peer p WHERE o.id = due.id AND p.id = o.peer_id
    RETURNING o.id, o.seq, o.kind, o.payload, o.request_id, o.attempts, o.peer_id, p.node_id, p.endpoint_url, p.country_code, p.name`));
}

/** Marks a message delivered; false when it was already (a concurrent duplicate delivery). */
export async function markDelivered(db: Db, id: string, at: Date, ackedReceivedAt: Date): Promise<boolean> {
  const rows = await db.update(outboxMessage)
    .set({ status: 'delivered', deliveredAt: at, ackedReceivedAt, attempts: sql`${outboxMessage.attempts} + 1`, lastError: null })
    .where(and(eq(outboxMessage.id, id), sql`${outboxMessage.status} <> 'delivered'`)).returning({ id: outboxMessage.id });
  return rows.length > 0;
}

/** Marks acknowledged messages delivered in one statement; returns the ids that were not delivered before. */
export async function markDeliveredMany(db: Db, acks: { id: string; receivedAt: Date }[], at: Date): Promise<Set<string>> {
  if (!acks.length) return new Set();
  const rows = rowsOf<{ id: string }>(await db.execute(sql`
    UPDATE outbox_message o SET status = 'delivered', delivered_at = ${at.toISOString()}::timestamptz, acked_received_at = v.at,
      attempts = o.attempts + 1, last_error = NULL
    FROM jsonb_to_recordset(${JSON.stringify(acks.map((a) => ({ id: a.id, at: a.receivedAt.toISOString() })))}::jsonb) AS v(id uuid, at timestamptz)
    WHERE o.id = v.id AND o.status <> 'delivered'
    RETURNING o.id`));
  return new Set(rows.map((r) => r.id));
}

export async function markRetry(db: Db, id: string, nextAttemptAt: Date, error: string): Promise<void> {
  await db.update(outboxMessage).set({ nextAttemptAt, lastError: error.slice(0, 1000), attempts: sql`${outboxMessage.attempts} + 1` })
    .where(and(eq(outboxMessage.id, id), eq(outboxMessage.status, 'pending')));
}

export async function markFailed(db: Db, id: string, error: string): Promise<void> {
  await db.update(outboxMessage).set({ status: 'failed_permanent', lastError: error.slice(0, 1000), attempts: sql`${outboxMessage.attempts} + 1` })
    .where(and(eq(outboxMessage.id, id), eq(outboxMessage.status, 'pending')));
}

/** Puts a failed (or waiting) message back at the head of the queue. */
export async function requeueOutbox(db: Db, id: string, now: Date): Promise<OutboxRow | null> {
  return (await db.update(outboxMessage).set({ status: 'pending', nextAttemptAt: now })
    .where(and(eq(outboxMessage.id, id), sql`${outboxMessage.status} <> 'delivered'`)).returning())[0] ?? null;
}

export async function findOutbox(db: Db, id: string): Promise<OutboxRow | null> {
  return (await db.select().from(outboxMessage).where(eq(outboxMessage.id, id)).limit(1))[0] ?? null;
}

export async function listOutbox(db: Db, q: { status?: string; limit: number; offset: number }) {
  const where = q.status ? eq(outboxMessage.status, q.status) : undefined;
  return db.select({ o: outboxMessage, peerNodeId: peer.nodeId }).from(outboxMessage).innerJoin(peer, eq(peer.id, outboxMessage.peerId))
    .where(where).orderBy(desc(outboxMessage.seq)).limit(q.limit).offset(q.offset);
}

export async function setAckRead(db: Db, requestId: string, peerId: string, at: Date): Promise<void> {
  await db.update(outboxMessage).set({ ackedReadAt: at })
    .where(and(eq(outboxMessage.requestId, requestId), eq(outboxMessage.peerId, peerId), eq(outboxMessage.kind, 'request'), sql`${outboxMessage.ackedReadAt} IS NULL`));
}

/** Inserts the inbox row; false when the message id is already there (a duplicate delivery). */
export async function insertInbox(db: Db, v: typeof inboxMessage.$inferInsert): Promise<boolean> {
  return (await db.insert(inboxMessage).values(v).onConflictDoNothing({ target: inboxMessage.id }).returning({ id: inboxMessage.id })).length > 0;
}

/** Inserts a batch's inbox rows in one statement; returns the ids that were new (the rest were there already). */
export async function insertInboxMany(db: Db, rows: (typeof inboxMessage.$inferInsert)[]): Promise<Set<string>> {
  if (!rows.length) return new Set();
  const ids = await db.insert(inboxMessage).values(rows).onConflictDoNothing({ target: inboxMessage.id }).returning({ id: inboxMessage.id });
  return new Set(ids.map((r) => r.id));
}

export async function findInboxMany(db: Db, ids: string[]): Promise<InboxRow[]> {
  if (!ids.length) return [];
  return db.select().from(inboxMessage).where(inArray(inboxMessage.id, ids));
}

export async function countDuplicates(db: Db, ids: string[], at: Date): Promise<void> {
  if (!ids.length) return;
  await db.update(inboxMessage).set({ duplicateCount: sql`${inboxMessage.duplicateCount} + 1`, lastDuplicateAt: at }).where(inArray(inboxMessage.id, ids));
}

/**
 * Ends a batch in one statement: applied messages are marked processed (with their request) and their
 * held-back copies in quarantine resolved; the inbox rows of refused ones are removed, so a later delivery applies them.
 */
export async function finishInbox(db: Db, applied: { id: string; requestId: string | null }[], refused: string[], at: Date): Promise<void> {
  if (!applied.length && !refused.length) return;
  await db.execute(sql`
    WITH v AS (SELECT * FROM jsonb_to_recordset(${JSON.stringify(applied.map((a) => ({ id: a.id, r: a.requestId })))}::jsonb) AS v(id uuid, r uuid)),
    done AS (UPDATE inbox_message i SET processed = true, request_id = v.r FROM v WHERE i.id = v.id RETURNING i.id),
    gone AS (DELETE FROM inbox_message WHERE id = ANY(${`{${refused.join(',')}}`}::uuid[]) RETURNING id)
    UPDATE quarantine SET resolved_at = ${at.toISOString()}::timestamptz
    WHERE resolved_at IS NULL AND message_id IN (SELECT id::text FROM done)`);
}

export async function findInbox(db: Db, id: string): Promise<InboxRow | null> {
  return (await db.select().from(inboxMessage).where(eq(inboxMessage.id, id)).limit(1))[0] ?? null;
}

export async function markInboxProcessed(db: Db, id: string, requestId: string | null): Promise<void> {
  await db.update(inboxMessage).set({ processed: true, requestId }).where(eq(inboxMessage.id, id));
}

export async function countDuplicate(db: Db, id: string, at: Date): Promise<void> {
  await db.update(inboxMessage).set({ duplicateCount: sql`${inboxMessage.duplicateCount} + 1`, lastDuplicateAt: at }).where(eq(inboxMessage.id, id));
}

export async function listInbox(db: Db, q: { limit: number; offset: number }) {
  return db.select({ i: inboxMessage, peerNodeId: peer.nodeId }).from(inboxMessage).innerJoin(peer, eq(peer.id, inboxMessage.peerId))
    .orderBy(desc(inboxMessage.receivedAt), asc(inboxMessage.id)).limit(q.limit).offset(q.offset);
}

export async function insertQuarantine(db: Db, v: typeof quarantine.$inferInsert): Promise<void> {
  await db.insert(quarantine).values(v);
}

export async function resolveQuarantine(db: Db, messageId: string, at: Date): Promise<void> {
  await db.update(quarantine).set({ resolvedAt: at }).where(and(eq(quarantine.messageId, messageId), sql`${quarantine.resolvedAt} IS NULL`));
}

export async function listQuarantine(db: Db, q: { limit: number; offset: number }) {
  return db.select().from(quarantine).orderBy(desc(quarantine.receivedAt), asc(quarantine.id)).limit(q.limit).offset(q.offset);
}

export async function findQuarantine(db: Db, id: string): Promise<QuarantineRow | null> {
  return (await db.select().from(quarantine).where(eq(quarantine.id, id)).limit(1))[0] ?? null;
}

export async function insertLink(db: Db, v: typeof peerRequestLink.$inferInsert): Promise<void> {
  await db.insert(peerRequestLink).values(v).onConflictDoNothing();
}

export async function findLinkByLocal(db: Db, localRequestId: string) {
  return (await db.select().from(peerRequestLink).where(eq(peerRequestLink.localRequestId, localRequestId)).limit(1))[0] ?? null;
}

export async function findLinkByRemote(db: Db, peerId: string, remoteRequestId: string) {
  return (await db.select().from(peerRequestLink).where(and(eq(peerRequestLink.peerId, peerId), eq(peerRequestLink.remoteRequestId, remoteRequestId))).limit(1))[0] ?? null;
}

/** Counts for the administrator's overview (and the end-to-end test). */
export async function stats(db: Db) {
  const out = rowsOf<{ status: string; n: number }>(await db.execute(sql`SELECT status, count(*)::int AS n FROM outbox_message GROUP BY status`));
  const inbox = rowsOf<{ n: number; dup: number; processed: number }>(await db.execute(sql`SELECT count(*)::int AS n, coalesce(sum(duplicate_count),0)::int AS dup, count(*) FILTER (WHERE processed)::int AS processed FROM inbox_message`))[0];
  const q = rowsOf<{ reason: string; n: number; unresolved: number }>(await db.execute(sql`SELECT reason, count(*)::int AS n, count(*) FILTER (WHERE resolved_at IS NULL)::int AS unresolved FROM quarantine GROUP BY reason`));
  return { outbox: out, inbox, quarantine: q };
}
