/**
 * Name normalisation: Unicode clean-up, tokenisation, Latin folding, script detection, name order
 * ("SURNAME, Given") and the role of each part (particle, initial, patronymic, title, legal form, number).
 */
import { MATCHING_ERRORS, MAX_NAME_LENGTH, matchingInvalid } from './matching.errors.ts';
import {
  abdSpelling, dinSpelling, evidentlySomali, isAbdHead, isArticle, isDinWord, joinedArticleSpelling, maybeSomali, somaliRespelling,
} from './orthography.ts';
import { chineseRomanisations, detectScript, hanSyllables, isKoreanSurname, transliterate, type Script } from './transliterate.ts';

export type TokenRole = 'name' | 'family' | 'particle' | 'initial' | 'patronymic' | 'title' | 'legal' | 'number';

export interface NameToken {
  /** The token as written, after Unicode clean-up. */
  raw: string;
  script: Script;
  /** Lower-case ASCII spellings, the most likely first (Latin: folded; other scripts: transliterated). */
  forms: string[];
  role: TokenRole;
}

export interface NormalizedName {
  input: string;
  tokens: NameToken[];
  scripts: Script[];
}

// Letters that Unicode decomposition does not fold, with the Nordic/German spelled-out alternative.
const LATIN_SPECIAL: Record<string, [string, string?]> = {
  ß: ['ss'], ł: ['l'], ı: ['i'], ø: ['o', 'oe'], æ: ['ae'], œ: ['oe'], đ: ['d', 'dj'], ð: ['d'], þ: ['th'],
  ħ: ['h'], ŋ: ['ng'], ſ: ['s'], ĳ: ['ij'], å: ['a', 'aa'], ä: ['a', 'ae'], ö: ['o', 'oe'], ü: ['u', 'ue'],
};

/** Folds a lower-case Latin token to ASCII: the plain form first, then a spelled-out form (ä → ae, å → aa) if different. */
export function foldLatin(token: string): string[] {
  let plain = '';
  let spelled = '';
  for (const ch of token.normalize('NFC')) {
    const special = LATIN_SPECIAL[ch];
    if (special) {
      plain += special[0];
      spelled += special[1] ?? special[0];
      continue;
    }
    const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
    plain += base;
    spelled += base;
  }
  plain = plain.replace(/[^a-z0-9]/g, '');
  spelled = spelled.replace(/[^a-z0-9]/g, '');
  return spelled !== plain ? [plain, spelled] : [plain];
}

const PARTICLES = new Set([
  'al', 'el', 'ul', 'bin', 'ibn', 'ben', 'bint', 'binti', 'bte', 'ould', 'abu', 'abou', 'umm', 'van', 'von', 'der', 'den',
  'de', 'del', 'della', 'di', 'da', 'du', 'dos', 'das', 'do', 'la', 'le', 'ter', 'ten', 'zu', 'af', 'av', 'y', 'e', 'mac', 'bar', 'bat',
  // Particles run together (Vanden Berg, Vander Meer, De La Cruz as Dela Cruz) and further Dutch, German and Italian ones.
  'vanden', 'vander', 'vonder', 'dela', 'delos', 'dei', 'degli', 'zum', 'zur', 'op', 'het',
]);
const TITLES = new Set([
  'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sir', 'dame', 'lord', 'sheikh', 'shaikh', 'sheik', 'haji', 'hajji', 'hadji', 'mullah',
  'mulla', 'maulvi', 'maulana', 'sayyed', 'jr', 'sr', 'junior', 'senior', 'herr', 'frau', 'monsieur', 'madame', 'gen', 'col', 'capt',
]);
const LEGAL: Record<string, string> = {
  ltd: 'ltd', limited: 'ltd', llc: 'llc', inc: 'inc', incorporated: 'inc', corp: 'corp', corporation: 'corp', co: 'co', company: 'co',
  gmbh: 'gmbh', ag: 'ag', aktiengesellschaft: 'ag', sa: 'sa', sarl: 'sarl', plc: 'plc', ab: 'ab', oy: 'oy', as: 'as', asa: 'as', bv: 'bv',
  nv: 'nv', srl: 'srl', spa: 'spa', lp: 'lp', llp: 'llp', kg: 'kg', spzoo: 'spzoo', bvba: 'bvba', sas: 'sas', sprl: 'sprl',
  // Russian and CIS forms compare with their English names: OOO = LLC, (O/Z/P)AO = (O/C/P)JSC = JSC.
  ooo: 'llc', oao: 'jsc', zao: 'jsc', pao: 'jsc', ao: 'jsc', pjsc: 'jsc', ojsc: 'jsc', cjsc: 'jsc', jsc: 'jsc',
  group: 'group', holding: 'holding', holdings: 'holding', trust: 'trust', fund: 'fund', bank: 'bank', the: 'the', and: 'and', of: 'of',
};
const NUMBER_WORDS: Record<string, string> = {
  one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10',
  first: '1', second: '2', third: '3', fourth: '4', fifth: '5', '1st': '1', '2nd': '2', '3rd': '3', '4th': '4', '5th': '5',
  ii: '2', iii: '3', iv: '4', vi: '6', vii: '7', viii: '8', ix: '9', xi: '11', xii: '12', xiii: '13', xiv: '14', xv: '15', xx: '20',
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };

