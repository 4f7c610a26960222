/**
 * Name scoring: aligns the parts of two prepared names (any order, merged or split parts), scores each
 * aligned pair by the best of exact, spelling, skeleton, phonetic and equivalence evidence, and combines
 * them into a 0–1 score with an explanation. Independent of how candidates were found.
 */
import { prepareName, type PreparedName, type PreparedToken } from './prepare.ts';
import { canonicalSpelling } from './phonetic.ts';
import { latticeDistance, similarity } from './similarity.ts';

export type PartMatchKind =
  | 'exact' // same spelling after folding
  | 'spelling' // same canonical spelling (convention or diacritics differ)
  | 'equivalent' // same given-name class (Mohammed / Muhammad, Robert / Bob)
  | 'fuzzy' // close by edit distance
  | 'skeleton' // consonants agree (abjad script against Latin)
  | 'phonetic' // consonant classes agree (across scripts)
  | 'initial' // an initial against a part starting with it
  | 'number' // numbers or numerals
  | 'merged' // one part against two run together ("Abdulrahman" / "Abdul Rahman")
  | 'gender' // given names alike in spelling but of the other gender (Erik / Erika): evidence against
  | 'different';

export interface PartMatch {
  a: string;
  b: string;
  similarity: number;
  kind: PartMatchKind;
  weight: number;
}

export interface NameScore {
  score: number;
  a: string;
  b: string;
  pairs: PartMatch[];
  unmatchedA: string[];
  unmatchedB: string[];
}

interface Sim {
  s: number;
  kind: PartMatchKind;
}

const NO_MATCH: Sim = { s: 0, kind: 'different' };

function bestCanonSimilarity(a: string[], b: string[]): Sim {
  let best = 0;
  for (const x of a) for (const y of b) {
    const s = similarity(x, y);
    if (s > best) best = s;
  }
  return { s: best, kind: best === 1 ? 'spelling' : 'fuzzy' };
}

function bestOf(list: string[], other: string[]): number {
  let best = 0;
  for (const x of list) for (const y of other) best = Math.max(best, similarity(x, y));
  return best;
}

/**
 * Similarity of Latin spellings to a token's reading lattice (Han, kana, Hangul, Arabic, Hebrew):
 * 1 − scaled lattice edit distance / length.
 * Doubled letters are collapsed first, as the readings were learned without them.
 */
// Lattice distance per letter is scaled down: a learned reading path that misses one letter in three is
// still a likely transcription (Pearce / 皮爾斯), where the same share of edits between two Latin spellings is not.
const LATTICE_SCALE = 0.7;

function latticeSimilarity(latinForms: string[], read: Pick<PreparedToken, 'lattice'>): number {
  let best = 0;
  for (const f of latinForms) {
    const s = f.replace(/[^a-z]/g, '').replace(/(.)\1+/g, '$1');
    if (!s) continue;
    const len = Math.max(s.length, read.lattice!.length);
    // Below MIN_PAIR a part counts as different, so the distance beyond that is not worth computing.
    const d = latticeDistance(s, read.lattice!, ((1 - MIN_PAIR) * len) / LATTICE_SCALE);
    best = Math.max(best, 1 - LATTICE_SCALE * (d / len));
  }
  return best;
}

// Given names of different genders (Erik / Erika, Jan / Jana) are two people's names however alike they are
// written: at most this similarity, which keeps almost no credit. Unisex and unknown names carry no gender.
const GENDER_CONFLICT = 0.6;

/** Scores two single name parts, with the genders of given names as evidence against. */
function partSimilarity(a: PreparedToken, b: PreparedToken): Sim {
  const sim = spellingSimilarity(a, b);
  // The same class (Sasha / Alexander) is one name whatever the lists say of each form.
  // One canonical spelling (Wali / Walli) is one name: the lists' genders of rare spellings are noise.
  if (a.gender && b.gender && a.gender !== b.gender && sim.s > GENDER_CONFLICT && sim.s < 1 && (a.nameClass < 0 || a.nameClass !== b.nameClass)) {
    return { s: GENDER_CONFLICT, kind: 'gender' };
  }
  return sim;
}

