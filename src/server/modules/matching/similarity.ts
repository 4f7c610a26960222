/**
 * String distance for name parts: optimal-string-alignment Damerau–Levenshtein over UTF-16 code units
 * (inputs are ASCII comparison forms), with reused buffers so a comparison allocates nothing.
 */

let prev2 = new Int32Array(64);
let prev = new Int32Array(64);
let cur = new Int32Array(64);

/** Returns the edit distance (insert, delete, substitute, swap adjacent) between two strings. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  if (n === 0) return m;
  if (m === 0) return n;
  if (m + 1 > cur.length) {
    prev2 = new Int32Array(m + 1);
    prev = new Int32Array(m + 1);
    cur = new Int32Array(m + 1);
  }
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
    }
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[m]!;
}

/** Returns 1 − distance / longer length, in [0, 1]. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const len = Math.max(a.length, b.length);
  if (len === 0) return 1;
  return 1 - editDistance(a, b) / len;
}

// Letters that transcriptions confuse (b/v/p/f, c/k/g/q, s/z, d/t, l/r, vowels): substituting one for
// another within a group costs NEAR_COST instead of 1.
const NEAR_GROUPS = ['bvpfw', 'ckqgx', 'szcx', 'dt', 'lr', 'iye', 'ou', 'aeiou', 'mn', 'jy', 'hk'];
const NEAR_COST = 0.6;
// Substitution cost by (a × 128 + b) for ASCII letters; other code units cost 1 unless equal.
const SUBSTITUTION = new Float64Array(128 * 128).fill(1);
for (let c = 0; c < 128; c++) SUBSTITUTION[c * 128 + c] = 0;
for (const g of NEAR_GROUPS) for (const a of g) for (const b of g) if (a !== b) SUBSTITUTION[a.charCodeAt(0) * 128 + b.charCodeAt(0)] = NEAR_COST;

function substitutionCost(a: number, b: number): number {
  return a < 128 && b < 128 ? SUBSTITUTION[a * 128 + b]! : a === b ? 0 : 1;
}

/**
 * Edit distance between a string and the cheapest path through a reading lattice: each slot contributes
 * one of its readings (plus that reading's cost); similar letters substitute at a discount. Used for
 * scripts whose characters stand for groups of Latin letters that depend on use, not spelling (Han
 * characters in transcribed names). Returns Infinity as soon as the distance must exceed maxDistance.
 */
export function latticeDistance(s: string, lattice: readonly (readonly (readonly [string, number])[])[], maxDistance = Infinity): number {
  const m = s.length;
  if (latticeRow.length < m + 1) {
    latticeRow = new Float64Array(m + 1);
    latticeNext = new Float64Array(m + 1);
    readingPrev = new Float64Array(m + 1);
    readingCur = new Float64Array(m + 1);
  }
  let row = latticeRow;
  let next = latticeNext;
  for (let j = 0; j <= m; j++) row[j] = j;
  for (const slot of lattice) {
    next.fill(Infinity, 0, m + 1);
    for (const [reading, cost] of slot) {
      // Rows of the edit-distance table of this reading against s, starting from the slot's entry row.
      let prevRow: Float64Array = row;
      for (let t = 0; t < reading.length; t++) {
        const c = reading.charCodeAt(t);
        const curRow = prevRow === readingPrev ? readingCur : readingPrev;
        curRow[0] = prevRow[0]! + 1;
        for (let j = 1; j <= m; j++) {
          const v = Math.min(prevRow[j]! + 1, curRow[j - 1]! + 1, prevRow[j - 1]! + substitutionCost(c, s.charCodeAt(j - 1)));
          curRow[j] = v;
        }
        prevRow = curRow;
      }
      for (let j = 0; j <= m; j++) if (prevRow[j]! + cost < next[j]!) next[j] = prevRow[j]! + cost;
    }
    // A slot with no readings (or all costlier) may still be skipped at the cost of its letters' absence.
    for (let j = 0; j <= m; j++) if (row[j]! + 1 < next[j]!) next[j] = row[j]! + 1;
    let lowest = Infinity;
    for (let j = 0; j <= m; j++) {
      if (j > 0 && next[j - 1]! + 1 < next[j]!) next[j] = next[j - 1]! + 1;
      if (next[j]! < lowest) lowest = next[j]!;
    }
    const t = row;
    row = next;
    next = t;
    // Costs only add up: once every cell of a row exceeds the bound, so does the end.
    if (lowest > maxDistance) {
      latticeRow = row;
      latticeNext = next;
      return Infinity;
    }
  }
  const d = row[m]!;
  latticeRow = row;
  latticeNext = next;
  return d;
}

// Reused buffers: a lattice comparison allocates nothing once they have grown to the longest string seen.
let latticeRow = new Float64Array(64);
let latticeNext = new Float64Array(64);
let readingPrev = new Float64Array(64);
let readingCur = new Float64Array(64);
