/**
 * Phonetic forms of one lower-case ASCII name token:
 * - `canonicalSpelling` rewrites the spelling conventions of English, German, French, Swedish, Polish
 *   and Slavic romanisations onto one spelling ("Chrusjtjov", "Chruschtschow", "Khrouchtchev" and
 *   "Khrushchev" all become "hrushchov"/"hrushchev"), keeping vowels so edit distance stays meaningful;
 * - `consonantSkeleton` drops the vowels (the only fair comparison with abjad scripts);
 * - `phoneticCode` maps consonants onto broad classes that survive transliteration between scripts
 *   (b/p/f/v, d/t, g/k/q, s/z/sh, l/r merge; h and glides vanish), a multi-language cousin of Soundex.
 */

// Order matters: longer conventions first, so "schtsch" is not eaten by "sch".
const SPELLING_RULES: [RegExp, string][] = [
  [/schtsch|sjtj|chtch|shtch|szcz/g, 'shch'],
  [/tsch|tch|tsj|cz/g, 'ch'],
  [/dsch|dzh|dzs|dj|dž/g, 'j'],
  [/sch|sj|sz|sh/g, 'sh'],
  [/tj(?=[aeiou])/g, 'ch'],
  [/ch(?=[^aeiouy]|$)/g, 'h'], // German/Swedish "ch" before a consonant is the Russian х: "Chruschtschow"
  [/kh/g, 'h'],
  [/ph/g, 'f'],
  [/th/g, 't'],
  [/dh/g, 'd'],
  [/gh/g, 'g'],
  [/ck/g, 'k'],
  [/qu/g, 'k'],
  [/q/g, 'k'],
  [/w/g, 'v'],
  [/x/g, 'ks'],
  [/c(?=[eiy])/g, 's'],
  [/c(?!h)/g, 'k'],
  [/z/g, 's'],
  [/([aeiouy])[jy](?=[aeiou])/g, '$1'], // glides between vowels: Abdulajev / Abdullaev, Grigorjev / Grigoriev
  [/(?<=.)([^aeiouy])j(?=[aeiou])/g, '$1i'], // Slavic soft sign spelled j: Grigorjev / Grigoriev
  [/ou/g, 'u'], // French "ou" (Khrouchtchev)
  [/oo/g, 'u'],
  [/ee/g, 'i'],
  [/ue/g, 'u'], // German umlaut spelled out: Mueller / Müller
  [/oe/g, 'o'],
  [/ae/g, 'a'],
  [/y/g, 'i'],
  [/([aeiou])j(?=[^aeiou]|$)/g, '$1i'], // Sergej / Sergei / Sergey
  [/ii+/g, 'i'],
  [/([aeiou])h$/g, '$1'], // Abdullah / Abdulla
  [/(.)\1+/g, '$1'], // doubled letters carry no identity: Muhammad / Muhamad
];

const CANON_CACHE_LIMIT = 100_000;
const canonCache = new Map<string, string>();

/** Rewrites a lower-case ASCII token into one spelling convention shared by all source conventions. */
export function canonicalSpelling(ascii: string): string {
  const hit = canonCache.get(ascii);
  if (hit !== undefined) return hit;
  let s = ascii;
  for (const [re, rep] of SPELLING_RULES) s = s.replace(re, rep);
  // Thirty regular expressions per call: merged-part comparison asks for the same strings many times.
  if (canonCache.size >= CANON_CACHE_LIMIT) canonCache.clear();
  canonCache.set(ascii, s);
  return s;
}

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

/** Returns the consonants of a canonical spelling, doubled letters collapsed ("hrushchev" → "hrshchv"). */
export function consonantSkeleton(canon: string): string {
  let out = '';
  for (const ch of canon) {
    if (VOWELS.has(ch)) continue;
    if (out[out.length - 1] !== ch) out += ch;
  }
  return out;
}

const CODE_CLASS: Record<string, string> = {
  b: 'B', p: 'B', f: 'B', v: 'B',
  d: 'T', t: 'T',
  g: 'K', k: 'K', c: 'K', q: 'K',
  s: 'S', z: 'S', x: 'S',
  l: 'R', r: 'R',
  m: 'M', n: 'N',
  j: 'J',
};

/** Returns a broad multi-language phonetic code of a canonical spelling ("muhamad" → "MT", "abdulav" → "ABTRB"). */
export function phoneticCode(canon: string): string {
  const s = canon.replace(/shch|sh|zh/g, 'S').replace(/ch/g, 'C');
  let out = '';
  let i = 0;
  for (const ch of s) {
    let c: string | undefined;
    if (ch === 'S' || ch === 'C') c = ch === 'S' ? 'S' : 'C';
    else if (VOWELS.has(ch)) c = i === 0 ? 'A' : undefined; // a leading vowel separates Ali from Li
    else c = CODE_CLASS[ch];
    i++;
    if (c && out[out.length - 1] !== c) out += c;
  }
  return out;
}
