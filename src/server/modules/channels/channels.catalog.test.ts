import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { IntlMessageFormat } from 'intl-messageformat';

const read = (lang: string) => JSON.parse(readFileSync(new URL(`../../../shared/i18n/${lang}/channels.json`, import.meta.url), 'utf8'));
const keys = (o: Record<string, unknown>, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`]));

describe('channels i18n catalogs', () => {
  const en = read('en');
  const sv = read('sv');

  it('have the same keys in Swedish and English, all valid ICU messages, no Swedish text left in English', () => {
    assert.deepEqual(keys(sv).sort(), keys(en).sort());
    for (const [lang, cat] of [['en', en], ['sv', sv]] as const)
      for (const [k, msg] of Object.entries(cat.errors as Record<string, string>)) {
        assert.doesNotThrow(() => new IntlMessageFormat(msg, lang), `${lang} ${k}`);
        if (lang === 'sv') assert.notEqual(msg, en.errors[k], `sv ${k} is untranslated`);
      }
  });

  it('have a message for every channels.* code the module can raise', () => {
    const dir = new URL('./', import.meta.url);
    const codes = new Set<string>();
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
      for (const m of readFileSync(new URL(f, dir), 'utf8').matchAll(/'channels\.([a-z0-9_]+)'/g)) codes.add(m[1]);
    }
    // custom codes of the shared exchange schemas, surfaced as channels.<code> by fieldIssues()
    for (const c of ['date_format', 'date_invalid', 'channel_reason_required', 'received_at_required']) codes.add(c);
    assert.ok(codes.size > 40);
    const missing = [...codes].filter((c) => !(c in en.errors));
    assert.deepEqual(missing, []);
  });
});
