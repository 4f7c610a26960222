/**
 * The sealer links committed audit entries into the hash chain. Writers insert entries without any shared lock;
 * the sealer takes entries only from transactions below the safe horizon (PostgreSQL's snapshot xmin: no
 * transaction that could still commit is older), in number order, checks each entry's content hash, and
 * gives it the next chain position and link. Entries of later transactions wait for a later round, so the
 * chain order is the sealing order; rolled-back transactions leave harmless gaps in the entry numbers.
 * An entry whose content does not match its hash was not written by the application: it is left out of the
 * chain, and the verifier names it.
 */
import { inTransaction, type Ctx } from '../context.ts';
import { contentHash, linkHash } from './audit.hash.ts';
import { lockChainHead, moveChainHead, sealableEntries, sealHorizon, writeLinks } from './audit.repository.ts';

export interface SealResult {
  sealed: number;
  /** Entries left out because their content does not match their content hash. */
  refused: number;
  head: { seq: number; hash: string };
  /** Every entry of a transaction below this id was offered to the sealer (the first round's horizon). */
  horizon: number;
}

/** Seals everything sealable now, in batches of one transaction each; callable any time (before verify, exports). */
export async function sealAudit(ctx: Ctx, opts: { batch?: number } = {}): Promise<SealResult> {
  const batch = opts.batch ?? 5000;
  let sealed = 0;
  let refused = 0;
  let afterSeq = 0;
  let firstHorizon: number | null = null;
  for (;;) {
    const round = await inTransaction(ctx, async (tx) => {
      // The head lock orders sealers among themselves only; the horizon is read after it, so that it is current.
      let head = await lockChainHead(tx.db);
      const horizon = await sealHorizon(tx.db);
      const rows = await sealableEntries(tx.db, horizon, afterSeq, batch);
      const links = [];
      let bad = 0;
      for (const r of rows) {
        if (r.contentHash === null || r.contentHash !== contentHash(r)) { bad++; continue; }
        const chainSeq = head.seq + 1;
        const hash = linkHash(head.hash, chainSeq, r.seq, r.contentHash);
        links.push({ seq: r.seq, chainSeq, prevHash: head.hash, hash });
        head = { seq: chainSeq, hash };
      }
      await writeLinks(tx.db, links);
      if (links.length) await moveChainHead(tx.db, head);
      return { head, horizon, seen: rows.length, lastSeq: rows.at(-1)?.seq ?? afterSeq, linked: links.length, bad };
    });
    sealed += round.linked;
    refused += round.bad;
    afterSeq = round.lastSeq;
    // Later rounds only look past afterSeq; an entry below it and the first horizon was already offered.
    firstHorizon ??= round.horizon;
    if (round.seen < batch) return { sealed, refused, head: round.head, horizon: firstHorizon };
  }
}

/** Seals in the background every `everyMs` until stopped; the returned function waits for the round in progress. */
export function startAuditSealer(ctx: Ctx, everyMs: number, onError: (e: unknown) => void): () => Promise<void> {
  let stopped = false;
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (stopped || running) return;
    running = sealAudit(ctx).catch(onError).finally(() => { running = null; });
  }, everyMs);
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
