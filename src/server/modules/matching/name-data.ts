/**
 * Loads the derived name data shipped under ./data (written by scripts/build-name-data.ts from the
 * Wikidata training pairs). Loaded lazily and once: the files are read-only lookup tables.
 */
import { existsSync, readFileSync } from 'node:fs';

/** Shape of data/translit-<script>.json: non-Latin token → attested Latin spellings, most frequent first. */
export type TranslitTable = Record<string, string[]>;

const cache = new Map<string, unknown>();

function load<T>(file: string, empty: T): T {
  if (cache.has(file)) return cache.get(file) as T;
  const url = new URL(`./data/${file}`, import.meta.url);
  // A missing file degrades matching to rules only instead of failing the server at start-up.
  const value = existsSync(url) ? (JSON.parse(readFileSync(url, 'utf8')) as T) : empty;
  cache.set(file, value);
  return value;
}

const TRANSLIT_FILES: Record<string, string> = {
  Cyrl: 'translit-cyrl.json',
  Arab: 'translit-arab.json',
  Hebr: 'translit-hebr.json',
  Hani: 'translit-hani.json',
  Kana: 'translit-kana.json',
  Hang: 'translit-hang.json',
};

/** Returns the attested Latin spellings of a non-Latin token, or an empty list. */
export function lookupTransliteration(script: string, token: string): string[] {
  const file = TRANSLIT_FILES[script];
  if (!file) return [];
  return load<TranslitTable>(file, {})[token] ?? [];
}

/** Returns how often a Latin name part occurs in the reference corpus (0 when unknown or rare). */
export function namePartFrequency(part: string): number {
  return load<Record<string, number>>('name-freq.json', {})[part] ?? 0;
}

/** Returns the derived spelling-variant classes (Latin forms that share a non-Latin spelling). */
export function derivedVariantClasses(): string[][] {
  return load<string[][]>('variants.json', []);
}

/** Shape of data/{han,kana,hang}-readings.json: unit or its rule romanisation → "reading:percent ...", most likely first. */
interface ReadingTable {
  chars: Record<string, string>;
  syllables: Record<string, string>;
}

const READING_FILES: Record<string, string> = {
  Hani: 'han-readings.json',
  Kana: 'kana-readings.json',
  Hang: 'hang-readings.json',
  Arab: 'arab-readings.json',
  Hebr: 'hebr-readings.json',
};
const decodedReadings = new Map<string, [string, number][]>();

function decodeReadings(encoded: string): [string, number][] {
  return encoded.split(' ').map((r) => {
    const [reading, pct] = r.split(':');
    return [reading ?? '', Number(pct) / 100];
  });
}

/**
 * Returns the Latin letter groups a unit of a script (Han character, kana unit, Hangul syllable) stands
 * for in names, with their probabilities (learned per unit; per rule romanisation for units not seen in
 * training), or an empty list.
 */
export function unitReadings(script: string, unit: string, romanisation: string): [string, number][] {
  const file = READING_FILES[script];
  if (!file) return [];
  const key = `${script}\u0000${unit}\u0000${romanisation}`;
  const hit = decodedReadings.get(key);
  if (hit) return hit;
  const table = load<ReadingTable>(file, { chars: {}, syllables: {} });
  const encoded = table.chars[unit] ?? table.syllables[romanisation];
  const readings = encoded ? decodeReadings(encoded) : [];
  decodedReadings.set(key, readings);
  return readings;
}

/** Han readings (see unitReadings). */
export function hanReadings(char: string, syllable: string): [string, number][] {
  return unitReadings('Hani', char, syllable);
}

/** Returns the pinyin syllables (toneless) that the Han reading data knows. */
export function pinyinSyllables(): string[] {
  return Object.keys(load<ReadingTable>('han-readings.json', { chars: {}, syllables: {} }).syllables);
}
