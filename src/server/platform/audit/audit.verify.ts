/**
 * Verifying the audit chain (tamper evidence, LED Art 25): recompute every sealed entry's content hash and link
 * in chain order, compare them with the chain head, the signed checkpoints and an auditor's checkpoint file, check
 * the entries not sealed yet, and name the first entry that was altered, removed or inserted behind the
 * application's back. Pure: the caller supplies rows and keys.
 */
import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import canonicalize from 'canonicalize';
import { contentHash, GENESIS_HASH, legacyEntryHash, linkHash, type AuditContent } from './audit.hash.ts';

export interface ChainRow extends AuditContent {
  seq: number; chainSeq: number; contentHash: string | null; prevHash: string; hash: string;
}

export interface UnsealedRow extends AuditContent { seq: number; txid: number; contentHash: string | null }

export interface Checkpoint { seq: number; hash: string; at: Date; keyId: string; signature: string }

/** A checkpoint kept outside the database (`polsam audit checkpoint export`), with the public key that signed it. */
export interface Anchor extends Checkpoint { publicKey: string }

export type ChainProblemKind = 'altered' | 'removed' | 'inserted' | 'checkpoint_invalid' | 'head_missing';

export interface ChainProblem {
  kind: ChainProblemKind;
  /** The chain position concerned (for a rewrite caught only by a checkpoint: the first it could be); null off the chain. */
  seq: number | null;
  /** With a rewrite caught by a checkpoint: the last position it could be. */
  toSeq?: number;
  /** The audit entry's number (what the auditor's search shows), when the entry is still there. */
  entry: number | null;
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
  /** Entries written by the application and not sealed yet (their transactions finished after the last seal). */
  unsealed: number;
  anchor: { seq: number; matched: boolean } | null;
  problem: ChainProblem | null;
}

export interface UnsealedCheck {
  rows: UnsealedRow[];
  /** The horizon of the seal that ran just before: every entry of an older transaction was offered to it. */
  horizon: number;
  /** The reading snapshot's xmax: no visible entry can come from a transaction at or after it. */
  xmax: number;
}

