/**
 * Blocking keys for candidate retrieval: a few short strings per name, stored in the table
 * `match_key(key, birth_year, birth_md, subject_id)` with a btree index. Two names that may match should share at least
 * one key (recall is the job here; precision is the scorer's). Rare parts get keys first, because a key
 * on "muhammad" selects a large share of any register.
 */
import { namePartFrequency } from './name-data.ts';
import { canonicalSpelling, phoneticCode } from './phonetic.ts';
import { prepareName, type PreparedToken } from './prepare.ts';

// Most parts that receive keys, and most keys per name: keeps the key table and each lookup small.
const MAX_KEYED_PARTS = 5;
// Parts combined into pair keys (the rarest three: three pairs).
const MAX_PAIRED_PARTS = 3;
const MAX_KEYS = 18;

function keyable(t: PreparedToken): boolean {
  return t.role === 'name' || t.role === 'family' || t.role === 'patronymic' || t.role === 'number';
}

function partKeys(t: PreparedToken): string[] {
  if (t.role === 'number') return [`n:${t.forms[0]}`];
  const keys: string[] = [];
  // Phonetic code: meets spelling conventions and transliterations ("Chrusjtjov" / "Хрущёв"); codes of
  // one or two classes select too much of a register to be worth a key.
  if (t.code.length >= 3) keys.push(`p:${t.code}`);
  // Exact canonical spelling: precise, and the only key for parts whose code is too short to use.
  for (const c of t.canon.slice(0, 2)) if (c.length >= 2) keys.push(`t:${c}`);
  // Skeleton prefix: meets vowel-less abjad spellings and typos late in the part.
  const sk = t.skeletons[0] ?? '';
  if (sk.length >= 3) keys.push(`s:${sk.slice(0, 4)}`);
  // Han: the most likely reading of the characters as a transcription ("瓦倫西亞" → varensia), so that
  // the Latin spelling of a transcribed foreign name meets it.
  if (t.lattice) {
    const code = phoneticCode(canonicalSpelling(topReading([t])));
    if (code.length >= 3) keys.push(`p:${code}`);
  }
  // Short parts: their letters in sorted order, so that a swap of two letters (Afiz / Faiz) still meets.
  const c0 = t.canon[0] ?? '';
  if (t.script === 'Latn' && c0.length >= 3 && c0.length <= 5) keys.push(`a:${[...c0].sort().join('')}`);
  // Given-name class: Mohammed and Mehmet share no code but one class; common classes are left out.
  if (t.nameClass >= 0 && !common(t)) keys.push(`g:${t.nameClass}`);
  return keys;
}

/** Returns the blocking keys of a raw name (about 5–18 short strings); throws a validation DomainError for bad input. */
export function blockingKeys(name: string): string[] {
  const tokens = prepareName(name).tokens;
  const parts = tokens.filter(keyable);
  const sorted = [...parts].sort((a, b) => rarity(a) - rarity(b));
  // Very common parts get keys only when the name has nothing rarer to offer.
  const rare = sorted.filter((t) => !common(t));
  const ranked = (rare.length ? rare : sorted).slice(0, MAX_KEYED_PARTS);
  const keys = new Set<string>();
  // Pairs of parts first: the phonetic codes of two parts, in either order. A pair is far rarer than either part,
  // so a name made only of common parts ("John Smith", "Мухаммад Ахмедов") still has a selective key, whatever
  // the order the parts are written in; short codes that are useless alone (Jean → JN) are useful here.
  const paired = sorted.filter((t) => t.role !== 'number' && t.code.length > 0).slice(0, MAX_PAIRED_PARTS);
  for (let i = 0; i < paired.length; i++) {
    for (let j = i + 1; j < paired.length; j++) {
      const [a, b] = [paired[i]!.code, paired[j]!.code].sort();
      keys.add(`q:${a}|${b}`);
    }
  }
  for (const t of ranked) for (const k of partKeys(t)) keys.add(k);
  // Run-together parts ("Abdulrahman" / "Abdul Rahman", "Kim Jongun"): key the merge of short neighbours.
  for (let i = 0; i + 1 < tokens.length; i++) {
    const x = tokens[i]!;
    const y = tokens[i + 1]!;
    // Any two neighbours, not only short ones: a letter may also move across the boundary (Lauren Tnkunda / Laurent Nkunda).
    if (!x.vowelless && !y.vowelless && keyable(y)) {
      keys.add(`p:${phoneticCode(canonicalSpelling(x.forms[0]! + y.forms[0]!))}`);
      if (x.lattice && y.lattice) keys.add(`p:${phoneticCode(canonicalSpelling(topReading([x, y])))}`);
    }
  }
  if (keys.size === 0) for (const t of tokens) for (const c of t.canon.slice(0, 1)) keys.add(`t:${c}`);
  return [...keys].slice(0, MAX_KEYS);
}

// Parts above this corpus count (Muhammad, John, Ali, Maria...) select too many persons to key on alone.
const COMMON_COUNT = 3000;

function common(t: PreparedToken): boolean {
  return Math.max(0, ...t.forms.map(namePartFrequency)) >= COMMON_COUNT;
}

// Lower is rarer; common given names and short parts sort last.
function rarity(t: PreparedToken): number {
  const f = Math.max(0, ...t.forms.map(namePartFrequency));
  return Math.log10(1 + f) - Math.min(t.canon[0]?.length ?? 0, 8) * 0.05;
}

// The cheapest reading of each Han character, run together.
function topReading(tokens: PreparedToken[]): string {
  return tokens.map((t) => (t.lattice ?? []).map((slot) => [...slot].sort((a, b) => a[1] - b[1])[0]?.[0] ?? '').join('')).join('');
}
