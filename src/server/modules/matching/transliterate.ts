/**
 * Transliteration of one name token from its script to lower-case ASCII Latin comparison forms.
 * Rules live here; the learned dictionaries (built from Wikidata pairs by scripts/build-name-data.ts)
 * are consulted first so that attested spellings ("александр" → alexander) win over letter rules.
 */
import anyAscii from 'any-ascii';
import { pinyin } from 'pinyin-pro';
import { toRomaji } from 'wanakana';
import { lookupTransliteration } from './name-data.ts';

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