/** Scores two single name parts by spelling, sound and name equivalence. */
function spellingSimilarity(a: PreparedToken, b: PreparedToken): Sim {
  if (a.role === 'number' || b.role === 'number') {
    return a.forms.some((f) => b.forms.includes(f)) ? { s: 1, kind: 'number' } : NO_MATCH;
  }
  if (a.role === 'initial' || b.role === 'initial') {
    if (a.role === 'initial' && b.role === 'initial') return a.forms[0] === b.forms[0] ? { s: 1, kind: 'initial' } : NO_MATCH;
    const init = a.role === 'initial' ? a.forms[0]! : b.forms[0]!;
    const full = a.role === 'initial' ? b : a;
    return full.forms.some((f) => f[0] === init) ? { s: 0.9, kind: 'initial' } : NO_MATCH;
  }
  if (a.forms[0] === b.forms[0] && (a.script === 'Latn' || a.native === b.native)) return { s: 1, kind: 'exact' };
  // Same non-Latin script: compare what was written; transliteration would merge distinct letters (정/종, 石/市).
  if (a.native && a.script === b.script) {
    const s = similarity(a.native, b.native);
    return { s, kind: s === 1 ? 'exact' : 'fuzzy' };
  }
  let best = bestCanonSimilarity(a.canon, b.canon);
  if (best.s === 1) return best;
  const crossScript = a.script !== b.script;
  // Han, kana, Hangul, Arabic or Hebrew against Latin: units are read by how they are used in names, not
  // only by rule; the rule-based evidence below still counts where it is stronger.
  const read = a.lattice ? a : b.lattice ? b : null;
  const latticeRead = read !== null && crossScript && (read === a ? b : a).script === 'Latn';
  if (latticeRead) {
    const s = latticeSimilarity((read === a ? b : a).forms, read);
    if (s > best.s) best = { s, kind: s === 1 ? 'spelling' : 'phonetic' };
  }
  // Abjad transliterations lack short vowels: only consonants can be compared fairly.
  // Across scripts the vowels are the least reliable letters (epenthetic vowels in kana and Hangul), so
  // the consonants get a say too, at a discount for the information lost.
  if (a.vowelless || b.vowelless || crossScript) {
    const s = (a.vowelless || b.vowelless ? 0.95 : 0.9) * bestOf(a.skeletons, b.skeletons);
    if (s > best.s) best = { s, kind: 'skeleton' };
  }
  if (a.nameClass >= 0 && a.nameClass === b.nameClass && best.s < 0.93) best = { s: 0.93, kind: 'equivalent' };
  if (a.code.length >= 3 && a.code === b.code && best.s < 0.8) best = { s: 0.8, kind: 'phonetic' };
  // Consonant classes alone are weak evidence (Hassan and زنجانی share "SN"): only where no reading lattice spoke.
  if (crossScript && !latticeRead && a.code.length >= 2 && b.code.length >= 2) {
    const s = 0.9 * similarity(a.code, b.code);
    if (s > best.s) best = { s, kind: 'phonetic' };
  }
  return best;
}

// Two adjacent parts run together, for merged/split comparison ("Jong Un" / "Jongun", "Chin-ping" / "Jinping"):
// the first two spellings of each part, combined.
function mergedCanon(x: PreparedToken, y: PreparedToken): string[] {
  const out: string[] = [];
  for (const fx of x.forms.slice(0, 2)) for (const fy of y.forms.slice(0, 2)) out.push(canonicalSpelling(fx + fy));
  for (const fx of x.forms.slice(2, 3)) for (const fy of y.forms.slice(2, 3)) out.push(canonicalSpelling(fx + fy));
  return [...new Set(out)];
}

function mergeable(t: PreparedToken): boolean {
  return t.role !== 'initial' && t.role !== 'number' && !t.vowelless;
}

