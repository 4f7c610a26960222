/**
 * The stored explanation of a hit (language-neutral) and its rendering in the reader's language: which name
 * parts matched how, and what the date of birth, nationality, gender and documents did to the score.
 */
import type { Locale } from '../../../shared/domain.ts';
import { t } from '../../platform/i18n.ts';
import type { PersonScore } from './person.ts';

export interface StoredExplanation {
  score: number;
  nameScore: number;
  a: string;
  b: string;
  pairs: { a: string; b: string; kind: string; similarity: number }[];
  unmatchedA: string[];
  unmatchedB: string[];
  factors: { factor: string; effect: number; detail: string }[];
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** What is stored of a score: plain data, small, independent of the engine's internal types. */
export function explanationOf(s: PersonScore): StoredExplanation {
  return {
    score: s.score, nameScore: round(s.name.score), a: s.name.a, b: s.name.b,
    pairs: s.name.pairs.map((p) => ({ a: p.a, b: p.b, kind: p.kind, similarity: round(p.similarity) })),
    unmatchedA: s.name.unmatchedA, unmatchedB: s.name.unmatchedB,
    factors: s.factors.map((f) => ({ factor: f.factor, effect: round(f.effect), detail: f.detail })),
  };
}

const signed = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(2)}`;

/** One line of text: the score, each part pair with how it matched, unpaired parts, and each factor's effect. */
export function renderExplanation(locale: Locale, e: StoredExplanation): string {
  const parts = [
    t(locale, 'matching.explain.score', { score: e.score }),
    e.pairs.map((p) => t(locale, 'matching.explain.pair', { a: p.a, b: p.b, kind: t(locale, `matching.kind.${p.kind}`) })).join('; '),
    [...e.unmatchedA, ...e.unmatchedB].map((name) => t(locale, 'matching.explain.unpaired', { part: name })).join('; '),
    e.factors.map((f) => t(locale, 'matching.explain.factor', { factor: t(locale, `matching.factor.${f.factor}`), detail: f.detail, effect: signed(f.effect) })).join('; '),
  ];
  return `${parts.filter(Boolean).join('. ')}.`;
}
