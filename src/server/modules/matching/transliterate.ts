/**
 * Transliteration of one name token from its script to lower-case ASCII Latin comparison forms.
 * Rules live here; the learned dictionaries (built from Wikidata pairs by scripts/build-name-data.ts)
 * are consulted first so that attested spellings ("александр" → alexander) win over letter rules.
 */
import anyAscii from 'any-ascii';
import { pinyin } from 'pinyin-pro';
import { toRomaji } from 'wanakana';
import { lookupTransliteration, pinyinSyllables, unitReadings } from './name-data.ts';

export type Script = 'Latn' | 'Cyrl' | 'Grek' | 'Arab' | 'Hebr' | 'Hani' | 'Kana' | 'Hang' | 'Other';

/** Scripts written without short vowels: their tokens are compared by consonant skeleton. */
export const ABJAD_SCRIPTS: ReadonlySet<Script> = new Set(['Arab', 'Hebr']);

// BGN/PCGN-like English base; other national conventions (German, French, Swedish) are absorbed on the
// Latin side by canonicalisation in phonetic.ts, so one Cyrillic rendering meets all of them.
const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k',
  л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts',
  ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
  // Ukrainian, Belarusian, Serbian/Macedonian, Kazakh/Central Asian letters.
  і: 'i', ї: 'yi', є: 'ye', ґ: 'g', ў: 'u', ђ: 'dj', ј: 'j', љ: 'lj', њ: 'nj', ћ: 'c', џ: 'dzh',
  ѓ: 'gj', ќ: 'kj', ѕ: 'dz', ә: 'a', ғ: 'gh', қ: 'k', ң: 'ng', ө: 'o', ұ: 'u', ү: 'u', һ: 'h',
  ҳ: 'h', ҷ: 'j', ӣ: 'i', ӯ: 'u',
};

const GREEK_DIGRAPHS: [RegExp, string][] = [
  [/ου/g, 'ou'], [/αι/g, 'ai'], [/ει/g, 'ei'], [/οι/g, 'oi'], [/^μπ/g, 'b'], [/μπ/g, 'mb'],
  [/^ντ/g, 'd'], [/ντ/g, 'nt'], [/γγ/g, 'ng'], [/γκ/g, 'gk'], [/αυ/g, 'av'], [/ευ/g, 'ev'],
];
const GREEK: Record<string, string> = {
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm',
  ν: 'n', ξ: 'x', ο: 'o', π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps', ω: 'o',
};

// Arabic and Persian letters; و and ي are vowels inside a word, consonants at its start.
const ARABIC: Record<string, string> = {
  ا: 'a', آ: 'a', أ: 'a', إ: 'i', ٱ: 'a', ب: 'b', ت: 't', ث: 'th', ج: 'j', ح: 'h', خ: 'kh', د: 'd',
  ذ: 'dh', ر: 'r', ز: 'z', س: 's', ش: 'sh', ص: 's', ض: 'd', ط: 't', ظ: 'z', ع: '', غ: 'gh', ف: 'f',
  ق: 'q', ك: 'k', ک: 'k', ل: 'l', م: 'm', ن: 'n', ه: 'h', ە: 'a', ة: 'a', و: 'u', ي: 'i', ى: 'a', ی: 'i',
  ے: 'e', ء: '', ئ: 'i', ؤ: 'u', پ: 'p', چ: 'ch', ژ: 'zh', گ: 'g', ڤ: 'v', ٹ: 't', ڈ: 'd', ڑ: 'r',
  ں: 'n', ھ: 'h', 'ۃ': 'a',
};

