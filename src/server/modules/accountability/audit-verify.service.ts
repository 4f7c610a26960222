/**
 * Tamper evidence for the audit log: the node's Ed25519 key, signed checkpoints of the chain, and the
 * verification that names the first entry altered, removed or inserted behind the application's back.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID } from 'node:crypto';
import type { VerifyResult } from '../../../shared/accountability.schemas.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import { signCheckpoint, verifyChain } from '../../platform/audit/audit.verify.ts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { t } from '../../platform/i18n.ts';
import { getSettings } from './accountability.settings.ts';
import * as repo from './accountability.repository.ts';

const PURPOSE = 'audit.checkpoint';

/** The node's checkpoint signing key, generated at first use and kept only in the database. */
export async function ensureSigningKey(ctx: Ctx) {
  const existing = await repo.findSigningKey(ctx.db, PURPOSE);
  if (existing) return existing;
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return (await repo.insertSigningKey(ctx.db, {
    id: randomUUID(), purpose: PURPOSE, algorithm: 'ed25519',
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    createdAt: ctx.clock.now(),
  }))!;
}

/** SHA-256 of the public key (DER), shown so an auditor can compare it with the value recorded at installation. */
export function keyFingerprint(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').replace(/(.{4})(?!$)/g, '$1:');
}

/**
 * Signs a checkpoint of the chain head when enough entries or time have passed since the last one
 * (or always with force); returns the checkpoint written, or null. Not itself audited: the checkpoint is
 * the log's own integrity record, and an entry for it would move the head it just signed.
 */
export async function writeCheckpoint(ctx: Ctx, opts: { force?: boolean } = {}) {
  const settings = await getSettings(ctx);
  return inTransaction(ctx, async (tx) => {
    const head = await repo.chainHead(tx.db);
    if (!head || head.seq === 0) return null;
    const last = await repo.lastCheckpoint(tx.db);
    if (last && last.seq >= head.seq) return null;
    const now = tx.clock.now();
    const enoughEntries = !last || head.seq - last.seq >= settings.checkpointEveryEntries;
    const enoughTime = !last || now.getTime() - last.at.getTime() >= settings.checkpointEveryMinutes * 60_000;
    if (!opts.force && !enoughEntries && !enoughTime) return null;
    const key = await ensureSigningKey(tx);
    const cp = { seq: head.seq, hash: head.hash, at: now };
    const signed = { ...cp, keyId: key.id, signature: signCheckpoint(cp, createPrivateKey(key.privateKey)) };
    await repo.insertCheckpoint(tx.db, signed);
    return signed;
  });
}

/** Verifies the whole chain and every checkpoint signature; the run and its outcome are audited. */
export async function verifyAudit(ctx: Ctx, opts: { record?: boolean } = {}): Promise<VerifyResult> {
  const started = performance.now();
  // One read-only snapshot, so entries written while we read are neither "inserted" nor "removed".
  const { head, key, v } = await inTransaction(ctx, async (tx) => {
    const [head, checkpoints, keys, key] = [
      await repo.chainHead(tx.db), await repo.listCheckpoints(tx.db), await repo.publicKeys(tx.db),
      await repo.findSigningKey(tx.db, PURPOSE),
    ];
    return { head, key, v: await verifyChain(repo.chainBatches(tx.db), head, checkpoints, keys) };
  }, { isolationLevel: 'repeatable read', accessMode: 'read only' });
  const durationMs = Math.round(performance.now() - started);
  const p = v.problem;
  const result: VerifyResult = {
    ok: v.ok, entries: v.entries, lastSeq: v.lastSeq, headSeq: head?.seq ?? null, checkpoints: v.checkpoints,
    lastCheckpointSeq: v.lastCheckpointSeq, keyFingerprint: key ? keyFingerprint(key.publicKey) : null, durationMs,
    problem: p ? {
      kind: p.kind, seq: p.seq, toSeq: p.toSeq ?? null, reason: p.reason,
      message: t(ctx.locale, `accountability.verify.reasons.${p.reason}`, { seq: p.seq, toSeq: p.toSeq ?? p.seq }),
    } : null,
    message: p
      ? t(ctx.locale, `accountability.verify.kinds.${p.kind}`, { seq: p.seq, toSeq: p.toSeq ?? p.seq })
      : t(ctx.locale, 'accountability.verify.intact', { entries: v.entries, checkpoints: v.checkpoints }),
  };
  if (opts.record !== false) {
    await inTransaction(ctx, (tx) => audit(tx, {
      category: 'security', action: 'accountability.audit.verify', entityType: 'audit_log',
      details: { ok: result.ok, entries: result.entries, problem: p ? { kind: p.kind, seq: p.seq, reason: p.reason } : null },
    }));
  }
  return result;
}
