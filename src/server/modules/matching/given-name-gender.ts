/**
 * The usual gender of a given name, as evidence against a match (Erik / Erika, Jan / Jana are two people).
 * Data: the name lists of the npm package gender-detection-from-name (MIT; English from US birth records,
 * Italian, Spanish, German and Turkish lists). Its French list is left out: it lists most names under both
 * genders. A name listed under both genders in one list, or under different genders in two lists, is unisex
 * (Robin, Andrea, Alex, Sasha) and, like a name no list knows, says nothing.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export type NameGender = 'm' | 'f';

// Lists whose genders are usable (see above); each is a JavaScript file of ['name', 'male' | 'female'] pairs.
const LISTS = ['en', 'it', 'es', 'de', 'tr'] as const;
const ENTRY = /\['([^'\\]+)',\s*'(male|female)'\]/g;

let table: Map<string, NameGender | 'u'> | null = null;

function load(): Map<string, NameGender | 'u'> {
  const require = createRequire(import.meta.url);
  const out = new Map<string, NameGender | 'u'>();
  for (const list of LISTS) {
    // Read as data, not imported: the package's Map keeps only the last of a name's two entries, and both are the evidence.
    const text = readFileSync(require.resolve(`gender-detection-from-name/names/${list}.js`), 'utf8');
    for (const [, name, gender] of text.matchAll(ENTRY)) {
      const g: NameGender = gender === 'male' ? 'm' : 'f';
      const known = out.get(name!);
      out.set(name!, known === undefined || known === g ? g : 'u');
    }
  }
  return out;
}

/** Returns the gender a folded lower-case given name is used for, or null when it is unisex or unknown. */
export function givenNameGender(folded: string): NameGender | null {
  table ??= load();
  const g = table.get(folded);
  return g === 'm' || g === 'f' ? g : null;
}

/** True when a folded lower-case token is a given name in any of the lists, of either gender or both (Carina, Alix). */
export function isListedGivenName(folded: string): boolean {
  table ??= load();
  return table.has(folded);
}