/** The link a sealed entry must carry at position `pos` after `prevHash`, in its chain format. */
export function chainHash(prevHash: string, r: Omit<ChainRow, 'prevHash' | 'hash' | 'chainSeq'>, pos: number): string {
  return r.contentHash === null ? legacyEntryHash(prevHash, pos, r) : linkHash(prevHash, pos, r.seq, contentHash(r));
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
 * Walks the chain in position order (rows come in batches) and returns the first problem. Classification:
 * a gap in positions is a removal; a position past the chain head is an insertion; an entry whose stored link
 * skips the entry before it shows that entry was inserted; a link or hash that does not recompute is an
 * alteration; a checkpoint (in the database or the auditor's file) the chain no longer reaches is a truncation.
 * Then entries not sealed yet: one whose content does not match its hash, or whose transaction cannot have
 * written it, was inserted behind the application's back.
 */
export async function verifyChain(
  batches: AsyncIterable<ChainRow[]>,
  head: { seq: number; hash: string } | null,
  checkpoints: Checkpoint[],
  publicKeys: Map<string, string>,
  opts: { unsealed?: UnsealedCheck; anchor?: Anchor } = {},
): Promise<ChainVerification> {
  const anchor = opts.anchor;
  const cps = [...checkpoints].sort((a, b) => a.seq - b.seq);
  const targets = new Map<number, Checkpoint[]>();
  for (const c of anchor ? [...cps, anchor] : cps) targets.set(c.seq, [...(targets.get(c.seq) ?? []), c]);
  let problem: ChainProblem | null = null;
  const fail = (p: ChainProblem) => {
    if (!problem || (p.seq ?? Infinity) < (problem.seq ?? Infinity)) problem = p;
  };
  const badSig = cps.find((c) => !checkpointSignatureValid(c, publicKeys.get(c.keyId)));
  if (badSig) fail({ kind: 'checkpoint_invalid', seq: badSig.seq, entry: null, reason: 'checkpoint_signature' });
  if (anchor && !checkpointSignatureValid(anchor, anchor.publicKey)) fail({ kind: 'checkpoint_invalid', seq: anchor.seq, entry: null, reason: 'anchor_signature' });

  let expected = 1;
  let running = GENESIS_HASH;
  let before: string | null = null;
  let prevEntry: number | null = null;
  let lastCp = 0;
  let entries = 0;
  let anchorMatched = false;
  outer: for await (const batch of batches) {
    for (const r of batch) {
      if (r.chainSeq < expected) { fail({ kind: 'inserted', seq: r.chainSeq, entry: r.seq, reason: 'seq_out_of_range' }); break outer; }
      if (r.chainSeq > expected) { fail({ kind: 'removed', seq: expected, entry: null, reason: 'seq_gap' }); break outer; }
      // Rows and head are read in one snapshot: the sealer moves the head with every link it writes.
      if (head && r.chainSeq > head.seq) { fail({ kind: 'inserted', seq: r.chainSeq, entry: r.seq, reason: 'beyond_head' }); break outer; }
      const p = linkProblem(r, running, before, prevEntry, head);
      if (p) { fail(p); break outer; }
      for (const cp of targets.get(r.chainSeq) ?? []) {
        if (cp.hash !== r.hash) {
          // Consistently rewritten (every later link recomputed): only the signed checkpoint still remembers.
          fail({ kind: 'altered', seq: lastCp + 1, toSeq: r.chainSeq, entry: null, reason: cp === anchor ? 'anchor_mismatch' : 'checkpoint_mismatch' });
          break outer;
        }
        if (cp === anchor) anchorMatched = true;
      }
      if (targets.has(r.chainSeq)) lastCp = r.chainSeq;
      before = running;
      running = r.hash;
      prevEntry = r.seq;
      expected++;
      entries++;
    }
  }
  const lastSeq = expected - 1;
  if (!problem) {
    if (!head && entries > 0) fail({ kind: 'head_missing', seq: lastSeq, entry: null, reason: 'head_missing' });
    // The head moves in the same transaction as every link: fewer positions than it counts means a removal.
    else if (head && head.seq > lastSeq) fail({ kind: 'removed', seq: lastSeq + 1, entry: null, reason: 'tail_removed' });
    else if (head && head.seq === lastSeq && entries > 0 && head.hash !== running) fail({ kind: 'altered', seq: lastSeq, entry: prevEntry, reason: 'head_mismatch' });
    else if (anchor && anchor.seq > lastSeq) fail({ kind: 'removed', seq: lastSeq + 1, entry: null, reason: 'anchor_truncated' });
    else if (cps.some((c) => c.seq > lastSeq)) fail({ kind: 'removed', seq: lastSeq + 1, entry: null, reason: 'tail_removed' });
  }
  let unsealed = 0;
  if (!problem && opts.unsealed) {
    const u = opts.unsealed;
    for (const r of [...u.rows].sort((a, b) => a.seq - b.seq)) {
      if (r.contentHash === null || r.contentHash !== contentHash(r)) { fail({ kind: 'inserted', seq: null, entry: r.seq, reason: 'unsealed_content' }); break; }
      // A committed entry of a transaction below the horizon was offered to the sealer; one at or after the
      // snapshot's xmax cannot be visible: either way no transaction of the application wrote it.
      if (r.txid < u.horizon || r.txid >= u.xmax) { fail({ kind: 'inserted', seq: null, entry: r.seq, reason: 'unsealed_txid' }); break; }
      unsealed++;
    }
  }
  return {
    ok: problem === null, entries, lastSeq, head, checkpoints: cps.length,
    lastCheckpointSeq: cps.length ? cps[cps.length - 1].seq : null, unsealed,
    anchor: anchor ? { seq: anchor.seq, matched: anchorMatched } : null, problem,
  };
}

function linkProblem(r: ChainRow, running: string, before: string | null, prevEntry: number | null, head: { seq: number } | null): ChainProblem | null {
  const pos = r.chainSeq;
  const recomputed = chainHash(running, r, pos);
  if (r.prevHash === running && recomputed === r.hash) return null;
  if (head && pos > head.seq) return { kind: 'inserted', seq: pos, entry: r.seq, reason: 'beyond_head' };
  if (r.prevHash === running) return { kind: 'altered', seq: pos, entry: r.seq, reason: 'content_changed' };
  const selfConsistent = chainHash(r.prevHash, r, pos) === r.hash;
  if (selfConsistent && before !== null && r.prevHash === before) return { kind: 'inserted', seq: pos - 1, entry: prevEntry, reason: 'link_skips_entry' };
  // Later entries renumbered up to make room for a forged one: this entry still hashes under its old position.
  if (before !== null && r.prevHash === before && chainHash(r.prevHash, r, pos - 1) === r.hash) {
    return { kind: 'inserted', seq: pos - 1, entry: prevEntry, reason: 'link_skips_entry' };
  }
  if (selfConsistent && pos > 1) return { kind: 'altered', seq: pos - 1, entry: prevEntry, reason: 'hash_rewritten' };
  // Later entries renumbered down to hide a deletion: this entry still hashes under its old position.
  if (chainHash(r.prevHash, r, pos + 1) === r.hash) return { kind: 'removed', seq: pos, entry: null, reason: 'renumbered' };
  if (recomputed === r.hash) return { kind: 'altered', seq: pos, entry: r.seq, reason: 'link_changed' };
  return { kind: 'altered', seq: pos, entry: r.seq, reason: 'content_changed' };
}
