/**
 * Prepared names: everything the scorer needs per token, computed once per name (and cached), so that
 * pairwise scoring is only cheap string comparisons. The candidate index stores what it needs from here.
 */
import { givenNameGender, type NameGender } from './given-name-gender.ts';
import { givenNameClass } from './given-names.ts';
import { namePartFrequency } from './name-data.ts';
import { foldLatin, normalizeName, type NameToken, type TokenRole } from './normalize.ts';
import { canonicalSpelling, consonantSkeleton, phoneticCode } from './phonetic.ts';
import { ABJAD_SCRIPTS, readingLattice, type LatticeSlot, type Script } from './transliterate.ts';

export interface PreparedToken {
  raw: string;
  script: Script;
  role: TokenRole;
  /** Lower-case ASCII spellings, most likely first. */
  forms: string[];
  /** Canonical spellings of the forms (see phonetic.ts), deduplicated. */
  canon: string[];
  /** Consonant skeletons of the canonical spellings. */
  skeletons: string[];
  /** Phonetic code of the first canonical spelling. */
  code: string;
  /** Given-name equivalence class, or -1. */
  nameClass: number;
  /** The gender a Latin given name is used for (Erik m, Erika f); absent when unisex, unknown or not a given name. */
  gender?: NameGender;
  /** True when the only spelling is a vowel-less abjad transliteration (no attested Latin form). */
  vowelless: boolean;
  /** Weight of this part in the name score. */
  weight: number;
  /** Native spelling for same-script comparison (decomposed, so Hangul compares by letter, not syllable). */
  native: string;
  /** How many "bin"/"ibn"/"ben" particles precede this part: 0 = the person, 1 = the father, 2 = the grandfather. */
  lineage: number;
  /** Han, kana, Hangul, Arabic and Hebrew tokens: per unit, the Latin letter groups it may stand for (see readingLattice). */
  lattice?: LatticeSlot[];
}

export interface PreparedName {
  input: string;
  tokens: PreparedToken[];
  scripts: Script[];
  /** True when the name states descent ("X bin Y"): then part order carries meaning. */
  hasLineage: boolean;
}

// Why these weights: particles, titles and legal forms say little about identity; initials and
// patronymics say something; family names say slightly more than given names (yente's ×1.3 family edge).
const ROLE_WEIGHT: Record<TokenRole, number> = {
  name: 1,
  family: 1.15,
  particle: 0.15,
  title: 0.1,
  legal: 0.35,
  initial: 0.45,
  patronymic: 0.6,
  // Series numbers (Fund IV / Fund V, Snow Storm 1 / 2) mark siblings that screening still wants to see.
  number: 0.35,
};

// Common parts (Muhammad, John, Ali) identify less than rare ones; frequency from the Wikidata training counts.
function commonnessFactor(forms: string[]): number {
  let f = 0;
  for (const form of forms) f = Math.max(f, namePartFrequency(form));
  if (f <= 0) return 1;
  const c = Math.min(1, Math.log10(1 + f) / 4);
  return 1 - 0.4 * c;
}

const LINEAGE_PARTICLES = new Set(['bin', 'ibn', 'ben', 'bint', 'binti', 'ould']);

// A compound or respelt part is looked up by its comparison spelling and by the spelling as written.
function classOf(t: NameToken, canon: string[]): number {
  if (t.role !== 'name' && t.role !== 'family') return -1;
  const first = givenNameClass(canon[0] ?? '');
  return first >= 0 || t.script !== 'Latn' ? first : givenNameClass(canonicalSpelling(foldLatin(t.raw.toLowerCase())[0] ?? ''));
}

function prepareToken(t: NameToken, lineage: number, company: boolean): PreparedToken {
  const canon = [...new Set(t.forms.map(canonicalSpelling).filter(Boolean))];
  const abjad = ABJAD_SCRIPTS.has(t.script);
  // Words of a company name (Bank of China) are no given names, whatever a list of names says.
  const gender = t.script === 'Latn' && t.role === 'name' && !company ? givenNameGender(foldLatin(t.raw.toLowerCase())[0] ?? '') : null;
  return {
    raw: t.raw,
    script: t.script,
    role: t.role,
    forms: t.forms,
    canon,
    skeletons: [...new Set(canon.map(consonantSkeleton))],
    code: phoneticCode(canon[0] ?? ''),
    nameClass: classOf(t, canon),
    ...(gender ? { gender } : {}),
    vowelless: abjad && t.forms.length === 1,
    weight: ROLE_WEIGHT[t.role] * (t.role === 'name' || t.role === 'family' ? commonnessFactor(t.forms) : 1),
    native: t.script === 'Latn' ? '' : t.raw.toLowerCase().normalize('NFD'),
    lineage,
    ...(LATTICE_SCRIPTS.has(t.script) ? { lattice: readingLattice(t.raw.toLowerCase(), t.script)! } : {}),
  };
}

// Scripts whose tokens compare with Latin through a learned reading lattice (see readingLattice).
const LATTICE_SCRIPTS: ReadonlySet<Script> = new Set<Script>(['Hani', 'Kana', 'Hang', 'Arab', 'Hebr']);

const CACHE_LIMIT = 50_000;
const cache = new Map<string, PreparedName>();

/** Normalises and prepares a name for scoring (cached); throws a validation DomainError for bad input. */
export function prepareName(input: string): PreparedName {
  const hit = cache.get(input);
  if (hit) return hit;
  const n = normalizeName(input);
  let lineage = 0;
  // "bin" states descent only between names: at either end of a name it is a scrambled order, not lineage.
  const named = (t: NameToken | undefined) => t !== undefined && (t.role === 'name' || t.role === 'family');
  const company = n.tokens.some((t) => t.role === 'legal');
  const tokens = n.tokens.map((t, i) => {
    if (t.role === 'particle' && LINEAGE_PARTICLES.has(t.forms[0]!) && i > 0 && n.tokens.slice(i + 1).some(named)) lineage++;
    return prepareToken(t, lineage, company);
  });
  const prepared: PreparedName = { input, tokens, scripts: n.scripts, hasLineage: lineage > 0 };
  // A full cache is dropped rather than evicted piecemeal: simpler, and the hot set refills in milliseconds.
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(input, prepared);
  return prepared;
}
