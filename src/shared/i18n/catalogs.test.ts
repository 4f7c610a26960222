import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { flattenCatalog } from '../../server/platform/i18n.ts';

const root = path.dirname(fileURLToPath(import.meta.url));
const files = (lang: string) => fs.readdirSync(path.join(root, lang)).filter((f) => f.endsWith('.json')).sort();
const load = (lang: string) => {
  const out = new Map<string, string>();
  for (const f of files(lang)) flattenCatalog(JSON.parse(fs.readFileSync(path.join(root, lang, f), 'utf8')), f.replace('.json', ''), out);
  return out;
};
const sv = load('sv');
const en = load('en');

function args(elements: MessageFormatElement[], out = new Set<string>()): Set<string> {
  for (const e of elements) {
    if (e.type === TYPE.argument || e.type === TYPE.number || e.type === TYPE.date || e.type === TYPE.time) out.add(e.value);
    if (e.type === TYPE.plural || e.type === TYPE.select) {
      out.add(e.value);
      for (const o of Object.values(e.options)) args(o.value, out);
    }
    if (e.type === TYPE.tag) args(e.children, out);
  }
  return out;
}

test('Swedish and English have the same catalog files and the same keys', () => {
  assert.deepEqual(files('sv'), files('en'));
  const onlySv = [...sv.keys()].filter((k) => !en.has(k));
  const onlyEn = [...en.keys()].filter((k) => !sv.has(k));
  assert.deepEqual({ onlySv, onlyEn }, { onlySv: [], onlyEn: [] });
});

test('every message is valid ICU and uses the same placeholders in both languages', () => {
  const problems: string[] = [];
  for (const [key, svText] of sv) {
    const enText = en.get(key);
    if (enText === undefined) continue;
    try {
      const a = [...args(parse(svText))].sort().join(',');
      const b = [...args(parse(enText))].sort().join(',');
      if (a !== b) problems.push(`${key}: sv {${a}} vs en {${b}}`);
    } catch (e) {
      problems.push(`${key}: ${(e as Error).message}`);
    }
  }
  assert.deepEqual(problems, []);
});

// Words that are the same in both languages: proper names, codes and international terms.
const SAME_IN_BOTH = /^(?:[\p{Lu}\d\s().,/:;+\-–#{}'’%&]|SIENA|SIRENE|Interpol|Europol|Ameripol|Polsam|FAST|PTN|ENFAST|OpenAPI|CSV|XLSX|PDF|JSON|TOTP|UTC|ID|OK|E-post|Status|Start|Tips|Test|Demo|Version|Land|Alias|Handling|Information|Nordic|Schengen)+$/u;

test('no Swedish text is left in English', () => {
  const suspicious = [...sv].filter(([key, text]) => {
    if (en.get(key) !== text) return false;
    const words = text.replace(/\{[^}]*\}/g, '').match(/\p{L}{4,}/gu) ?? [];
    return words.length >= 2 && !SAME_IN_BOTH.test(text);
  }).map(([k, v]) => `${k}: ${v}`);
  assert.deepEqual(suspicious, []);
});
