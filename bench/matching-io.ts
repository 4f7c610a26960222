/**
 * Readers and metrics for the matching benchmark: delimited files with CSV-style quoting, ROC-AUC,
 * precision/recall/F1 at a threshold and the best F1 over all thresholds.
 */
import { readFileSync } from 'node:fs';

/** Parses delimited text with a header row; fields may be quoted ("a""b", embedded tabs and newlines). */
export function parseDelimited(text: string, delimiter: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  let atFieldStart = true;
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  while (i < src.length) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && atFieldStart) {
      quoted = true;
      atFieldStart = false;
      i++;
      continue;
    }
    if (ch === delimiter) {
      row.push(field);
      field = '';
      atFieldStart = true;
      i++;
      continue;
    }
    if (ch === '\n' || ch === '\r') {
      row.push(field);
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
      field = '';
      atFieldStart = true;
      i += ch === '\r' && src[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    field += ch;
    atFieldStart = false;
    i++;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...body] = rows;
  if (!header) return [];
  return body.map((r) => Object.fromEntries(header.map((h, k) => [h.trim(), r[k] ?? ''])));
}

/** Reads a TSV (or CSV when the name ends in .csv) file into header-keyed rows. */
export function readTable(path: string): Record<string, string>[] {
  return parseDelimited(readFileSync(path, 'utf8'), path.endsWith('.csv') ? ',' : '\t');
}

/** Returns the ROC-AUC of scores against 0/1 labels (ties count half), or NaN when a class is empty. */
export function rocAuc(scores: number[], labels: boolean[]): number {
  const idx = scores.map((_, i) => i).sort((x, y) => scores[x]! - scores[y]!);
  let rankSumPos = 0;
  let nPos = 0;
  let k = 0;
  while (k < idx.length) {
    let e = k;
    while (e + 1 < idx.length && scores[idx[e + 1]!] === scores[idx[k]!]) e++;
    const avgRank = (k + e) / 2 + 1;
    for (let t = k; t <= e; t++) if (labels[idx[t]!]) {
      rankSumPos += avgRank;
      nPos++;
    }
    k = e + 1;
  }
  const nNeg = labels.length - nPos;
  if (nPos === 0 || nNeg === 0) return NaN;
  return (rankSumPos - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

/** Precision, recall and F1 when predicting "same" for score ≥ threshold. */
export function prfAt(scores: number[], labels: boolean[], threshold: number): Prf {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  scores.forEach((s, i) => {
    if (s >= threshold) labels[i] ? tp++ : fp++;
    else if (labels[i]) fn++;
  });
  return prf(tp, fp, fn);
}

/** Precision, recall and F1 from counts (empty denominators give 0). */
export function prf(tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/** The best F1 over all thresholds and the threshold reaching it. */
export function bestF1(scores: number[], labels: boolean[]): { f1: number; threshold: number } {
  const idx = scores.map((_, i) => i).sort((x, y) => scores[y]! - scores[x]!);
  const totalPos = labels.filter(Boolean).length;
  let tp = 0;
  let fp = 0;
  let best = { f1: 0, threshold: 1 };
  for (let k = 0; k < idx.length; k++) {
    labels[idx[k]!] ? tp++ : fp++;
    if (k + 1 < idx.length && scores[idx[k + 1]!] === scores[idx[k]!]) continue;
    const f = prf(tp, fp, totalPos - tp).f1;
    if (f > best.f1) best = { f1: f, threshold: scores[idx[k]!]! };
  }
  return best;
}

/** Returns the q-quantile (0–1) of a list of numbers. */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}
