/**
 * Installs matching into the desk and the wanted register through their seams (exchange.hooks.ts,
 * wanted.hooks.ts), so neither depends on how persons are matched. Called where the app is composed.
 */
import { setCrossCheckProvider } from '../exchange/index.ts';
import { setWantedIndexProvider } from '../wanted/index.ts';
import { crossCheckRequestPersons, hitsFor, hitSummaryFor, indexWantedEntries, openHitCountSql } from './matching.service.ts';

/** Makes every stored request person and wanted person indexed and cross-checked (idempotent). */
export function installMatching(): void {
  setCrossCheckProvider({
    check: (ctx, request, persons) => crossCheckRequestPersons(ctx, request, persons),
    hitsFor: (ctx, requestId) => hitsFor(ctx, requestId),
    hitSummaryFor: (ctx, requestId) => hitSummaryFor(ctx, requestId),
    openHitCountSql,
  });
  setWantedIndexProvider({ index: (ctx, entries) => indexWantedEntries(ctx, entries) });
}
