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
