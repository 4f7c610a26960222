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
 *   spellings are one name: alexander / aleksandr), each seen at least VARIANT_MIN_COUNT times.
 * Only train/ is read: pairs.tsv, screening and Senzing files are evaluation data and are never used here.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { canonicalSpelling, phoneticCode } from '../src/server/modules/matching/phonetic.ts';
import { ruleTransliterate, type Script } from '../src/server/modules/matching/transliterate.ts';
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