interface Candidate {
  ia: number[];
  ib: number[];
  sim: Sim;
}

// Part similarity below this is read as "different part", not as a weak match.
const MIN_PAIR = 0.5;
// A merge claims two parts are one: only accept it on strong evidence.
const MIN_MERGE = 0.85;
// Surplus parts of the longer name (added middle names, patronymics) cost this share of their weight;
// missing parts of the shorter name cost their full weight.
const SURPLUS_COST = 0.15;

/** Turns a part similarity into credit: small spelling differences keep most credit, large ones lose it fast. */
function credit(s: number): number {
  if (s >= 1) return 1;
  if (s <= 0.55) return 0;
  // Piecewise linear through (0.55, 0), (0.67, 0.3), (0.8, 0.72), (0.9, 0.92), (1, 1): one typo in a
  // long part keeps most credit, a different name of similar letters (Hassan / Hussein) keeps little.
  if (s < 0.67) return ((s - 0.55) / 0.12) * 0.3;
  if (s < 0.8) return 0.3 + ((s - 0.67) / 0.13) * 0.42;
  if (s < 0.9) return 0.72 + ((s - 0.8) / 0.1) * 0.2;
  return 0.92 + ((s - 0.9) / 0.1) * 0.08;
}

// Parts on different sides of "bin" (the person vs the father) are different facts even when equal.
const LINEAGE_MISMATCH = 0.6;
// A missing or different number (fund series, vintage) marks a sibling entity: a small extra cost on top of its weight.
const NUMBER_MISMATCH = 0.95;

