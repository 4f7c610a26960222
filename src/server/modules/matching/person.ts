/**
 * Person scoring: the best name score over all name pairs of two persons, raised or lowered by date of
 * birth, nationality, gender and identity documents, with an explanation of each effect.
 */
import { z } from 'zod';
import { MATCHING_ERRORS, matchingInvalid } from './matching.errors.ts';
import { DEFAULT_MATCHING_SETTINGS, matchLevel, type MatchLevel, type MatchingSettings } from './matching.settings.ts';
import { prepareName, type PreparedName } from './prepare.ts';
import { scorePreparedNames, type NameScore } from './score.ts';

export const personInputSchema = z.object({
  /** Primary name first, then aliases and native-script spellings. */
  names: z.array(z.string()).min(1).max(20),
  /** ISO date, possibly partial: YYYY, YYYY-MM or YYYY-MM-DD. */
  birthDate: z.string().nullish(),
  /** Nationalities as ISO 3166 codes (alpha-2 or alpha-3) or country names. */
  nationalities: z.array(z.string()).max(10).nullish(),
  gender: z.enum(['male', 'female', 'other', 'unknown']).nullish(),
  documents: z
    .array(z.object({ type: z.string().max(40).nullish(), number: z.string().min(1).max(60), country: z.string().max(60).nullish() }))
    .max(20)
    .nullish(),
});

export type PersonInput = z.infer<typeof personInputSchema>;

interface BirthDate {
  year: number;
  month: number | null;
  day: number | null;
}

export interface PreparedPerson {
  names: PreparedName[];
  birthDate: BirthDate | null;
  nationalities: string[];
  gender: 'male' | 'female' | null;
  documents: { type: string; number: string; country: string }[];
}

export interface ScoreFactor {
  factor: 'birth_date' | 'nationality' | 'gender' | 'document';
  effect: number;
  detail: string;
}

export interface PersonScore {
  score: number;
  level: MatchLevel;
  name: NameScore;
  factors: ScoreFactor[];
}

/** Parses an ISO date of birth (YYYY, YYYY-MM, YYYY-MM-DD); throws matching.invalid_date when it is not a real date. */
export function parseBirthDate(value: string): BirthDate {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value.trim());
  if (!m) throw matchingInvalid(MATCHING_ERRORS.invalidDate, { value: value.slice(0, 40) });
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : null;
  const day = m[3] ? Number(m[3]) : null;
  const valid =
    year >= 1850 && year <= 2200 &&
    (month === null || (month >= 1 && month <= 12)) &&
    (day === null || (month !== null && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate()));
  if (!valid) throw matchingInvalid(MATCHING_ERRORS.invalidDate, { value: value.slice(0, 40) });
  return { year, month, day };
}

const normCountry = (c: string) => c.trim().toLowerCase();
const normDoc = (n: string) => n.toUpperCase().replace(/[^A-Z0-9]/g, '');

/** Validates and prepares a person for scoring; throws a validation DomainError for bad input. */
export function preparePerson(input: PersonInput): PreparedPerson {
  const parsed = personInputSchema.safeParse(input);
  if (!parsed.success) throw matchingInvalid(MATCHING_ERRORS.invalidPerson, { issue: parsed.error.issues[0]?.path.join('.') ?? '' });
  const p = parsed.data;
  const names: PreparedName[] = [];
  for (const n of p.names) {
    try {
      names.push(prepareName(n));
    } catch (e) {
      // An unusable alias should not hide the usable ones; only a person with no usable name is rejected.
      if (p.names.length === 1) throw e;
    }
  }
  if (names.length === 0) throw matchingInvalid(MATCHING_ERRORS.nameRequired);
  const g = p.gender;
  return {
    names,
    birthDate: p.birthDate ? parseBirthDate(p.birthDate) : null,
    nationalities: (p.nationalities ?? []).map(normCountry).filter(Boolean),
    gender: g === 'male' || g === 'female' ? g : null,
    documents: (p.documents ?? []).map((d) => ({ type: (d.type ?? '').toLowerCase(), number: normDoc(d.number), country: normCountry(d.country ?? '') })).filter((d) => d.number.length >= 4),
  };
}

