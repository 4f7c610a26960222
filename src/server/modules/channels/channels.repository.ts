/** All SQL of channel ingress and egress. */
import { and, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../platform/db/client.ts';
import { request } from '../exchange/index.ts';
import { channelInbox, channelOutbox, channelToken, sireneFormSeq } from './channels.schema.ts';

export type InboxRow = typeof channelInbox.$inferSelect;
export type OutboxRow = typeof channelOutbox.$inferSelect;
export type TokenRow = typeof channelToken.$inferSelect;

export async function findInboxByHash(db: Db, channel: string, hash: string): Promise<InboxRow | null> {
  return (await db.select().from(channelInbox).where(and(eq(channelInbox.channel, channel), eq(channelInbox.contentHash, hash))).limit(1))[0] ?? null;
}

export async function findInboxByRef(db: Db, channel: string, country: string, messageRef: string): Promise<InboxRow | null> {
  return (await db.select().from(channelInbox)
    .where(and(eq(channelInbox.channel, channel), eq(channelInbox.countryCode, country), eq(channelInbox.messageRef, messageRef))).limit(1))[0] ?? null;
}

export async function insertInbox(db: Db, v: typeof channelInbox.$inferInsert): Promise<InboxRow> {
  return (await db.insert(channelInbox).values(v).returning())[0];
}

/**
 * The case a follow-up belongs to, by the references it carries, within the channel: a message of the same
 * thread that came in from that country, a message we sent on the channel, or the request's own references
 * (ours, or the counterpart's). The most recent wins.
 */
export async function findCaseByReferences(db: Db, channel: string, country: string, refs: string[]): Promise<string | null> {
  if (!refs.length) return null;
  const inbox = await db.select({ id: channelInbox.requestId }).from(channelInbox)
    .where(and(eq(channelInbox.channel, channel), eq(channelInbox.countryCode, country), sql`${channelInbox.requestId} IS NOT NULL`,
      or(inArray(channelInbox.messageRef, refs), inArray(channelInbox.caseRef, refs))))
    .orderBy(desc(channelInbox.receivedAt)).limit(1);
  if (inbox[0]?.id) return inbox[0].id;
  const sent = await db.select({ id: channelOutbox.requestId }).from(channelOutbox)
    .where(and(eq(channelOutbox.channel, channel), inArray(channelOutbox.messageRef, refs), sql`${channelOutbox.requestId} IS NOT NULL`))
    .orderBy(desc(channelOutbox.createdAt)).limit(1);
  if (sent[0]?.id) return sent[0].id;
  const own = await db.select({ id: request.id }).from(request)
    .where(and(eq(request.channel, channel), or(inArray(request.reference, refs), and(eq(request.countryCode, country), inArray(request.counterpartReference, refs)))))
    .orderBy(desc(request.createdAt)).limit(1);
  return own[0]?.id ?? null;
}

export async function referenceOf(db: Db, requestId: string): Promise<string | null> {
  return (await db.select({ reference: request.reference }).from(request).where(eq(request.id, requestId)).limit(1))[0]?.reference ?? null;
}

/** The channel thread of a case (the last case reference received on it), for our replies. */
export async function caseRefOf(db: Db, requestId: string): Promise<string | null> {
  const rows = await db.select({ caseRef: channelInbox.caseRef }).from(channelInbox)
    .where(and(eq(channelInbox.requestId, requestId), sql`${channelInbox.caseRef} IS NOT NULL`)).orderBy(desc(channelInbox.receivedAt)).limit(1);
  return rows[0]?.caseRef ?? null;
}

export async function insertOutbox(db: Db, v: typeof channelOutbox.$inferInsert): Promise<void> {
  await db.insert(channelOutbox).values(v);
}

export async function findOutboxForUpdate(db: Db, id: string): Promise<OutboxRow | null> {
  return (await db.select().from(channelOutbox).where(eq(channelOutbox.id, id)).limit(1).for('update'))[0] ?? null;
}

export async function markOutboxSent(db: Db, id: string, externalRef: string, at: Date): Promise<void> {
  await db.update(channelOutbox).set({ status: 'sent', externalRef, sentAt: at, attempts: sql`${channelOutbox.attempts} + 1`, lastError: null }).where(eq(channelOutbox.id, id));
}

export async function outboxOf(db: Db, requestId: string): Promise<OutboxRow[]> {
  return db.select().from(channelOutbox).where(eq(channelOutbox.requestId, requestId)).orderBy(channelOutbox.createdAt);
}

export async function nextSireneSequence(db: Db): Promise<number> {
  return Number(rowsOf<{ n: number }>(await db.execute(sql`SELECT nextval(${sql.raw(`'${sireneFormSeq.seqName}'`)})::int AS n`))[0].n);
}

export async function insertToken(db: Db, v: typeof channelToken.$inferInsert): Promise<TokenRow> {
  return (await db.insert(channelToken).values(v).returning())[0];
}

export async function listTokens(db: Db): Promise<TokenRow[]> {
  return db.select().from(channelToken).orderBy(desc(channelToken.createdAt));
}

export async function findActiveTokenByHash(db: Db, hash: string): Promise<TokenRow | null> {
  return (await db.select().from(channelToken).where(and(eq(channelToken.tokenHash, hash), isNull(channelToken.revokedAt))).limit(1))[0] ?? null;
}

export async function touchToken(db: Db, id: string, at: Date): Promise<void> {
  await db.update(channelToken).set({ lastUsedAt: at }).where(eq(channelToken.id, id));
}

export async function revokeToken(db: Db, id: string, at: Date): Promise<TokenRow | null> {
  return (await db.update(channelToken).set({ revokedAt: at }).where(and(eq(channelToken.id, id), isNull(channelToken.revokedAt))).returning())[0] ?? null;
}