// Hebrew: geresh marks the borrowed sounds (ג' = j), final forms equal their base letters.
const HEBREW_GERESH: [RegExp, string][] = [[/ג['׳]/g, 'j'], [/ז['׳]/g, 'zh'], [/צ['׳]/g, 'ch'], [/ץ['׳]/g, 'ch'], [/ת['׳]/g, 'th']];
const HEBREW: Record<string, string> = {
  א: '', ב: 'b', ג: 'g', ד: 'd', ה: 'h', ו: 'o', ז: 'z', ח: 'h', ט: 't', י: 'i', כ: 'k', ך: 'kh',
  ל: 'l', מ: 'm', ם: 'm', נ: 'n', ן: 'n', ס: 's', ע: '', פ: 'p', ף: 'f', צ: 'ts', ץ: 'ts', ק: 'k',
  ר: 'r', ש: 'sh', ת: 't', 'ׁ': '', 'ׂ': '',
};

// Foreign-sound katakana digraphs that wanakana renders poorly ("ティ" → "tei").
const KANA_DIGRAPHS: [string, string][] = [
  ['ヴァ', 'va'], ['ヴィ', 'vi'], ['ヴェ', 've'], ['ヴォ', 'vo'], ['ヴ', 'vu'], ['ティ', 'ti'], ['ディ', 'di'],
  ['トゥ', 'tu'], ['ドゥ', 'du'], ['デュ', 'dyu'], ['テュ', 'tyu'], ['ファ', 'fa'], ['フィ', 'fi'], ['フェ', 'fe'],
  ['フォ', 'fo'], ['ウィ', 'wi'], ['ウェ', 'we'], ['ウォ', 'wo'], ['シェ', 'she'], ['ジェ', 'je'], ['チェ', 'che'],
  ['ツァ', 'tsa'], ['ツィ', 'tsi'], ['ツェ', 'tse'], ['ツォ', 'tso'], ['クァ', 'kwa'], ['グァ', 'gwa'], ['イェ', 'ye'],
];

const RE = {
  Cyrl: /\p{Script=Cyrillic}/u,
  Grek: /\p{Script=Greek}/u,
  Arab: /\p{Script=Arabic}/u,
  Hebr: /\p{Script=Hebrew}/u,
  Hani: /\p{Script=Han}/u,
  Kana: /[\p{Script=Katakana}\p{Script=Hiragana}ー]/u,
  Hang: /\p{Script=Hangul}/u,
  Latn: /\p{Script=Latin}/u,
};

/** Returns the script most of a token's letters belong to (ties go to the first letter's script). */
export function detectScript(token: string): Script {
  const counts = new Map<Script, number>();
  for (const ch of token) {
    const s = scriptOfChar(ch);
    if (s) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  let best: Script = 'Other';
  let bestN = 0;
  for (const [s, n] of counts) if (n > bestN) [best, bestN] = [s, n];
  return best;
}

function scriptOfChar(ch: string): Script | null {
  const cp = ch.codePointAt(0)!;
  if (cp < 0x250) return /[a-zA-Z\u00C0-\u024F]/.test(ch) ? 'Latn' : null;
  for (const [s, re] of Object.entries(RE) as [Script, RegExp][]) if (re.test(ch)) return s;
  return /\p{L}/u.test(ch) ? 'Other' : null;
}

function mapChars(token: string, table: Record<string, string>): string {
  let out = '';
  for (const ch of token) out += table[ch] ?? anyAscii(ch).toLowerCase();
  return out;
}

function cyrillic(token: string): string {
  // Word-initial е/ё/ю/я carry a y-glide ("Евгений" → "Yevgeniy", "Ельцин" → "Yeltsin").
  let out = '';
  let prev = '';
  for (const ch of token) {
    const glide = (prev === '' || 'аеёиоуыэюяьъ'.includes(prev)) && 'её'.includes(ch);
    out += glide ? (ch === 'ё' ? 'yo' : 'ye') : (CYRILLIC[ch] ?? anyAscii(ch).toLowerCase());
    prev = ch;
  }
  return out;
}

function greek(token: string): string {
  let t = token.normalize('NFD').replace(/\p{M}/gu, '');
  for (const [re, rep] of GREEK_DIGRAPHS) t = t.replace(re, rep);
  return mapChars(t, GREEK);
}

function arabic(token: string): string {
  const t = token.replace(/[\u064B-\u065F\u0670\u0640]/g, ''); // harakat and tatweel carry no letters
  let out = '';
  let i = 0;
  for (const ch of t) {
    if (i === 0 && ch === 'و') out += 'w';
    else if (i === 0 && (ch === 'ي' || ch === 'ی')) out += 'y';
    else out += ARABIC[ch] ?? anyAscii(ch).toLowerCase();
    i++;
  }
  return out;
}

function hebrew(token: string): string {
  let t = token.replace(/[\u0591-\u05C7]/g, ''); // niqqud and cantillation carry no letters
  for (const [re, rep] of HEBREW_GERESH) t = t.replace(re, rep);
  t = t.replace(/וו/g, 'v').replace(/יי/g, 'y');
  let out = '';
  let i = 0;
  for (const ch of t) {
    out += i === 0 && ch === 'ו' ? 'v' : i === 0 && ch === 'י' ? 'y' : (HEBREW[ch] ?? anyAscii(ch).toLowerCase());
    i++;
  }
  return out.replace(/['׳"״]/g, '');
}

function kana(token: string): string {
  let t = token;
  for (const [k, v] of KANA_DIGRAPHS) t = t.split(k).join(v);
  return toRomaji(t).toLowerCase().replace(/[^a-z]/g, '');
}

/** Romanises Han characters with pinyin, returning one syllable per character. */
export function hanSyllables(token: string): string[] {
  return pinyin(token, { toneType: 'none', type: 'array', v: true }).map((s) => s.toLowerCase().replace(/[^a-z]/g, ''));
}

/** One position of a reading lattice: the Latin letter groups it may stand for, each with a cost in letters. */
export type LatticeSlot = [reading: string, cost: number][];

// Wade–Giles spelling of a pinyin syllable (Taiwan, older and Hong Kong documents: "Tse-tung", "Hsi").
const WADE_GILES_WHOLE: Record<string, string> = { zhi: 'chih', chi: 'chih', shi: 'shih', ri: 'jih', zi: 'tzu', ci: 'tzu', si: 'ssu', you: 'yu', ye: 'yeh', yan: 'yen', yi: 'i', er: 'erh' };
const WADE_GILES: [RegExp, string][] = [
  [/^zh/, 'ch'], [/^z/, 'ts'], [/^c(?!h)/, 'ts'], [/^x/, 'hs'], [/^q/, 'ch'], [/^j/, 'ch'], [/^r/, 'j'],
  [/^b/, 'p'], [/^d/, 't'], [/^g/, 'k'], [/ong$/, 'ung'], [/ian$/, 'ien'], [/ie$/, 'ieh'], [/^([kh])e$/, '$1o'], [/ui$/, 'uei'],
];

function wadeGiles(syllable: string): string {
  const whole = WADE_GILES_WHOLE[syllable];
  if (whole) return whole;
  let s = syllable;
  for (const [re, rep] of WADE_GILES) s = s.replace(re, rep);
  return s;
}

let romanisationIndex: Map<string, string[]> | null = null;

// Wade–Giles syllable → pinyin syllables, and pinyin syllable → its Wade–Giles form and the s/sh spellings of x.
function buildRomanisationIndex(): Map<string, string[]> {
  const index = new Map<string, string[]>();
  const add = (from: string, to: string) => {
    if (from === to) return;
    const list = index.get(from) ?? [];
    if (!list.includes(to)) list.push(to);
    index.set(from, list);
  };
  const syllables = new Set(pinyinSyllables());
  for (const p of syllables) {
    const wg = wadeGiles(p);
    if (!syllables.has(wg)) add(wg, p);
    add(p, wg);
    if (p.startsWith('x')) for (const alt of ['s', 'sh']) add(p, alt + p.slice(1));
  }
  return index;
}

/**
 * Returns the other romanisations of a Latin token that is one Chinese syllable: pinyin for Wade–Giles
 * ("Hsi" → xi, "Tse" → ze, ce) and Wade–Giles and common misspellings for pinyin ("Xi" → hsi, si, shi).
 */
export function chineseRomanisations(ascii: string): string[] {
  if (ascii.length > 6) return [];
  romanisationIndex ??= buildRomanisationIndex();
  return romanisationIndex.get(ascii) ?? [];
}

// Cost of a less likely reading: COST_PER_HALVING letters each time its probability halves, at most MAX_READING_COST.
const COST_PER_HALVING = 0.15;
const MAX_READING_COST = 0.8;
// Pinyin and Wade–Giles of the character, whatever its learned use: how Chinese persons' own names are written.
const ROMANISATION_COST = 0.5;

function learnedSlot(script: Script, unit: string, romanisations: string[]): LatticeSlot {
  const slot: LatticeSlot = [];
  const learned = unitReadings(script, unit, romanisations[0] ?? '');
  const top = learned[0]?.[1] ?? 1;
  for (const [r, p] of learned) slot.push([r, Math.min(MAX_READING_COST, COST_PER_HALVING * Math.log2(top / p))]);
  for (const r of romanisations) {
    if (!r) continue;
    const known = slot.find(([x]) => x === r);
    if (known) known[1] = Math.min(known[1], ROMANISATION_COST);
    else slot.push([r, ROMANISATION_COST]);
  }
  return slot;
}

/**
 * Returns the reading lattice of a Han token: per character, the Latin letter groups it stands for with a
 * cost (learned use in transcribed names first, then pinyin and Wade–Giles), for latticeDistance.
 */
export function hanLattice(token: string): LatticeSlot[] {
  const syllables = hanSyllables(token);
  return [...token].map((ch, i) => {
    const syllable = syllables[i] ?? '';
    return learnedSlot('Hani', ch, [syllable, wadeGiles(syllable)]);
  });
}

const SMALL_KANA = /^[ァィゥェォャュョヮぁぃぅぇぉゃゅょゎーッっ]$/u;

/** Cuts kana into units: a kana with the small kana, sokuon and length marks that follow it ("ジャー", "ロッ"). */
export function kanaUnits(token: string): string[] {
  const units: string[] = [];
  for (const ch of token) {
    if (units.length > 0 && SMALL_KANA.test(ch)) units[units.length - 1] += ch;
    else units.push(ch);
  }
  return units;
}

/** Cuts an Arabic or Hebrew token into letters (a Hebrew letter keeps its geresh: ג׳ = j), dropping vowel marks. */
export function abjadUnits(token: string): string[] {
  const units: string[] = [];
  for (const ch of token.replace(/[\u064B-\u065F\u0670\u0640\u0591-\u05C7]/g, '')) {
    if (units.length > 0 && /['׳]/.test(ch)) units[units.length - 1] += '׳';
    else units.push(ch);
  }
  return units;
}

/**
 * Returns the reading lattice of a token in a script whose units stand for groups of Latin letters
 * (Han, kana, Hangul), or null for other scripts. Learned readings come first, rule romanisations after.
 */
export function readingLattice(token: string, script: Script): LatticeSlot[] | null {
  switch (script) {
    case 'Hani': return hanLattice(token);
    case 'Kana': return kanaUnits(token).map((u) => learnedSlot('Kana', u, [kana(u)]));
    case 'Hang': return [...token].map((u) => learnedSlot('Hang', u, [anyAscii(u).toLowerCase(), ...hangul(u)]));
    case 'Arab': return abjadUnits(token).map((u) => learnedSlot('Arab', u, [arabic(u)]));
    case 'Hebr': return abjadUnits(token).map((u) => learnedSlot('Hebr', u, [hebrew(u)]));
    default: return null;
  }
}

// Western spellings of Korean syllables differ from Revised Romanisation (김 Kim, 이 Lee, 박 Park).
const KOREAN_SURNAMES: Record<string, string[]> = {
  김: ['kim'], 이: ['lee', 'yi', 'rhee'], 박: ['park', 'pak'], 최: ['choi', 'choe'], 정: ['jung', 'jeong', 'chung'],
  강: ['kang'], 조: ['cho', 'jo'], 윤: ['yoon', 'yun'], 장: ['jang', 'chang'], 임: ['lim', 'im'], 한: ['han'],
  오: ['oh', 'o'], 서: ['seo', 'suh'], 신: ['shin', 'sin'], 권: ['kwon', 'gwon'], 황: ['hwang'], 안: ['ahn', 'an'],
  송: ['song'], 류: ['ryu', 'yoo'], 유: ['yoo', 'yu'], 홍: ['hong'], 전: ['jeon', 'chun'], 고: ['ko', 'go'],
  문: ['moon', 'mun'], 손: ['son'], 양: ['yang'], 배: ['bae'], 백: ['baek', 'paik'], 허: ['heo', 'hur'], 남: ['nam'],
};

function hangul(token: string): string[] {
  const rr = anyAscii(token).toLowerCase().replace(/[^a-z]/g, '');
  // McCune–Reischauer-like variant: what Western documents usually show ("jeong" → "jong", "eun" → "un").
  const mr = rr.replace(/eo/g, 'o').replace(/eu/g, 'u').replace(/^g/, 'k').replace(/^b/, 'p').replace(/^d/, 't');
  const forms = [rr];
  if (mr !== rr) forms.push(mr);
  const sur = [...token].length === 1 ? KOREAN_SURNAMES[token] : undefined;
  if (sur) forms.unshift(...sur);
  return [...new Set(forms)];
}

/** Korean surnames by syllable, used to split a run-together Hangul full name into surname and given name. */
export function isKoreanSurname(syllable: string): boolean {
  return syllable in KOREAN_SURNAMES;
}

/** Returns the rule-based lower-case ASCII spellings of one lower-case non-Latin token (no dictionary). */
export function ruleTransliterate(token: string, script: Script): string[] {
  switch (script) {
    case 'Cyrl': return [cyrillic(token)];
    case 'Grek': return [greek(token)];
    case 'Arab': return [arabic(token)];
    case 'Hebr': return [hebrew(token)];
    case 'Hani': return [hanSyllables(token).join('')];
    case 'Kana': return [kana(token)];
    case 'Hang': return hangul(token);
    default: return [anyAscii(token).toLowerCase()];
  }
}

/** Returns lower-case ASCII spellings of one lower-case non-Latin token, attested forms first. */
export function transliterate(token: string, script: Script): string[] {
  const attested = lookupTransliteration(script, token);
  const rule = ruleTransliterate(token, script);
  const out: string[] = [];
  for (const f of [...attested, ...rule]) {
    const clean = f.replace(/[^a-z]/g, '');
    if (clean && !out.includes(clean)) out.push(clean);
  }
  return out.slice(0, 4);
}
