/**
 * Writing the audit log (LED Art 25). Call `audit` inside the same transaction as the act it records,
 * so that neither exists without the other.
 */
import { createHash, randomUUID } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { Ctx } from '../context.ts';
import { appendAudit, lockChainHead } from './audit.repository.ts';

/** LED Art 25(1) kinds of processing, plus security and administration events. */
export type AuditCategory =
  | 'collection' | 'alteration' | 'consultation' | 'disclosure' | 'combination' | 'erasure' | 'security' | 'admin';

export interface AuditEntry {
  category: AuditCategory;
  action: string;
  entityType: string;
  entityId?: string | null;
  personIds?: string[];
  /** LED Art 25(2): consultations and disclosures carry their justification. */
  justification?: string | null;
  /** LED Art 25(2): disclosures name their recipients. */
  recipient?: string | null;
  details?: Record<string, unknown>;
}

/** The canonical text an entry's hash covers; verification recomputes exactly this. */
export function auditHashInput(prevHash: string, e: {
  seq: number; id: string; at: Date; actorId: string | null; actorLabel: string; category: string; action: string;
  entityType: string; entityId: string | null; personIds: string[]; justification: string | null;
  recipient: string | null; details: unknown;
}): string {
  // RFC 8785 canonical JSON: jsonb stores object keys in its own order, so plain JSON.stringify would not verify.
  return canonicalize([
    prevHash, e.seq, e.id, e.at.toISOString(), e.actorId, e.actorLabel, e.category, e.action, e.entityType,
    e.entityId, e.personIds, e.justification, e.recipient, e.details,
  ]) as string;
}

/** Appends one entry to the hash-chained audit log, in ctx's transaction. */
export async function audit(ctx: Ctx, entry: AuditEntry): Promise<void> {
  const head = await lockChainHead(ctx.db);
  const row = {
    seq: head.seq + 1,
    id: randomUUID(),
    at: ctx.clock.now(),
    actorId: ctx.actor?.id ?? null,
    actorLabel: ctx.actor ? ctx.actor.username : 'system',
    category: entry.category,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    personIds: entry.personIds ?? [],
    justification: entry.justification ?? null,
    recipient: entry.recipient ?? null,
    // A round trip through JSON drops undefined values, as jsonb does, so hashes verify.
    details: JSON.parse(JSON.stringify(entry.details ?? {})) as Record<string, unknown>,
  };
  const hash = createHash('sha256').update(auditHashInput(head.hash, row)).digest('hex');
  await appendAudit(ctx.db, { ...row, requestId: ctx.requestId, prevHash: head.hash, hash });
}
