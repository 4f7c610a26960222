/**
 * Verifying the audit chain (tamper evidence, LED Art 25): recompute every entry's hash in order, compare
 * it with the stored one, the chain head and the signed checkpoints, and name the first entry that was
 * altered, removed or inserted behind the application's back. Pure: the caller supplies rows and keys.
 */
import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import canonicalize from 'canonicalize';
import { auditHashInput } from './audit.service.ts';
import { GENESIS_HASH } from './audit.repository.ts';

export interface ChainRow {
  seq: number; id: string; at: Date; actorId: string | null; actorLabel: string; category: string; action: string;
  entityType: string; entityId: string | null; personIds: string[]; justification: string | null;
  recipient: string | null; details: unknown; prevHash: string; hash: string;
}

export interface Checkpoint { seq: number; hash: string; at: Date; keyId: string; signature: string }

export type ChainProblemKind = 'altered' | 'removed' | 'inserted' | 'checkpoint_invalid' | 'head_missing';

export interface ChainProblem {
  kind: ChainProblemKind;
  /** The first entry concerned (for a rewrite caught only by a checkpoint: the first entry it could be). */
  seq: number;
  /** With a rewrite caught by a checkpoint: the last entry it could be. */
  toSeq?: number;
  /** A stable code for the explanation, translated by the caller (`accountability.verify.reasons.<code>`). */
  reason: string;
}

export interface ChainVerification {
  ok: boolean;
  entries: number;
  lastSeq: number;
  head: { seq: number; hash: string } | null;
  checkpoints: number;
  lastCheckpointSeq: number | null;
  problem: ChainProblem | null;
}

/** The SHA-256 an entry must carry given the hash before it. */
export function entryHash(prevHash: string, r: Omit<ChainRow, 'prevHash' | 'hash'>): string {
  return createHash('sha256').update(auditHashInput(prevHash, r)).digest('hex');
}

/** The exact bytes a checkpoint signature covers (RFC 8785 canonical JSON, with a purpose label). */
export function checkpointMessage(cp: { seq: number; hash: string; at: Date }): Buffer {
  return Buffer.from(canonicalize({ purpose: 'polsam.audit.checkpoint.v1', seq: cp.seq, hash: cp.hash, at: cp.at.toISOString() }) as string);
}

/** Signs a checkpoint with an Ed25519 private key; returns base64. */
export function signCheckpoint(cp: { seq: number; hash: string; at: Date }, privateKey: KeyObject): string {
  return sign(null, checkpointMessage(cp), privateKey).toString('base64');
}

/** Whether a checkpoint's signature verifies under the public key (PEM). */
export function checkpointSignatureValid(cp: Checkpoint, publicKeyPem: string | undefined): boolean {
  if (!publicKeyPem) return false;
  try {
    return verify(null, checkpointMessage(cp), createPublicKey(publicKeyPem), Buffer.from(cp.signature, 'base64'));
  } catch {
    return false;
  }
}

/**
 * Walks the chain in seq order (rows come in batches) and returns the first problem. Classification:
 * a gap in seq is a removal; an entry past the chain head is an insertion; an entry whose stored link skips
 * the entry before it shows that entry was inserted; a link or hash that does not recompute is an alteration.
 */
