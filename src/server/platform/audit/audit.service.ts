/**
 * Writing the audit log (LED Art 25). Call `audit` inside the same transaction as the act it records,
 * so that neither exists without the other. Writers share no lock: the entry carries a hash of its own
 * content, and the sealer (audit.seal.ts) links committed entries into the hash chain shortly after.
 */
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../context.ts';
import { contentHash } from './audit.hash.ts';
import { insertAuditEntry } from './audit.repository.ts';

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

/** Appends one entry to the audit log, in ctx's transaction; returns its number. */
export async function audit(ctx: Ctx, entry: AuditEntry): Promise<number> {
  const content = {
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
  return insertAuditEntry(ctx.db, { ...content, requestId: ctx.requestId, contentHash: contentHash(content) });
}
