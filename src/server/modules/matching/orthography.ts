/**
 * Orthographies that the letter-by-letter rules in phonetic.ts cannot reach, because they depend on the word:
 * - Somali Latin spelling (Xasan = Hassan, Cabdi = Abdi, Maxamed = Mohamed): x is the Arabic ħ, c the ain, and
 *   long vowels are doubled (Faadumo). Common in Sweden; applied only to words that read as Somali.
 * - The Arabic article: assimilated before "sun letters" (ash-Shami = al-Shami, ad-Din, ar-Rashid), written
 *   apart, hyphenated or joined (Alshami, Elshami, Assayed).
 * - Compounds of the article: Abd-names (Abd al-Rahman, Abdulrahman, Abdelrahman, Abdirahman, Abderrahmane)
 *   and ad-Din names (Nur ad-Din, Nuruddin, Nureddine, Salahuddin), each read as one name part.
 * Functions take and return lower-case ASCII (folded) spellings; null means the rule does not apply.
 */
import { isListedGivenName } from './given-name-gender.ts';
import { givenNameClass } from './given-names.ts';
import { namePartFrequency } from './name-data.ts';
import { canonicalSpelling } from './phonetic.ts';
import { chineseRomanisations } from './transliterate.ts';

// A corpus count at which a spelling is a known name in its own right (Carl, Alexander, Felix), not Somali.
const KNOWN_COUNT = 20;

function knownAsIs(folded: string): boolean {
  return namePartFrequency(folded) >= KNOWN_COUNT || isListedGivenName(folded);
}

// Somali letters read differently from English: x (ħ, English h) and c (the ain, unwritten in English), which
// Somali writes at the start of a word or after a vowel (Cali, Saciid, Jaamac), never as "ch" or after a consonant.
const SOMALI_C = /(?:^|(?<=[aeiou]))c(?!h)/g;
const SOMALI_MARK = /x|(?:^|[aeiou])c(?!h)/;
// A respelling must leave a real name: short words (Dax, Lux, Tex) are too often something else.
const MIN_SOMALI_LENGTH = 4;
// How common a respelt word must be, when no given-name class knows it, to count as a name.
const RESPELT_COUNT = 20;

/** The Somali letters of a word respelt as English does (Xasan → hasan, Cabdiraxmaan → abdirahmaan), or null. */
export function somaliRespelling(folded: string): string | null {
  if (folded.length < MIN_SOMALI_LENGTH || !SOMALI_MARK.test(folded)) return null;
  const out = folded.replace(/x/g, 'h').replace(SOMALI_C, '');
  return out.length >= 3 && out !== folded ? out : null;
}

/** True when a word may be Somali spelling: it has x or c, is no known name as written and no Chinese syllable (Xu, Cao). */
export function maybeSomali(folded: string): boolean {
  return somaliRespelling(folded) !== null && !knownAsIs(folded) && chineseRomanisations(folded).length === 0;
}

/** True when a word is evidently Somali: it may be (maybeSomali) and its respelling is a known name (Xasan → Hasan). */
export function evidentlySomali(folded: string): boolean {
  if (!maybeSomali(folded)) return false;
  const respelt = somaliRespelling(folded)!;
  const canon = canonicalSpelling(respelt);
  return givenNameClass(canon) >= 0 || givenNameClass(canonicalSpelling(folded)) >= 0 || namePartFrequency(respelt) >= RESPELT_COUNT;
}

const ABD = /^abd(?:[aeiou]l?)?(.+)$/;
const SLAVIC_SURNAME = /(?:ov|ev|ova|eva)$/;

/**
 * The Abd-name of one word in one spelling, "abdal" + the divine name (Abdulrahman, Abdelrahman, Abdirahman,
 * Abdurrahman → abdalrahman), or null. The doubled first letter of an assimilated article is undoubled.
 */
export function abdSpelling(folded: string): string | null {
  // Russified surnames (Abdullaev, Abdurakhmanova) keep their spelling: the suffix makes them another name part.
  const m = SLAVIC_SURNAME.test(folded) ? null : ABD.exec(folded);
  if (!m) return null;
  const rest = m[1]!.replace(/^([^aeiou])\1/, '$1');
  return rest.length >= 3 ? `abdal${rest}` : null;
}

// "-uddin", "-eddine", "-al-din": the article and "din" at the end of a compound given name.
const DIN = /^([a-z]{2,}?)[aeiou]?(?:ld|dd)(?:in|een|ine|ien)$/;

/** The ad-Din name of one word in one spelling (Nuruddin, Nureddine, Nuraldin → nuraldin), or null. */
export function dinSpelling(folded: string): string | null {
  const m = DIN.exec(folded);
  return m ? `${m[1]}aldin` : null;
}

// The article joined to the word: assimilated (Ashshami, Assayed, Arrashid) or written el-/ul- (Elshami).
const JOINED_ASSIMILATED = /^[aeu](sh|th|dh|[tdrzsn])\1([aeiou][a-z]{2,})$/;
const JOINED_EL = /^(?:el|ul)((?:sh|[bdfghjkmnqrstwz])[a-z]{3,})$/;

/** The joined article respelt "al" (Ashshami → alshami, Elsayed → alsayed), or null. */
export function joinedArticleSpelling(folded: string): string | null {
  const a = JOINED_ASSIMILATED.exec(folded);
  if (a) return `al${a[1]}${a[2]}`;
  const e = JOINED_EL.exec(folded);
  return e && !knownAsIs(folded) ? `al${e[1]}` : null;
}

// Article words: al/el/ul (not "il": a Korean name part, Song Il), and the assimilated forms (a, e or u + a sun letter) before a word starting with that letter.
const PLAIN_ARTICLES = new Set(['al', 'el', 'ul']);
const ASSIMILATED = /^[aeu](sh|th|dh|[tdrzsn])$/;
// Written apart these are also ordinary names or words (An Nguyen, Ed Davis, En): only hyphenated ("an-Nasser") they are articles.
const APART_AMBIGUOUS = new Set(['an', 'en', 'un', 'ed', 'et', 'es', 'er', 'ez', 'esh', 'eth', 'edh']);
const DIN_WORDS = new Set(['din', 'deen', 'dine', 'dien']);

/** True when `word` is the Arabic article before `next` (hyphenated when `hyphen`): al-Shami, ash-Shami, Ash Shami, ad-Din. */
export function isArticle(word: string, next: string | undefined, hyphen: boolean): boolean {
  if (next === undefined || next.length < 2) return false;
  if (PLAIN_ARTICLES.has(word)) return true;
  const m = ASSIMILATED.exec(word);
  if (!m || !next.startsWith(m[1]!)) return false;
  return hyphen || !APART_AMBIGUOUS.has(word) || DIN_WORDS.has(next);
}

/** True when a word is "din" or the article joined to it (uddin, eddine, aldin), the second half of an ad-Din name. */
export function isDinWord(word: string): boolean {
  return DIN_WORDS.has(word) || /^[aeiou](?:ld|dd)(?:in|een|ine|ien)$/.test(word);
}

// The first half of an Abd-name written apart: "Abd al-Rahman", "Abdul Rahman", "Abdel Aziz", "Abdur Rahim".
const ABD_HEADS = new Set(['abd', 'abdul', 'abdel', 'abdal', 'abdol', 'abdil', 'abdur', 'abder', 'abdar', 'abdus', 'abdes', 'abdoul']);

/** True when a word opens an Abd-name written in parts (Abd, Abdul, Abdel...). */
export function isAbdHead(word: string): boolean {
  return ABD_HEADS.has(word);
}
