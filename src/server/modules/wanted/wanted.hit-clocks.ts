/**
 * What a cross-check hit on a wanted person shows of the legal clocks after his arrest (FD 2002/584/JHA
 * Art 17 decision, Art 23 surrender): a request naming a man whose surrender clock runs must not pass unnoticed.
 * The register is FAST's (need-to-know): FAST officers see which clock and when it falls due; others only
 * that a FAST record with a running clock exists, and that they must contact FAST.
 */
import type { WarrantKind } from '../../../shared/wanted.schemas.ts';
import type { Actor, Ctx } from '../../platform/context.ts';
import { arrestClocks } from './wanted.clocks.ts';
import { maySeeRegister } from './wanted.policy.ts';
import { arrestedAmong } from './wanted.repository.ts';

export interface RunningClockFlag {
  /** The clock that falls due first; null when the viewer may not know FAST's details. */
  clock: 'decision' | 'surrender' | null;
  dueAt: string | null;
  /** Whom to contact about the person. */
  contact: 'FAST';
}

/** The running arrest clock (the one due first) of each of these wanted persons that has one, by person id. */
export async function runningClocksForHits(ctx: Ctx, actor: Actor | null, ids: string[]): Promise<Map<string, RunningClockFlag>> {
  const out = new Map<string, RunningClockFlag>();
  const detailed = actor !== null && maySeeRegister(actor);
  const now = ctx.clock.now();
  for (const { p, warrantKind } of await arrestedAmong(ctx.db, [...new Set(ids)])) {
    const running = arrestClocks(p, warrantKind as WarrantKind, now).filter((c) => !c.done)
      .sort((a, b) => (a.deadline.dueAt?.getTime() ?? Infinity) - (b.deadline.dueAt?.getTime() ?? Infinity));
    const first = running[0];
    if (!first) continue;
    out.set(p.id, detailed
      ? { clock: first.clock, dueAt: first.deadline.dueAt?.toISOString() ?? null, contact: 'FAST' }
      : { clock: null, dueAt: null, contact: 'FAST' });
  }
  return out;
}
