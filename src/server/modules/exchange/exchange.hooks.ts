/**
 * The seam where cross-checking plugs into the desk (Art 16(1)(d)): the matching module provides it at
 * start-up, so exchange does not depend on how persons are matched.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { HitSummary, hitView } from '../../../shared/exchange.schemas.ts';
import type { Ctx } from '../../platform/context.ts';
import type { PersonRow, RequestRow } from './exchange.repository.ts';

export type HitView = z.infer<typeof hitView>;

export interface CrossCheckProvider {
  /** Cross-checks persons of a request, in the caller's transaction, storing hits. */
  check(ctx: Ctx, request: RequestRow, persons: PersonRow[]): Promise<void>;
  /** The hits of a request, naming persons: shown only in a justified consultation. */
  hitsFor(ctx: Ctx, requestId: string): Promise<HitView[]>;
  /** A request's hits counted, naming no one (the request detail). */
  hitSummaryFor(ctx: Ctx, requestId: string): Promise<HitSummary>;
  /** SQL counting a queue row's open hits (`r` is the request alias). */
  openHitCountSql(): SQL;
}

let provider: CrossCheckProvider | null = null;

/** Installs the cross-check provider (called once when the app is composed). */
export function setCrossCheckProvider(p: CrossCheckProvider): void {
  provider = p;
}

/** The installed provider's operations; without one, requests have no hits. */
export const crossCheckHooks = {
  *[Symbol.iterator](): Iterator<CrossCheckProvider['check']> {
    if (provider) yield provider.check;
  },
  hitsFor: (ctx: Ctx, requestId: string): Promise<HitView[]> => (provider ? provider.hitsFor(ctx, requestId) : Promise.resolve([])),
  hitSummaryFor: (ctx: Ctx, requestId: string): Promise<HitSummary> =>
    (provider ? provider.hitSummaryFor(ctx, requestId) : Promise.resolve({ openAlerts: 0, openReviews: 0, decided: 0 })),
  openHitCountSql: (): SQL => (provider ? provider.openHitCountSql() : sql`0`),
};