export async function verifyChain(
  batches: AsyncIterable<ChainRow[]>,
  head: { seq: number; hash: string } | null,
  checkpoints: Checkpoint[],
  publicKeys: Map<string, string>,
): Promise<ChainVerification> {
  const cps = [...checkpoints].sort((a, b) => a.seq - b.seq);
  const cpAt = new Map(cps.map((c) => [c.seq, c]));
  let problem: ChainProblem | null = null;
  const badSig = cps.find((c) => !checkpointSignatureValid(c, publicKeys.get(c.keyId)));
  const fail = (p: ChainProblem) => {
    if (!problem || p.seq < problem.seq) problem = p;
  };
  if (badSig) fail({ kind: 'checkpoint_invalid', seq: badSig.seq, reason: 'checkpoint_signature' });

  let expected = 1;
  let running = GENESIS_HASH;
  let before: string | null = null;
  let lastCp = 0;
  let entries = 0;
  outer: for await (const batch of batches) {
    for (const r of batch) {
      if (r.seq < expected) { fail({ kind: 'inserted', seq: r.seq, reason: 'seq_out_of_range' }); break outer; }
      if (r.seq > expected) { fail({ kind: 'removed', seq: expected, reason: 'seq_gap' }); break outer; }
      // Rows and head are read in one snapshot: every legitimate entry moved the head with it.
      if (head && r.seq > head.seq) { fail({ kind: 'inserted', seq: r.seq, reason: 'beyond_head' }); break outer; }
      const p = linkProblem(r, running, before, head);
      if (p) { fail(p); break outer; }
      const cp = cpAt.get(r.seq);
      if (cp && cp.hash !== r.hash) {
        // Consistently rewritten (every later hash recomputed): only the signed checkpoint still remembers.
        fail({ kind: 'altered', seq: lastCp + 1, toSeq: r.seq, reason: 'checkpoint_mismatch' });
        break outer;
      }
      if (cp) lastCp = cp.seq;
      before = running;
      running = r.hash;
      expected++;
      entries++;
    }
  }
  const lastSeq = expected - 1;
  if (!problem) {
    if (!head && entries > 0) fail({ kind: 'head_missing', seq: lastSeq, reason: 'head_missing' });
    // The head is updated in the same transaction as every legitimate entry: fewer rows than it counts means a removal.
    else if (head && head.seq > lastSeq) fail({ kind: 'removed', seq: lastSeq + 1, reason: 'tail_removed' });
    else if (head && head.seq === lastSeq && entries > 0 && head.hash !== running) fail({ kind: 'altered', seq: lastSeq, reason: 'head_mismatch' });
    const beyond = cps.find((c) => c.seq > lastSeq);
    if (beyond) fail({ kind: 'removed', seq: lastSeq + 1, reason: 'tail_removed' });
  }
  return {
    ok: problem === null, entries, lastSeq, head, checkpoints: cps.length,
    lastCheckpointSeq: cps.length ? cps[cps.length - 1].seq : null, problem,
  };
}

function linkProblem(r: ChainRow, running: string, before: string | null, head: { seq: number } | null): ChainProblem | null {
  const recomputed = entryHash(running, r);
  if (r.prevHash === running && recomputed === r.hash) return null;
  if (head && r.seq > head.seq) return { kind: 'inserted', seq: r.seq, reason: 'beyond_head' };
  if (r.prevHash === running) return { kind: 'altered', seq: r.seq, reason: 'content_changed' };
  const selfConsistent = entryHash(r.prevHash, r) === r.hash;
  if (selfConsistent && before !== null && r.prevHash === before) return { kind: 'inserted', seq: r.seq - 1, reason: 'link_skips_entry' };
  // Later entries renumbered up to make room for a forged one: this entry still hashes under its old number.
  if (before !== null && r.prevHash === before && entryHash(r.prevHash, { ...r, seq: r.seq - 1 }) === r.hash) {
    return { kind: 'inserted', seq: r.seq - 1, reason: 'link_skips_entry' };
  }
  if (selfConsistent && r.seq > 1) return { kind: 'altered', seq: r.seq - 1, reason: 'hash_rewritten' };
  // Later entries renumbered down to hide a deletion: this entry still hashes under its old number.
  if (entryHash(r.prevHash, { ...r, seq: r.seq + 1 }) === r.hash) return { kind: 'removed', seq: r.seq, reason: 'renumbered' };
  if (recomputed === r.hash) return { kind: 'altered', seq: r.seq, reason: 'link_changed' };
  return { kind: 'altered', seq: r.seq, reason: 'content_changed' };
}
