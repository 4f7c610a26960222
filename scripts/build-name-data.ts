/**
 * Builds the matching module's derived name data from the Wikidata name-part training pairs
 * (namebench train/wd_<lang>_80.tsv: Latin part, space-separated non-Latin characters, count).
 *
 *   node --import tsx scripts/build-name-data.ts [TRAIN_DIR]      (default ../shared/namebench/train)
 *
 * Writes src/server/modules/matching/data/*.json; the product never reads the training files at run time.
 * Pruning, so the files stay small and the noise of Wikidata alignments stays out:
 * - translit-<script>.json: a non-Latin part keeps only Latin spellings seen at least MIN_COUNT times and
 *   at least SHARE of its most frequent spelling (at most MAX_FORMS), and only spellings whose consonant
 *   classes resemble the rule transliteration (drops alignments such as 樂隊 / band); Han is exempt from
 *   that check because pinyin does not predict how foreign names are rendered in characters;
 * - name-freq.json: the FREQ_TOP most frequent Latin parts with their summed counts (commonness weights);
 * - variants.json: Latin spellings that share one Cyrillic spelling (Cyrillic writes vowels, so such
 *   spellings are one name: alexander / aleksandr), each seen at least VARIANT_MIN_COUNT times;
 * - {han,kana,hang,arab,hebr}-readings.json: for each Han character, kana unit (a kana with its small
 *   kana and length marks), Hangul syllable or Arabic/Hebrew letter, the Latin letter groups it stands for in names, learned by
 *   expectation–maximisation over monotone alignments of units to Latin letter groups (瓦 → va, wa;
 *   倫 → ren, len, lun; 커 → cur, ker). Units used to transcribe foreign names ("瓦倫西亞" / Valencia,
 *   "커티스" / Curtis) are read by their use, not by a romanisation rule; rare units borrow the readings of
 *   their rule romanisation (pinyin syllable, romaji, Revised Romanisation) through HAN_PRIOR pseudo-counts,
 *   and the per-romanisation table is kept for units never seen in training.
 * Only train/ is read: pairs.tsv, screening and Senzing files are evaluation data and are never used here.
 */
import anyAscii from 'any-ascii';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { canonicalSpelling, phoneticCode } from '../src/server/modules/matching/phonetic.ts';
import { abjadUnits, hanSyllables, kanaUnits, ruleTransliterate, type Script } from '../src/server/modules/matching/transliterate.ts';
import { similarity } from '../src/server/modules/matching/similarity.ts';

// Consonant-class agreement; empty codes (vowel-only parts) agree with nothing but each other.
function codeSimilarity(a: string, b: string): number {
  return a === b ? 1 : similarity(a, b);
}

const MIN_COUNT = 2;
const SHARE = 0.1;
const MAX_FORMS = 3;
const CODE_AGREEMENT = 0.34;
const FREQ_TOP = 6000;
const VARIANT_MIN_COUNT = 3;
// Han reading model: longest Latin group per character, EM rounds, pseudo-counts of the syllable prior,
// and what is shipped per character (readings of at least HAN_MIN_P, at most HAN_MAX_READINGS).
const HAN_MAX_GROUP = 5;
const HAN_EM_ROUNDS = 6;
const HAN_PRIOR = 3;
const HAN_MIN_P = 0.02;
const HAN_MAX_READINGS = 8;

const FILES: Record<string, Script> = {
  wd_arabic_80: 'Arab',
  wd_russian_80: 'Cyrl',
  wd_chinese_80: 'Hani',
  wd_katakana_80: 'Kana',
  wd_hebrew_80: 'Hebr',
  wd_korean_80: 'Hang',
};

interface Row {
  latin: string;
  native: string;
  count: number;
}

function readRows(path: string): Row[] {
  const rows: Row[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const [latin, nativeSpaced, count] = line.split('\t');
    if (!latin || !nativeSpaced || !count) continue;
    const l = latin.normalize('NFC').toLowerCase().trim();
    const n = nativeSpaced.normalize('NFC').replace(/ /g, '').toLowerCase();
    const c = Number(count);
    if (l && n && Number.isFinite(c)) rows.push({ latin: l, native: n, count: c });
  }
  return rows;
}

function asciiLatin(latin: string): string {
  return latin.normalize('NFD').replace(/\p{M}/gu, '').replace(/ß/g, 'ss').replace(/ł/g, 'l').replace(/ø/g, 'o').replace(/æ/g, 'ae').replace(/[^a-z]/g, '');
}

