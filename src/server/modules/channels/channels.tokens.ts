/**
 * API tokens of channel gateways (service accounts): an administrator issues one per gateway and channel; the
 * token is shown once and only its SHA-256 is stored, so a copy of the database opens nothing. Issuing and
 * revoking are audited; each use is stamped on the token and the token's id is kept with every message it brought.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { ChannelTokenInput } from '../../../shared/channels.schemas.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import { inTransaction, type Actor, type Ctx } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import * as repo from './channels.repository.ts';

const PREFIX = 'polsam_ch_';
const hashOf = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const toTokenView = (r: repo.TokenRow) => ({
  id: r.id, name: r.name, channel: r.channel, createdAt: r.createdAt.toISOString(), lastUsedAt: iso(r.lastUsedAt), revokedAt: iso(r.revokedAt),
});

/** Issues a gateway token for one channel; the token is returned once. */
export async function createToken(ctx: Ctx & { actor: Actor }, input: ChannelTokenInput) {
  const token = `${PREFIX}${randomBytes(32).toString('base64url')}`;
  return inTransaction(ctx, async (tx) => {
    const row = await repo.insertToken(tx.db, { name: input.name, channel: input.channel, tokenHash: hashOf(token), createdBy: ctx.actor.id, createdAt: tx.clock.now() });
    await audit(tx, { category: 'admin', action: 'channels.token.create', entityType: 'channel_token', entityId: row.id, details: { name: row.name, channel: row.channel } });
    return { ...toTokenView(row), token };
  });
}

/** Every gateway token, newest first (never the token itself). */
export async function listTokens(ctx: Ctx) {
  return (await repo.listTokens(ctx.db)).map(toTokenView);
}

/** Revokes a token at once; audited. */
export async function revokeToken(ctx: Ctx & { actor: Actor }, id: string) {
  return inTransaction(ctx, async (tx) => {
    const row = await repo.revokeToken(tx.db, id, tx.clock.now());
    if (!row) throw new DomainError('not_found', 'channels.token_not_found');
    await audit(tx, { category: 'admin', action: 'channels.token.revoke', entityType: 'channel_token', entityId: row.id, details: { name: row.name, channel: row.channel } });
    return toTokenView(row);
  });
}

/** The active token in an `Authorization: Bearer …` header for this channel, or 401. */
export async function authenticateGateway(ctx: Ctx, header: string | undefined, channel: string): Promise<repo.TokenRow> {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  const row = m && m[1].startsWith(PREFIX) ? await repo.findActiveTokenByHash(ctx.db, hashOf(m[1])) : null;
  // A token opens its own channel only; a wrong channel is answered like a wrong token.
  if (!row || row.channel !== channel) throw new DomainError('unauthenticated', 'channels.token_invalid');
  await repo.touchToken(ctx.db, row.id, ctx.clock.now());
  return row;
}
