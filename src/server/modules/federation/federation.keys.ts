/**
 * This node's signing key: generated at first start, kept in the database, the private half encrypted
 * at rest with AES-256-GCM when FEDERATION_KEY_SECRET is set. It is never logged or returned by the API.
 */
import { createCipheriv, createDecipheriv, randomBytes, scryptSync, type KeyObject } from 'node:crypto';
import type { Ctx } from '../../platform/context.ts';
import { federationErrors as E } from './federation.errors.ts';
import * as repo from './federation.repository.ts';
import { generateKeyPair, privateKeyFrom } from './federation.signing.ts';

export interface NodeKey { publicKey: string; privateKey: KeyObject }

function seal(der: Buffer, secret: string): string {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', scryptSync(secret, salt, 32), iv);
  const ct = Buffer.concat([c.update(der), c.final()]);
  return [salt, iv, c.getAuthTag(), ct].map((b) => b.toString('base64')).join('.');
}

function open(sealed: string, secret: string): Buffer {
  const [salt, iv, tag, ct] = sealed.split('.').map((s) => Buffer.from(s, 'base64'));
  const d = createDecipheriv('aes-256-gcm', scryptSync(secret, salt, 32), iv);
  d.setAuthTag(tag);
  return Buffer.concat([d.update(ct), d.final()]);
}

/** Loads this node's key, generating and storing one at first start. */
export async function loadOrCreateNodeKey(ctx: Ctx, secret: string | undefined): Promise<NodeKey> {
  let row = await repo.getNodeKey(ctx.db);
  if (!row) {
    const kp = generateKeyPair();
    await repo.insertNodeKey(ctx.db, {
      id: 'self', publicKey: kp.publicKey, createdAt: ctx.clock.now(),
      privateKey: secret ? seal(kp.privateKeyDer, secret) : kp.privateKeyDer.toString('base64'),
      encryption: secret ? 'aes-256-gcm-scrypt' : 'none',
    });
    row = (await repo.getNodeKey(ctx.db))!;
  }
  if (row.encryption !== 'none' && !secret) throw E.keyLocked();
  let der: Buffer;
  try {
    der = row.encryption === 'none' ? Buffer.from(row.privateKey, 'base64') : open(row.privateKey, secret!);
  } catch {
    throw E.keyLocked();
  }
  return { publicKey: row.publicKey, privateKey: privateKeyFrom(der) };
}
