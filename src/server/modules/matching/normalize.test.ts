import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '../../platform/errors.ts';
import { foldLatin, normalizeName } from './normalize.ts';
import { detectScript, transliterate } from './transliterate.ts';

const forms = (name: string) => normalizeName(name).tokens.map((t) => t.forms[0]);

describe('normalizeName', () => {
  it('folds Nordic, German and Polish letters with spelled-out alternatives', () => {
    assert.deepEqual(foldLatin('åström'), ['astrom', 'aastroem']);
    assert.deepEqual(foldLatin('müller'), ['muller', 'mueller']);
    assert.deepEqual(foldLatin('øberg'), ['oberg', 'oeberg']);
    assert.deepEqual(foldLatin('łukasz'), ['lukasz']);
    assert.deepEqual(foldLatin('straße'), ['strasse']);
    assert.deepEqual(foldLatin('ılgaz'), ['ilgaz']);
  });

  it('keeps "Name, legal form" in order and merges spelled-out legal forms and number words', () => {
    assert.deepEqual(forms('Banco Santander, S.A.'), ['banco', 'santander', 'sa']);
    assert.deepEqual(forms('Stripe Limited Liability Company'), ['stripe', 'llc']);
    assert.deepEqual(forms('OOO Baikal'), ['llc', 'baikal']);
    assert.deepEqual(forms('Brigade Forty-Four'), ['brigade', '44']);
    assert.deepEqual(forms('Xi Jinping'), ['xi', 'jinping']);
    assert.deepEqual(forms('Henry VIII'), ['henry', '8']);
  });

  it('gives a Chinese syllable its pinyin and Wade–Giles spellings, and reads digits in words as letters', () => {
    assert.ok(normalizeName('Hsi Chin-ping').tokens[0]!.forms.includes('xi'));
    assert.ok(normalizeName('Mao Tse-tung').tokens[2]!.forms.includes('dong'));
    assert.ok(normalizeName('Xi Jinping').tokens[0]!.forms.includes('hsi'));
    assert.deepEqual(forms('Ig0r Sech1n'), ['igor', 'sechin']);
  });

  it('reads "SURNAME, Given" as given name first with the surname marked', () => {
    const n = normalizeName('ABDULLAEV, Mukhammad');
    assert.deepEqual(n.tokens.map((t) => [t.forms[0], t.role]), [['mukhammad', 'name'], ['abdullaev', 'family']]);
  });

  it('tags particles, initials, patronymics and mixed-case surnames', () => {
    const roles = normalizeName('Hans J. von Friedrich').tokens.map((t) => t.role);
    assert.deepEqual(roles, ['name', 'initial', 'particle', 'name']);
    const lavrov = normalizeName('Sergey Viktorovich LAVROV').tokens.map((t) => t.role);
    assert.deepEqual(lavrov, ['name', 'patronymic', 'family']);
  });

  it('strips control characters, emoji and joiners without failing', () => {
    assert.deepEqual(forms('Ali\u0000 \u200bHassan 😀'), ['ali', 'hassan']);
  });

  it('splits run-together Chinese and Korean full names into surname and given name', () => {
    assert.deepEqual(forms('王杰'), ['wang', 'jie']);
    assert.equal(forms('김정은')[0], 'kim');
  });

  it('detects scripts and transliterates each', () => {
    assert.equal(detectScript('Хрущёв'), 'Cyrl');
    assert.equal(detectScript('محمد'), 'Arab');
    assert.equal(detectScript('ドパルデュー'), 'Kana');
    assert.ok(transliterate('хрущёв', 'Cyrl').includes('khrushchev'));
    assert.ok(transliterate('ελληνας', 'Grek')[0]!.startsWith('ell'));
  });

  it('rejects empty, letterless and oversized names with a validation DomainError', () => {
    for (const bad of ['', '   ', '😀😀', '---', 'x'.repeat(5000)]) {
      assert.throws(() => normalizeName(bad), (e: unknown) => e instanceof DomainError && e.kind === 'validation' && e.code.startsWith('matching.'));
    }
    assert.throws(() => normalizeName(42), (e: unknown) => e instanceof DomainError && e.code === 'matching.name_required');
  });
});