// Spelled-out legal forms, folded word by word, and the abbreviation they compare as.
const LEGAL_PHRASES: [string[], string][] = [
  [['open', 'joint', 'stock', 'company'], 'jsc'],
  [['closed', 'joint', 'stock', 'company'], 'jsc'],
  [['public', 'joint', 'stock', 'company'], 'jsc'],
  [['joint', 'stock', 'company'], 'jsc'],
  [['limited', 'liability', 'company'], 'llc'],
  [['limited', 'liability', 'partnership'], 'llp'],
  [['limited', 'partnership'], 'lp'],
  [['gesellschaft', 'mit', 'beschrankter', 'haftung'], 'gmbh'],
  [['societatea', 'cu', 'raspundere', 'limitata'], 'srl'],
  [['societa', 'a', 'responsabilita', 'limitata'], 'srl'],
  [['sp', 'z', 'o', 'o'], 'spzoo'],
  [['societe', 'anonyme'], 'sa'],
  [['besloten', 'vennootschap'], 'bv'],
];

// Merges spelled-out legal forms into one legal token and tens + units into one number ("Forty-Four" = 44).
function mergePhrases(tokens: NameToken[]): NameToken[] {
  const out: NameToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const phrase = LEGAL_PHRASES.find(([words]) => words.every((w, k) => tokens[i + k]?.forms.includes(w)));
    if (phrase) {
      const n = phrase[0].length;
      const raw = tokens.slice(i, i + n).map((x) => x.raw).join(' ');
      out.push({ raw, script: t.script, forms: [phrase[1]], role: 'legal' });
      i += n - 1;
      continue;
    }
    const tens = TENS[t.forms[t.forms.length - 1]!] ?? (t.role === 'number' && /^[2-9]0$/.test(t.forms[0]!) ? Number(t.forms[0]) : undefined);
    const next = tokens[i + 1];
    if (tens !== undefined && next?.role === 'number' && /^[1-9]$/.test(next.forms[0]!)) {
      out.push({ raw: `${t.raw} ${next.raw}`, script: t.script, forms: [String(tens + Number(next.forms[0]))], role: 'number' });
      i++;
      continue;
    }
    if (tens !== undefined && t.role !== 'number') {
      out.push({ ...t, forms: [String(tens), ...t.forms], role: 'number' });
      continue;
    }
    out.push(t);
  }
  return out;
}

const PATRONYMIC = /(ovich|evich|ovych|evych|ovitch|ovic|evic|ovna|evna|ichna|ivna|yevna|ievna)$/;

// Most tokens a name keeps: beyond this it is not a name, and scoring cost grows with the square.
const MAX_TOKENS = 12;

