/**
 * Tamper evidence for the audit log: signed checkpoints of the sealed chain (the key is kept outside the
 * database), the checkpoint file an auditor keeps outside it, and the verification that names the first entry
 * altered, removed or inserted behind the application's back.
 */
import { z } from 'zod';
import type { VerifyResult } from '../../../shared/accountability.schemas.ts';
import { auditSigner, keyFingerprint } from '../../platform/audit/audit-key.ts';
import { sealAudit } from '../../platform/audit/audit.seal.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import { checkpointMessage, verifyChain, type Anchor } from '../../platform/audit/audit.verify.ts';
import { snapshotXmax } from '../../platform/audit/audit.repository.ts';
import { inTransaction, type Ctx } from '../../platform/context.ts';
import { t } from '../../platform/i18n.ts';
import { accountabilityErrors } from './accountability.errors.ts';
import { getSettings } from './accountability.settings.ts';
import * as repo from './accountability.repository.ts';

export { keyFingerprint };

const PURPOSE = 'audit.checkpoint';

/** Signs {seq, hash, at} with the node's checkpoint key and records the key's public half. */
async function signHead(ctx: Ctx, head: { seq: number; hash: string }) {
  const signer = auditSigner();
  await repo.recordPublicKey(ctx.db, { id: signer.keyId, purpose: PURPOSE, publicKey: signer.publicKeyPem, createdAt: ctx.clock.now() });
  const cp = { ...head, at: ctx.clock.now() };
  return { ...cp, keyId: signer.keyId, signature: (await signer.sign(checkpointMessage(cp))).toString('base64') };
}

/**
 * Seals what can be sealed, then signs a checkpoint of the chain head when enough entries or time have passed
 * since the last one (or always with force); returns the checkpoint written, or null. Not itself audited: the
 * checkpoint is the log's own integrity record.
 */
export async function writeCheckpoint(ctx: Ctx, opts: { force?: boolean } = {}) {
  const settings = await getSettings(ctx);
  await sealAudit(ctx);
  return inTransaction(ctx, async (tx) => {
    const head = await repo.chainHead(tx.db);
    if (!head || head.seq === 0) return null;
    const last = await repo.lastCheckpoint(tx.db);
    if (last && last.seq >= head.seq) return null;
    const now = tx.clock.now();
    const enoughEntries = !last || head.seq - last.seq >= settings.checkpointEveryEntries;
    const enoughTime = !last || now.getTime() - last.at.getTime() >= settings.checkpointEveryMinutes * 60_000;
    if (!opts.force && !enoughEntries && !enoughTime) return null;
    const signed = await signHead(tx, head);
    await repo.insertCheckpoint(tx.db, signed);
    return signed;
  });
}

/** The checkpoint file an auditor keeps outside the database (`polsam audit checkpoint export`). */
export const checkpointFile = z.object({
  format: z.literal('polsam.audit.checkpoint.v1'),
  node: z.string(),
  seq: z.number().int().min(1),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.iso.datetime().transform((s) => new Date(s)),
  keyId: z.string(),
  keyFingerprint: z.string(),
  publicKey: z.string(),
  signature: z.string(),
});
export type CheckpointFile = z.input<typeof checkpointFile>;

/** Reads a checkpoint file's JSON; a malformed one is a validation error naming the file's fields. */
export function parseCheckpointFile(json: unknown): Anchor {
  const parsed = checkpointFile.safeParse(json);
  if (!parsed.success) throw accountabilityErrors.checkpointFileInvalid(parsed.error.issues.map((i) => ({ path: i.path.join('.') || 'file', code: i.code })));
  const { seq, hash, at, keyId, signature, publicKey } = parsed.data;
  return { seq, hash, at, keyId, signature, publicKey };
}

/**
 * Signs the current sealed head for an auditor to keep outside the database, after verifying the chain (a
 * checkpoint over a tampered chain would bless it). Audited. Throws when the chain does not verify.
 */