function candidates(a: PreparedName, b: PreparedName): Candidate[] {
  const out: Candidate[] = [];
  const ta = a.tokens;
  const tb = b.tokens;
  for (let i = 0; i < ta.length; i++) {
    for (let j = 0; j < tb.length; j++) {
      let sim = partSimilarity(ta[i]!, tb[j]!);
      if (a.hasLineage && b.hasLineage && ta[i]!.lineage !== tb[j]!.lineage && ta[i]!.role !== 'particle') {
        sim = { s: sim.s * LINEAGE_MISMATCH, kind: sim.kind };
      }
      if (sim.s > 0) out.push({ ia: [i], ib: [j], sim });
    }
  }
  const mergedA = ta.slice(0, -1).map((x, i) => (mergeable(x) && mergeable(ta[i + 1]!) ? mergedCanon(x, ta[i + 1]!) : []));
  const mergedB = tb.slice(0, -1).map((x, j) => (mergeable(x) && mergeable(tb[j + 1]!) ? mergedCanon(x, tb[j + 1]!) : []));
  const merged = (x: PreparedToken[], i: number, y: PreparedToken): number => {
    const [x1, x2] = [x[i]!, x[i + 1]!];
    // Han or Hangul split by us into surname + given name ("瓦倫" → 瓦 倫) or a Latin name split in syllables
    // ("Tse-tung"): read the pair against the other side as one token. The split was a guess, so weaker
    // evidence counts.
    let lattice = 0;
    if (x1.lattice && x2.lattice && y.script === 'Latn') lattice = latticeSimilarity(y.forms, { lattice: [...x1.lattice, ...x2.lattice] });
    else if (y.lattice && x1.script === 'Latn' && x2.script === 'Latn') lattice = latticeSimilarity([x1.forms[0]! + x2.forms[0]!], y);
    if (!(mergeable(x1) && mergeable(x2) && mergeable(y))) return lattice;
    const s = bestOf((x === ta ? mergedA : mergedB)[i]!, y.canon);
    return Math.max(lattice, s >= MIN_MERGE ? s : 0);
  };
  for (let i = 0; i + 1 < ta.length; i++) {
    for (let j = 0; j < tb.length; j++) {
      const s = merged(ta, i, tb[j]!);
      if (s >= MIN_PAIR) out.push({ ia: [i, i + 1], ib: [j], sim: { s, kind: 'merged' } });
    }
  }
  for (let j = 0; j + 1 < tb.length; j++) {
    for (let i = 0; i < ta.length; i++) {
      const s = merged(tb, j, ta[i]!);
      if (s >= MIN_PAIR) out.push({ ia: [i], ib: [j, j + 1], sim: { s, kind: 'merged' } });
    }
  }
  // Particles written apart or together: "Van den Berg" / "Vandenberg" / "Vanden Berg", "de la Cruz" / "Delacruz".
  const spansA = particleSpans(ta);
  const spansB = particleSpans(tb);
  const singles = (tokens: PreparedToken[]) => tokens.map((t, i) => ({ idx: [i], canon: t.canon })).filter((x) => mergeable(tokens[x.idx[0]!]!) && tokens[x.idx[0]!]!.script === 'Latn');
  const spanPairs: [Span[], Span[]][] = [
    [spansA.filter((x) => x.idx.length > 2), singles(tb)],
    [singles(ta), spansB.filter((y) => y.idx.length > 2)],
    [spansA, spansB],
  ];
  for (const [xs, ys] of spanPairs) {
    for (const x of xs) for (const y of ys) {
      if (x.idx.length === y.idx.length) continue; // the same split: the parts pair one by one
      const s = bestOf(x.canon, y.canon);
      if (s >= MIN_MERGE) out.push({ ia: x.idx, ib: y.idx, sim: { s, kind: 'merged' } });
    }
  }
  // Dotted initials against one part that spells them ("A.B.C." / "ABC"): the acronym, written two ways.
  const acronyms = (x: PreparedToken[], y: PreparedToken[], flip: boolean) => {
    for (let i = 0; i < x.length; i++) {
      let run = '';
      for (let k = i; k < x.length && x[k]!.role === 'initial'; k++) {
        run += x[k]!.forms[0]!;
        if (k === i) continue;
        const idx = Array.from({ length: k - i + 1 }, (_, d) => i + d);
        for (let j = 0; j < y.length; j++) {
          if (y[j]!.role === 'initial' || y[j]!.forms[0] !== run) continue;
          out.push(flip ? { ia: [j], ib: idx, sim: { s: 1, kind: 'merged' } } : { ia: idx, ib: [j], sim: { s: 1, kind: 'merged' } });
        }
      }
    }
  };
  acronyms(ta, tb, false);
  acronyms(tb, ta, true);
  // Highest similarity first; ties prefer heavier evidence (a merge covers two parts).
  out.sort((x, y) => y.sim.s - x.sim.s || y.ia.length + y.ib.length - (x.ia.length + x.ib.length));
  return out;
}

interface Span {
  idx: number[];
  canon: string[];
}

const named = (t: PreparedToken | undefined) => t !== undefined && t.script === 'Latn' && (t.role === 'name' || t.role === 'family');

// Each run of Latin particles before a name, with the name, run together ("van den Berg" → vandenberg, "den Berg"),
// and with the name before it too ("Abd al-Hamid" → abdalhamid, "Nur al Din"), for a part written as one word.
function particleSpans(tokens: PreparedToken[]): Span[] {
  const out: Span[] = [];
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => from + k);
  for (let p = 1; p < tokens.length; p++) {
    if (!named(tokens[p])) continue;
    let joined = tokens[p]!.forms[0]!;
    let s = p - 1;
    for (; s >= 0 && tokens[s]!.role === 'particle' && tokens[s]!.script === 'Latn'; s--) {
      joined = tokens[s]!.forms[0]! + joined;
      out.push({ idx: range(s, p), canon: [canonicalSpelling(joined)] });
    }
    if (s >= 0 && s < p - 1 && named(tokens[s])) out.push({ idx: range(s, p), canon: [canonicalSpelling(tokens[s]!.forms[0]! + joined)] });
  }
  return out;
}

function weightOf(tokens: PreparedToken[], idx: number[]): number {
  let w = 0;
  for (const i of idx) w += tokens[i]!.weight;
  return w;
}