function buildTranslit(rows: Row[], script: Script): Record<string, string[]> {
  const byNative = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const latin = asciiLatin(r.latin);
    if (!latin) continue;
    const m = byNative.get(r.native) ?? new Map<string, number>();
    m.set(latin, (m.get(latin) ?? 0) + r.count);
    byNative.set(r.native, m);
  }
  const out: Record<string, string[]> = {};
  for (const [native, forms] of byNative) {
    const sorted = [...forms].sort((a, b) => b[1] - a[1]);
    const top = sorted[0]![1];
    let kept = sorted.filter(([, c]) => c >= MIN_COUNT && c >= top * SHARE).slice(0, MAX_FORMS).map(([f]) => f);
    if (script !== 'Hani') {
      const ruleCodes = ruleTransliterate(native, script).map((f) => phoneticCode(canonicalSpelling(f)));
      kept = kept.filter((f) => ruleCodes.some((rc) => codeSimilarity(rc, phoneticCode(canonicalSpelling(f))) >= CODE_AGREEMENT));
    }
    if (kept.length) out[native] = kept;
  }
  return out;
}

function buildVariants(rows: Row[]): string[][] {
  const byNative = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const latin = asciiLatin(r.latin);
    if (!latin || r.count < VARIANT_MIN_COUNT) continue;
    const m = byNative.get(r.native) ?? new Map<string, number>();
    m.set(latin, (m.get(latin) ?? 0) + r.count);
    byNative.set(r.native, m);
  }
  const classes: string[][] = [];
  for (const forms of byNative.values()) {
    const sorted = [...forms].sort((a, b) => b[1] - a[1]).map(([f]) => f);
    const head = canonicalSpelling(sorted[0]!);
    // Keep only spellings close to the head: two different names written alike in Cyrillic are rare, alignment noise is not.
    const cls = sorted.filter((f) => similarity(canonicalSpelling(f), head) >= 0.7 && similarity(phoneticCode(canonicalSpelling(f)), phoneticCode(head)) >= 0.75);
    if (new Set(cls.map(canonicalSpelling)).size >= 2) classes.push(cls);
  }
  return classes;
}

// Latin side of a Han alignment: ASCII letters, doubled letters collapsed (Han has no way to write them).
function alignLatin(latin: string): string {
  return asciiLatin(latin).replace(/(.)\1+/g, '$1');
}

type Counts = Map<string, Map<string, number>>;

/**
 * Expected counts of (character → Latin group) under a monotone alignment where each character covers
 * 1..HAN_MAX_GROUP letters, estimated by forward–backward EM. Pair weight grows with log(count).
 */
function learnGroups(rows: Row[], unitsOf: (native: string) => string[] | null): Counts {
  const data = rows
    .map((r) => ({ c: unitsOf(r.native) ?? [], l: alignLatin(r.latin), w: 1 + Math.log(r.count) }))
    .filter(({ c, l }) => l && c.length > 0 && c.length <= l.length && l.length <= HAN_MAX_GROUP * c.length);
  let probs: Counts | null = null;
  let counts: Counts = new Map();
  for (let round = 0; round < HAN_EM_ROUNDS; round++) {
    counts = new Map();
    const p = (ch: string, group: string) => (probs ? (probs.get(ch)?.get(group) ?? 1e-5) : 1);
    for (const { c, l, w } of data) {
      const n = c.length;
      const m = l.length;
      const fwd = Array.from({ length: n + 1 }, () => new Float64Array(m + 1));
      const bwd = Array.from({ length: n + 1 }, () => new Float64Array(m + 1));
      fwd[0]![0] = 1;
      for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) {
        const a = fwd[i]![j]!;
        if (a) for (let k = j + 1; k <= Math.min(m, j + HAN_MAX_GROUP); k++) fwd[i + 1]![k]! += a * p(c[i]!, l.slice(j, k));
      }
      bwd[n]![m] = 1;
      for (let i = n - 1; i >= 0; i--) for (let j = 0; j < m; j++) {
        let s = 0;
        for (let k = j + 1; k <= Math.min(m, j + HAN_MAX_GROUP); k++) s += p(c[i]!, l.slice(j, k)) * bwd[i + 1]![k]!;
        bwd[i]![j] = s;
      }
      const z = fwd[n]![m]!;
      if (!z) continue;
      for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) {
        const a = fwd[i]![j]!;
        if (!a) continue;
        for (let k = j + 1; k <= Math.min(m, j + HAN_MAX_GROUP); k++) {
          const group = l.slice(j, k);
          const q = (a * p(c[i]!, group) * bwd[i + 1]![k]!) / z;
          if (q < 1e-4) continue;
          let m2 = counts.get(c[i]!);
          if (!m2) counts.set(c[i]!, (m2 = new Map()));
          m2.set(group, (m2.get(group) ?? 0) + q * w);
        }
      }
    }
    probs = new Map([...counts].map(([ch, m2]) => [ch, normalise(m2)]));
  }
  return counts;
}

function normalise(m: Map<string, number>): Map<string, number> {
  let total = 0;
  for (const v of m.values()) total += v;
  return new Map([...m].map(([k, v]) => [k, v / total]));
}

// "va:52 wa:23 ..." — a reading and its probability in hundredths, most likely first.
function encodeReadings(m: Map<string, number>): string {
  return [...m]
    .filter(([, v]) => v >= HAN_MIN_P)
    .sort((a, b) => b[1] - a[1])
    .slice(0, HAN_MAX_READINGS)
    .map(([k, v]) => `${k}:${Math.max(1, Math.round(v * 100))}`)
    .join(' ');
}