export async function exportCheckpoint(ctx: Ctx): Promise<CheckpointFile> {
  const v = await verifyAudit(ctx);
  if (!v.ok) throw accountabilityErrors.chainNotIntact();
  const file = await inTransaction(ctx, async (tx) => {
    const head = await repo.chainHead(tx.db);
    if (!head || head.seq === 0) throw accountabilityErrors.chainEmpty();
    const signed = await signHead(tx, head);
    await repo.insertCheckpoint(tx.db, signed);
    await audit(tx, { category: 'security', action: 'accountability.audit.checkpoint_export', entityType: 'audit_log', details: { seq: head.seq } });
    const publicKey = auditSigner().publicKeyPem;
    return {
      format: 'polsam.audit.checkpoint.v1' as const, node: tx.nodeCountry, seq: signed.seq, hash: signed.hash, at: signed.at.toISOString(),
      keyId: signed.keyId, keyFingerprint: keyFingerprint(publicKey), publicKey, signature: signed.signature,
    };
  });
  return file;
}

/**
 * Seals what can be sealed, then verifies the whole chain, every checkpoint signature, the entries not sealed
 * yet and, when given, the auditor's checkpoint file; the run and its outcome are audited.
 */
export async function verifyAudit(ctx: Ctx, opts: { record?: boolean; anchor?: Anchor } = {}): Promise<VerifyResult> {
  const started = performance.now();
  const seal = await sealAudit(ctx);
  const signer = auditSigner();
  // One read-only snapshot, so entries sealed while we read are neither "inserted" nor "removed".
  const { head, v } = await inTransaction(ctx, async (tx) => {
    const [head, checkpoints, keys, rows, xmax] = [
      await repo.chainHead(tx.db), await repo.listCheckpoints(tx.db), await repo.publicKeys(tx.db),
      await repo.unsealedEntries(tx.db), await snapshotXmax(tx.db),
    ];
    // The key in force is taken from its keeper, never from the database copy an intruder could swap.
    keys.set(signer.keyId, signer.publicKeyPem);
    const unsealed = { rows, horizon: seal.horizon, xmax };
    // The file's signature must verify under a key this node signs or signed with, not under the key the file brings.
    const anchor = opts.anchor && { ...opts.anchor, publicKey: keys.get(opts.anchor.keyId) ?? '' };
    return { head, v: await verifyChain(repo.chainBatches(tx.db), head, checkpoints, keys, { unsealed, anchor }) };
  }, { isolationLevel: 'repeatable read', accessMode: 'read only' });
  const durationMs = Math.round(performance.now() - started);
  const p = v.problem;
  const params = p ? { seq: p.seq ?? 0, toSeq: p.toSeq ?? p.seq ?? 0, entry: p.entry === null ? 'none' : String(p.entry) } : {};
  const result: VerifyResult = {
    ok: v.ok, entries: v.entries, lastSeq: v.lastSeq, headSeq: head?.seq ?? null, unsealed: v.unsealed, checkpoints: v.checkpoints,
    lastCheckpointSeq: v.lastCheckpointSeq, keyFingerprint: keyFingerprint(signer.publicKeyPem),
    anchor: v.anchor && opts.anchor ? { ...v.anchor, keyFingerprint: safeFingerprint(opts.anchor.publicKey) } : null, durationMs,
    problem: p ? {
      kind: p.kind, seq: p.seq, toSeq: p.toSeq ?? null, entry: p.entry, reason: p.reason,
      message: t(ctx.locale, `accountability.verify.reasons.${p.reason}`, params),
    } : null,
    message: p
      ? t(ctx.locale, `accountability.verify.kinds.${p.kind}`, params)
      : t(ctx.locale, 'accountability.verify.intact', { entries: v.entries, checkpoints: v.checkpoints }),
  };
  if (opts.record !== false) {
    await inTransaction(ctx, (tx) => audit(tx, {
      category: 'security', action: 'accountability.audit.verify', entityType: 'audit_log',
      details: { ok: result.ok, entries: result.entries, anchor: result.anchor?.seq ?? null, problem: p ? { kind: p.kind, seq: p.seq, entry: p.entry, reason: p.reason } : null },
    }));
  }
  return result;
}

function safeFingerprint(pem: string): string {
  try {
    return keyFingerprint(pem);
  } catch {
    return 'invalid';
  }
}