// Effects on the name score. A birth date far apart is the strongest counter-evidence a name match can
// meet; nationality and gender are weaker (dual citizenship, recording errors).
const EFFECT = {
  dobSame: 0.06,
  dobYearOnlySame: 0.03,
  dobSwapped: -0.03, // day and month swapped: a recording error, not another person
  dobSameYearOtherDay: -0.15,
  dobYearOff1: -0.2,
  dobFar: -0.35,
  nationalityOverlap: 0.03,
  nationalityDisjoint: -0.12,
  genderDiffers: -0.2,
  documentSame: 0.3,
  documentDiffers: -0.1,
};

function compareBirthDates(a: BirthDate, b: BirthDate): ScoreFactor {
  const dy = Math.abs(a.year - b.year);
  const iso = (d: BirthDate) => [d.year, d.month, d.day].filter((x) => x !== null).join('-');
  const detail = `${iso(a)} / ${iso(b)}`;
  if (dy > 1) return { factor: 'birth_date', effect: EFFECT.dobFar, detail };
  if (dy === 1) return { factor: 'birth_date', effect: EFFECT.dobYearOff1, detail };
  if (a.month === null || b.month === null) return { factor: 'birth_date', effect: EFFECT.dobYearOnlySame, detail };
  if (a.month === b.month && (a.day === null || b.day === null || a.day === b.day)) return { factor: 'birth_date', effect: EFFECT.dobSame, detail };
  if (a.day !== null && b.day !== null && a.month === b.day && a.day === b.month) return { factor: 'birth_date', effect: EFFECT.dobSwapped, detail };
  return { factor: 'birth_date', effect: EFFECT.dobSameYearOtherDay, detail };
}

/** Scores two prepared persons: best name pair, then the birth date, nationality, gender and document effects. */
export function scorePreparedPersons(q: PreparedPerson, c: PreparedPerson, settings: MatchingSettings = DEFAULT_MATCHING_SETTINGS): PersonScore {
  let best: NameScore | null = null;
  for (const a of q.names) for (const b of c.names) {
    const s = scorePreparedNames(a, b);
    if (!best || s.score > best.score) best = s;
  }
  const name = best!;
  const factors: ScoreFactor[] = [];
  if (q.birthDate && c.birthDate) factors.push(compareBirthDates(q.birthDate, c.birthDate));
  if (q.nationalities.length && c.nationalities.length) {
    const overlap = q.nationalities.some((n) => c.nationalities.includes(n));
    factors.push({ factor: 'nationality', effect: overlap ? EFFECT.nationalityOverlap : EFFECT.nationalityDisjoint, detail: `${q.nationalities.join(',')} / ${c.nationalities.join(',')}` });
  }
  if (q.gender && c.gender && q.gender !== c.gender) factors.push({ factor: 'gender', effect: EFFECT.genderDiffers, detail: `${q.gender} / ${c.gender}` });
  const docFactor = compareDocuments(q, c);
  if (docFactor) factors.push(docFactor);
  let score = name.score + factors.reduce((s, f) => s + f.effect, 0);
  // The same document number is near-proof even when the names were written very differently.
  if (docFactor && docFactor.effect > 0) score = Math.max(score, settings.alertThreshold);
  score = Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000;
  return { score, level: matchLevel(score, settings), name, factors };
}

function compareDocuments(q: PreparedPerson, c: PreparedPerson): ScoreFactor | null {
  let differs: ScoreFactor | null = null;
  for (const a of q.documents) for (const b of c.documents) {
    const comparableCountry = !a.country || !b.country || a.country === b.country;
    if (a.number === b.number && comparableCountry) return { factor: 'document', effect: EFFECT.documentSame, detail: a.number };
    // Different numbers of the same kind and country: only mild evidence, people renew documents.
    if (a.type && a.type === b.type && a.country && a.country === b.country) differs = { factor: 'document', effect: EFFECT.documentDiffers, detail: `${a.number} / ${b.number}` };
  }
  return differs;
}

/** Scores an incoming query person against a stored candidate person, with the explanation. */
export function scorePersons(query: PersonInput | PreparedPerson, candidate: PersonInput | PreparedPerson, settings: MatchingSettings = DEFAULT_MATCHING_SETTINGS): PersonScore {
  const q = isPrepared(query) ? query : preparePerson(query);
  const c = isPrepared(candidate) ? candidate : preparePerson(candidate);
  return scorePreparedPersons(q, c, settings);
}

function isPrepared(p: PersonInput | PreparedPerson): p is PreparedPerson {
  return Array.isArray(p.names) && typeof p.names[0] === 'object';
}