function cleanUnicode(input: string): string {
  return input
    .normalize('NFKC')
    .replace(/[\u200C\u200D\u00AD\u0640]/g, '') // joiners, soft hyphen and tatweel join letters, they do not split words
    .replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Co}]/gu, ' ')
    .replace(/[\u2018\u2019\u02BC\u02BB\u02BF\u02BE\u0060\u00B4]/g, "'");
}

// Dotted letter runs written without spaces ("A.B.C.", "S.A.R.L.", "L.P."): an acronym, one part.
const DOTTED = /(?<![\p{L}\p{N}])(?:\p{L}\.){2,}\p{L}?(?![\p{L}\p{N}])\.?/gu;

// Collapses dotted acronyms that spell a legal form (S.A., L.L.C., S.A.R.L.); other dotted letters stay
// initials, as they more often belong to a person ("J.R.R. Tolkien").
function collapseAcronyms(text: string): string {
  return text.replace(DOTTED, (m) => {
    const letters = m.replace(/\./g, '');
    return LEGAL[letters.toLowerCase()] !== undefined ? ` ${letters} ` : m;
  });
}

interface Piece {
  t: string;
  /** The piece is joined to the next by a hyphen ("ash-Shami"), which makes a short word an article. */
  hyphen: boolean;
}