// How each script is cut into units and which rule romanisation a unit borrows readings from.
const READING_MODELS: Partial<Record<Script, { file: string; unitsOf: (native: string) => string[] | null; priorKey: (unit: string) => string }>> = {
  Hani: {
    file: 'han-readings.json',
    unitsOf: (n) => ([...n].every((x) => /\p{Script=Han}/u.test(x)) ? [...n] : null),
    priorKey: (u) => hanSyllables(u)[0] ?? '',
  },
  Kana: {
    file: 'kana-readings.json',
    unitsOf: (n) => (/^[\p{Script=Katakana}\p{Script=Hiragana}ー]+$/u.test(n) ? kanaUnits(n) : null),
    priorKey: (u) => ruleTransliterate(u, 'Kana')[0] ?? '',
  },
  Hang: {
    file: 'hang-readings.json',
    unitsOf: (n) => (/^\p{Script=Hangul}+$/u.test(n) ? [...n] : null),
    priorKey: (u) => anyAscii(u).toLowerCase(),
  },
  Arab: {
    file: 'arab-readings.json',
    unitsOf: (n) => (/^[\p{Script=Arabic}]+$/u.test(n) ? abjadUnits(n) : null),
    priorKey: (u) => ruleTransliterate(u, 'Arab')[0] ?? '',
  },
  Hebr: {
    file: 'hebr-readings.json',
    unitsOf: (n) => (/^[\p{Script=Hebrew}'׳]+$/u.test(n) ? abjadUnits(n) : null),
    priorKey: (u) => ruleTransliterate(u, 'Hebr')[0] ?? '',
  },
};

function buildReadings(rows: Row[], script: Script): { chars: Record<string, string>; syllables: Record<string, string> } {
  const model = READING_MODELS[script]!;
  const counts = learnGroups(rows, model.unitsOf);
  const syllableOf = model.priorKey;
  const bySyllable: Counts = new Map();
  for (const [ch, m] of counts) {
    const s = syllableOf(ch);
    if (!s) continue;
    let t = bySyllable.get(s);
    if (!t) bySyllable.set(s, (t = new Map()));
    for (const [k, v] of m) t.set(k, (t.get(k) ?? 0) + v);
  }
  const syllableProbs = new Map([...bySyllable].map(([s, m]) => [s, normalise(m)]));
  const chars: Record<string, string> = {};
  for (const [ch, m] of counts) {
    let n = 0;
    for (const v of m.values()) n += v;
    const prior = syllableProbs.get(syllableOf(ch)) ?? new Map<string, number>();
    const mix = new Map<string, number>();
    for (const [k, v] of m) mix.set(k, v / (n + HAN_PRIOR));
    for (const [k, v] of prior) mix.set(k, (mix.get(k) ?? 0) + (HAN_PRIOR * v) / (n + HAN_PRIOR));
    const enc = encodeReadings(mix);
    if (enc) chars[ch] = enc;
  }
  const syllables: Record<string, string> = {};
  for (const [s, m] of syllableProbs) {
    const enc = encodeReadings(m);
    if (enc) syllables[s] = enc;
  }
  return { chars, syllables };
}

function main(): void {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const trainDir = resolve(process.argv[2] ?? join(here, '..', '..', 'shared', 'namebench', 'train'));
  const outDir = join(here, '..', 'src', 'server', 'modules', 'matching', 'data');
  mkdirSync(outDir, { recursive: true });
  const freq = new Map<string, number>();
  for (const file of readdirSync(trainDir).filter((f) => f.endsWith('.tsv')).sort()) {
    const stem = file.replace(/\.tsv$/, '');
    const script = FILES[stem];
    if (!script) continue;
    const rows = readRows(join(trainDir, file));
    for (const r of rows) {
      const l = asciiLatin(r.latin);
      if (l) freq.set(l, (freq.get(l) ?? 0) + r.count);
    }
    const table = buildTranslit(rows, script);
    const name = `translit-${script.toLowerCase()}.json`;
    writeFileSync(join(outDir, name), JSON.stringify(table));
    console.log(`${name}: ${Object.keys(table).length} parts from ${rows.length} rows`);
    const model = READING_MODELS[script];
    if (model) {
      const readings = buildReadings(rows, script);
      writeFileSync(join(outDir, model.file), JSON.stringify(readings));
      console.log(`${model.file}: ${Object.keys(readings.chars).length} units, ${Object.keys(readings.syllables).length} romanisations`);
    }
    if (script === 'Cyrl') {
      const variants = buildVariants(rows);
      writeFileSync(join(outDir, 'variants.json'), JSON.stringify(variants));
      console.log(`variants.json: ${variants.length} classes`);
    }
  }
  const top = Object.fromEntries([...freq].sort((a, b) => b[1] - a[1]).slice(0, FREQ_TOP));
  writeFileSync(join(outDir, 'name-freq.json'), JSON.stringify(top));
  console.log(`name-freq.json: ${Object.keys(top).length} parts`);
}

main();
