/**
 * The seam where the matching index plugs into the register: every stored or changed wanted person is handed
 * to the index in the same transaction, so an incoming request naming them (any spelling or script) raises a hit.
 * The matching module installs the provider at start-up; the register does not depend on how names are matched.
 */
import type { Ctx } from '../../platform/context.ts';

/** What the index needs of a wanted person. */
export interface WantedIndexEntry {
  kind: 'wanted_person';
  id: string;
  reference: string;
  /** The primary name first, then the same name in other scripts, then aliases. */
  names: string[];
  dateOfBirth: string | null;
  nationalities: string[];
  gender: string;
  /** Still sought (wanted or located); hits on persons no longer sought are not raised. */
  active: boolean;
}

export interface WantedIndexProvider {
  /** Adds or replaces entries, in the caller's transaction. */
  index(ctx: Ctx, entries: WantedIndexEntry[]): Promise<void>;
}

let provider: WantedIndexProvider | null = null;

/** Installs the index provider (called once when the app is composed). */
export function setWantedIndexProvider(p: WantedIndexProvider | null): void {
  provider = p;
}

/** Hands entries to the installed index; without one, nothing is indexed (and `listWantedNamesForIndex` backfills later). */
export async function indexWanted(ctx: Ctx, entries: WantedIndexEntry[]): Promise<void> {
  if (provider && entries.length) await provider.index(ctx, entries);
}