function splitPieces(text: string): Piece[] {
  // Hebrew geresh after a letter is part of the letter (ג'ון = John); elsewhere apostrophes only join (O'Brien).
  const parts = collapseAcronyms(text)
    .replace(/(\p{Script=Hebrew})['׳]/gu, '$1\u05F3')
    .replace(/'/g, '')
    .split(/([^\p{L}\p{M}\p{N}\u05F3]+)/u);
  const out: Piece[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    if (parts[i]) out.push({ t: parts[i]!, hyphen: /^\s*[-\u2010\u2011]\s*$/.test(parts[i + 1] ?? '') });
  }
  return out;
}

function splitTokens(text: string): string[] {
  return splitPieces(text).map((p) => p.t);
}

function roleOf(forms: string[], raw: string, script: Script, upperFamily: boolean): TokenRole {
  const f = forms[0] ?? '';
  if (/^\d+$/.test(f)) return 'number';
  if (script === 'Latn' && f.length === 1) return 'initial';
  if (PARTICLES.has(f)) return 'particle';
  if (TITLES.has(f)) return 'title';
  if (LEGAL[f] !== undefined) return 'legal';
  if (PATRONYMIC.test(f)) return 'patronymic';
  return upperFamily && raw === raw.toUpperCase() && raw !== raw.toLowerCase() ? 'family' : 'name';
}

// Digits standing in for letters in obfuscated names ("Ig0r Sech1n").
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '9': 'g' };

function tokenForms(raw: string, script: Script): string[] {
  if (script === 'Latn' || script === 'Other' && /^[\p{N}]+$/u.test(raw)) {
    const forms = foldLatin(raw.toLowerCase());
    const f = forms[0]!;
    if (/[a-z]/.test(f) && /[0-9]/.test(f)) forms.unshift(f.replace(/[0-9]/g, (d) => LEET[d] ?? ''));
    // A Chinese syllable may be written in pinyin or Wade–Giles: both forms compare (Hsi / Xi, Tse-tung / Zedong).
    forms.push(...chineseRomanisations(forms[0]!).slice(0, 3));
    return [...new Set(forms)];
  }
  return transliterate(raw.toLowerCase(), script);
}

// Run-together East Asian full names ("王杰", "김정은") are split into surname and given name, as the
// Latin forms ("Wang Jie", "Kim Jong-un") are written apart.
function splitEastAsian(raw: string, script: Script, nTokens: number): string[] {
  const chars = [...raw];
  if (nTokens !== 1 || chars.length < 2 || chars.length > 4) return [raw];
  if (script === 'Hang' && isKoreanSurname(chars[0]!) && chars.length <= 4) return [chars[0]!, chars.slice(1).join('')];
  if (script === 'Hani' && chars.length <= 3 && hanSyllables(chars[0]!)[0]) return [chars[0]!, chars.slice(1).join('')];
  return [raw];
}

/** Normalises a raw name into typed tokens; throws a validation DomainError for empty, oversized or letterless input. */
export function normalizeName(input: unknown): NormalizedName {
  if (typeof input !== 'string' || input.trim() === '') throw matchingInvalid(MATCHING_ERRORS.nameRequired);
  if (input.length > MAX_NAME_LENGTH) throw matchingInvalid(MATCHING_ERRORS.nameTooLong, { max: MAX_NAME_LENGTH });
  const text = cleanUnicode(input);
  if (!/\p{L}|\p{N}/u.test(text)) throw matchingInvalid(MATCHING_ERRORS.nameNoLetters);

  // "SURNAME, Given" (one comma): the part before the comma is the family name.
  let familyFirst: Piece[] = [];
  let rest = text;
  const commas = text.split(',');
  // "Banco Santander, S.A." is a name and its legal form, not "SURNAME, Given".
  const legalTail = commas.length === 2 && splitTokens(commas[1]!).every((t) => LEGAL[foldLatin(t.toLowerCase())[0]!] !== undefined);
  if (commas.length === 2 && commas[0]!.trim() && commas[1]!.trim() && !legalTail) {
    familyFirst = splitPieces(commas[0]!);
    rest = commas[1]!;
  }
  const restTokens = splitPieces(rest);
  const ordered = [...restTokens.map((p) => ({ ...p, fam: false })), ...familyFirst.map((p) => ({ ...p, fam: true }))];
  // Upper-case words mark the surname only when the name mixes cases ("Sergey LAVROV").
  const letters = text.replace(/[^\p{L}]/gu, '');
  const mixedCase = letters !== letters.toUpperCase() && letters !== letters.toLowerCase();

  const tokens: NameToken[] = [];
  const hyphens: boolean[] = [];
  for (const { t, fam, hyphen } of ordered) {
    const script = detectScript(t);
    for (const piece of splitEastAsian(t, script, ordered.length)) {
      if (tokens.length >= MAX_TOKENS) break;
      const forms = tokenForms(piece, script).filter(Boolean);
      if (forms.length === 0) continue; // emoji-only or unmappable pieces carry no identity
      // Number words and Roman numerals compare as digits ("Three Percenters" = "3 Percenters"); a lone
      // short word stays a name, so "Ii" or "Xi" on its own is not read as a numeral, and a Roman numeral
      // comes after a name ("Fund XII", "Henry VIII"): leading, it is a name ("Xi Jinping").
      const roman = /^[ivxlcdm]+$/.test(forms[0]!);
      const norm = ordered.length > 1 && (!roman || tokens.length > 0) ? NUMBER_WORDS[forms[0]!] : undefined;
      if (norm) forms.unshift(norm);
      let role = roleOf(forms, piece, script, mixedCase);
      // Legal forms compare by their short form: "Aktiengesellschaft" = "AG", "Corporation" = "Corp".
      if (role === 'legal') forms.unshift(LEGAL[forms[0]!]!);
      if (fam && (role === 'name' || role === 'family')) role = 'family';
      tokens.push({ raw: piece, script, forms: [...new Set(forms)], role });
      hyphens.push(hyphen);
    }
  }
  if (tokens.length === 0) throw matchingInvalid(MATCHING_ERRORS.nameNoLetters);
  tokens.splice(0, tokens.length, ...mergePhrases(arabicCompounds(somali(tokens), hyphens)));
  const scripts = [...new Set(tokens.map((t) => t.script))];
  return { input, tokens, scripts };
}

const nameLike = (t: NameToken | undefined): t is NameToken => t !== undefined && (t.role === 'name' || t.role === 'family');

// Somali spelling is read name by name: one evidently Somali word (Xasan, Cabdi) makes the name's other words
// with x or c Somali too (Maxamed), unless they are known names as written (Felix).
function somali(tokens: NameToken[]): NameToken[] {
  const latin = tokens.filter((t) => t.script === 'Latn' && nameLike(t));
  if (!latin.some((t) => evidentlySomali(t.forms[0]!))) return tokens;
  return tokens.map((t) => {
    const respelt = t.script === 'Latn' && nameLike(t) && maybeSomali(t.forms[0]!) ? somaliRespelling(t.forms[0]!) : null;
    return respelt ? { ...t, forms: [...new Set([respelt, ...t.forms])] } : t;
  });
}

const latinWord = (t: NameToken | undefined): string | undefined => (t?.script === 'Latn' ? t.forms[0] : undefined);

// One token for a compound name written in parts ("Abd al-Rahman", "Nur ad-Din"): its comparison spelling
// first, then the parts run together as written.
function compound(parts: NameToken[], joined: string, spelling: string | null): NameToken {
  const role = parts.some((p) => p.role === 'family') ? 'family' : 'name';
  return { raw: parts.map((p) => p.raw).join(' '), script: 'Latn', forms: [...new Set([spelling ?? joined, joined])], role };
}

// The Arabic article (al-, el-, and the assimilated ash-, ad-, ar-...) is a particle that compares as "al";
// Abd-names and ad-Din names written in parts become one part; joined spellings get their "al" spelling.
function arabicCompounds(tokens: NameToken[], hyphens: boolean[]): NameToken[] {
  const marked = tokens.map((t, i) => {
    const w = latinWord(t);
    if (w === undefined || !(t.role === 'name' || t.role === 'particle') || !isArticle(w, latinWord(tokens[i + 1]), hyphens[i] ?? false)) return t;
    return { ...t, role: 'particle' as const, forms: [...new Set(['al', ...t.forms])] };
  });
  const isAl = (t: NameToken | undefined) => t?.role === 'particle' && t.forms[0] === 'al';
  const out: NameToken[] = [];
  for (let i = 0; i < marked.length; i++) {
    const t = marked[i]!;
    const w = latinWord(t);
    // Abd + (article) + name, Abdul/Abdel... + article + name: "Abd al-Rahman", "Abd Rabbo", "Abdul al-Rahman". A head
    // alone before a name ("Abdul Rahman") stays a part of its own, as it is often left out (Abdul Hanif / Hanif);
    // it compares as "abdal", so the run-together comparison meets Abdelrahman.
    if (w !== undefined && isAbdHead(w)) {
      const art = isAl(marked[i + 1]) ? 1 : 0;
      const next = marked[i + 1 + art];
      if (!art && w !== 'abd') {
        out.push({ ...t, forms: [...new Set(['abdal', ...t.forms])] });
        continue;
      }
      if (nameLike(next) && latinWord(next)) {
        const joined = w + (art ? 'al' : '') + latinWord(next)!;
        out.push(compound(marked.slice(i, i + 2 + art), joined, abdSpelling(joined)));
        i += 1 + art;
        continue;
      }
    }
    // Name + article + Din, or name + Uddin: "Nur ad-Din", "Salah ud-Din", "Nur Uddin".
    if (w !== undefined && nameLike(t)) {
      const art = isAl(marked[i + 1]) ? 1 : 0;
      const din = latinWord(marked[i + 1 + art]);
      if (din !== undefined && isDinWord(din) && (art === 1 || din.length > 4)) {
        const joined = w + (art ? 'al' : '') + din;
        out.push(compound(marked.slice(i, i + 2 + art), joined, dinSpelling(joined)));
        i += 1 + art;
        continue;
      }
    }
    const derived = w !== undefined && nameLike(t) ? (abdSpelling(w) ?? dinSpelling(w) ?? joinedArticleSpelling(w)) : null;
    out.push(derived && derived !== w ? { ...t, forms: [...new Set([derived, ...t.forms])] } : t);
  }
  return out;
}