/** Scores two prepared names symmetrically and explains the alignment. */
export function scorePreparedNames(a: PreparedName, b: PreparedName): NameScore {
  const usedA = new Array<boolean>(a.tokens.length).fill(false);
  const usedB = new Array<boolean>(b.tokens.length).fill(false);
  const accepted: Candidate[] = [];
  const pairs: PartMatch[] = [];
  let num = 0;
  let den = 0;
  for (const c of candidates(a, b)) {
    if (c.ia.some((i) => usedA[i]) || c.ib.some((j) => usedB[j])) continue;
    if (c.sim.s < MIN_PAIR) break;
    for (const i of c.ia) usedA[i] = true;
    for (const j of c.ib) usedB[j] = true;
    accepted.push(c);
    const w = Math.max(weightOf(a.tokens, c.ia), weightOf(b.tokens, c.ib));
    const cr = credit(c.sim.s);
    num += cr * w;
    den += w;
    pairs.push({
      a: c.ia.map((i) => a.tokens[i]!.raw).join(' '),
      b: c.ib.map((j) => b.tokens[j]!.raw).join(' '),
      similarity: round(c.sim.s),
      kind: c.sim.kind,
      weight: round(w),
    });
  }
  const restA = a.tokens.filter((_, i) => !usedA[i]);
  const restB = b.tokens.filter((_, j) => !usedB[j]);
  const wA = restA.reduce((s, t) => s + t.weight, 0);
  const wB = restB.reduce((s, t) => s + t.weight, 0);
  // The name with fewer parts is the reference: its unmatched parts are missing, the other's are surplus.
  const aShorter = a.tokens.length < b.tokens.length || (a.tokens.length === b.tokens.length && wA >= wB);
  den += aShorter ? wA + SURPLUS_COST * wB : wB + SURPLUS_COST * wA;
  let score = den > 0 ? num / den : 0;
  const numbers = (rest: typeof restA) => rest.some((t) => t.role === 'number');
  if (numbers(restA) || numbers(restB)) score *= NUMBER_MISMATCH;
  if (!acronymHolds(a, b, accepted, false) || !acronymHolds(b, a, accepted, true)) score = Math.min(score, ACRONYM_CAP);
  // Only particles or titles matched: that is no evidence of the same person.
  if (pairs.length > 0 && num < 0.5) score = Math.min(score, 0.3);
  return { score: round(score), a: a.input, b: b.input, pairs, unmatchedA: restA.map((t) => t.raw), unmatchedB: restB.map((t) => t.raw) };
}

// A name that is only initials ("N.N.", "A.B.C. Company") is an acronym: it matches only the same letters in
// the same order, not any names that happen to start with them.
const ACRONYM_CAP = 0.7;
const FILLER_ROLES = new Set(['legal', 'particle', 'title']);

function acronymHolds(x: PreparedName, y: PreparedName, accepted: Candidate[], flip: boolean): boolean {
  const core = x.tokens.map((t, i) => ({ t, i })).filter(({ t }) => !FILLER_ROLES.has(t.role));
  if (core.length === 0 || core.some(({ t }) => t.role !== 'initial')) return true;
  let last = -1;
  for (const { i } of core) {
    const c = accepted.find((m) => (flip ? m.ib : m.ia).includes(i));
    if (!c) return false;
    const other = flip ? c.ia : c.ib;
    const sameKind = c.sim.kind === 'merged' || other.every((j) => y.tokens[j]!.role === 'initial');
    if (!sameKind || other[0]! < last) return false;
    last = other[0]!;
  }
  return true;
}

/** Scores two raw names from 0 to 1 (symmetric); throws a validation DomainError for unusable input. */
export function scoreNames(a: string, b: string): number {
  return scorePreparedNames(prepareName(a), prepareName(b)).score;
}

/** Scores two raw names and returns the part-by-part explanation, as `polsam match` shows it. */
export function matchNamesExplained(a: string, b: string): NameScore {
  return scorePreparedNames(prepareName(a), prepareName(b));
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
