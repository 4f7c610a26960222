import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { MATCHING_ERRORS } from './matching.errors.ts';

const load = (lang: string) => JSON.parse(readFileSync(new URL(`../../../shared/i18n/${lang}/matching.json`, import.meta.url), 'utf8'));
const keys = (o: Record<string, unknown>, p = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v as Record<string, unknown>, `${p}${k}.`) : [`${p}${k}`]));

describe('matching catalogs', () => {
  it('have the same keys in Swedish and English, and a message for every error code', () => {
    const sv = keys(load('sv')).sort();
    const en = keys(load('en')).sort();
    assert.deepEqual(sv, en);
    for (const code of Object.values(MATCHING_ERRORS)) assert.ok(en.includes(code.replace(/^matching\./, 'errors.')), code);
  });

  it('leaves no English text in the Swedish catalog', () => {
    const sv = JSON.stringify(load('sv'));
    for (const word of ['Enter', 'name', 'Score', 'Alert', 'invalid']) assert.ok(!new RegExp(`\\b${word}\\b`).test(sv), word);
  });
});
