/**
 * The hashes of the audit chain. An entry's content hash is computed by the writer from the entry alone; the
 * sealer links entries by hashing the previous link with the entry's chain position, number and content hash.
 * Entries written before sealing existed (chain format 1, content_hash null) keep their original hash.
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

export const GENESIS_HASH = '0'.repeat(64);

/** What an entry says; the content hash covers exactly these fields. */
export interface AuditContent {
  id: string; at: Date; actorId: string | null; actorLabel: string; category: string; action: string;
  entityType: string; entityId: string | null; personIds: string[]; justification: string | null;
  recipient: string | null; details: unknown;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

// RFC 8785 canonical JSON: jsonb stores object keys in its own order, so plain JSON.stringify would not verify.
const fields = (e: AuditContent) => [
  e.id, e.at.toISOString(), e.actorId, e.actorLabel, e.category, e.action, e.entityType, e.entityId, e.personIds,
  e.justification, e.recipient, e.details,
];

/** SHA-256 of an entry's content (chain format 2), written with the entry. */
export function contentHash(e: AuditContent): string {
  return sha256(canonicalize(['polsam.audit.entry.v2', ...fields(e)]) as string);
}

/** The link of a sealed entry (format 2): commits to the link before it, its position, its number and its content. */
export function linkHash(prevHash: string, chainSeq: number, seq: number, entryContentHash: string): string {
  return sha256(canonicalize(['polsam.audit.link.v2', prevHash, chainSeq, seq, entryContentHash]) as string);
}

/** The hash of an entry written under the old chain-head lock (format 1), where chain position and number were one. */
export function legacyEntryHash(prevHash: string, seq: number, e: AuditContent): string {
  return sha256(canonicalize([prevHash, seq, ...fields(e)]) as string);
}
