import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '../../platform/errors.ts';
import { MAX_NAME_LENGTH } from './matching.errors.ts';
import { DEFAULT_MATCHING_SETTINGS } from './matching.settings.ts';
import { matchNamesExplained, scoreNames } from './score.ts';

const ALERT = DEFAULT_MATCHING_SETTINGS.alertThreshold;

function assertMatch(a: string, b: string): void {
  const s = scoreNames(a, b);
  assert.ok(s >= ALERT, `${a} / ${b} scored ${s}, expected ≥ ${ALERT}`);
}

describe('scoreNames', () => {
  it('matches Мухаммад Абдуллаев across scripts, spellings and name order', () => {
    const variants = ['Мухаммад Абдуллаев', 'Muhammad Abdullaev', 'Mohammed Abdulajev', 'ABDULLAEV, Mukhammad'];
    for (const a of variants) for (const b of variants) assertMatch(a, b);
  });

  it('meets Chrusjtjov, Khrushchev, Chruschtschow, Khrouchtchev and Хрущёв', () => {
    const variants = ['Nikita Chrusjtjov', 'Nikita Khrushchev', 'Nikita Chruschtschow', 'Nikita Khrouchtchev', 'Никита Хрущёв'];
    for (const a of variants) for (const b of variants) assertMatch(a, b);
  });

  it('folds diacritics and their spelled-out forms', () => {
    assertMatch('Karin Åström', 'Karin Aastrom');
    assertMatch('Karin Åström', 'Karin Astrom');
    assertMatch('Hans Müller', 'Hans Mueller');
    assertMatch('Per Øberg', 'Per Oeberg');
    assertMatch('Łukasz Nowak', 'Lukasz Nowak');
  });

  it('treats given-name equivalents as the same name', () => {
    assertMatch('Aleksandr Petrov', 'Alexander Petrov');
    assertMatch('Mohamed Salah', 'Muhammad Salah');
    assertMatch('Bob Smith', 'Robert Smith');
  });

  it('is independent of name order', () => {
    assert.equal(scoreNames('Olaf Scholz', 'SCHOLZ, Olaf'), 1);
    assert.equal(scoreNames('Olaf Scholz', 'Scholz Olaf'), 1);
  });

  it('matches merged and split parts, and initials', () => {
    assertMatch('Abdulrahman Hamid', 'Abdul Rahman Hamid');
    assertMatch('Hans J Friedrich', 'Hans Joachim Friedrich');
  });

  it('keeps clearly different people below the alert threshold', () => {
    assert.ok(scoreNames('Barack Obama', 'George Hussein Onyango Obama') < ALERT);
    assert.ok(scoreNames('Sergey Ivanov', 'Sergey Viktorovich LAVROV') < ALERT);
    assert.ok(scoreNames('Fund XII LP', 'Fund XIII LP') < ALERT);
  });

  it('reads Han characters by their use in transcribed names, and Chinese names in pinyin or Wade–Giles', () => {
    assertMatch('瓦倫西亞', 'Valencia');
    assertMatch('卡文迪什', 'Cavendish');
    assertMatch('毛泽东', 'Mao Zedong');
    assertMatch('Mao Tse-tung', 'Mao Zedong');
    assertMatch('Mao Tse-tung', '毛泽东');
    assertMatch('Hsi Chin-ping', 'Xi Jinping');
    assertMatch('王杰', 'Wang Jie');
    assert.ok(scoreNames('瓦倫西亞', 'Vanessa') < ALERT);
    const e = matchNamesExplained('卡文迪什', 'Cavendish');
    assert.equal(e.pairs.length, 1);
  });

  it('keeps the near-miss Mohammed Hassan / Mohammed Hussein below the alert threshold on the name alone', () => {
    assert.ok(scoreNames('Mohammed Hassan', 'Mohammed Hussein') < ALERT);
  });

  it('compares spelled-out legal forms, number words and digits standing in for letters', () => {
    assert.equal(scoreNames('Stripe LLC', 'Stripe Limited Liability Company'), 1);
    assert.equal(scoreNames('OAO Gazprom', 'Open Joint Stock Company Gazprom'), 1);
    assert.equal(scoreNames('Volkswagen GmbH', 'Volkswagen Gesellschaft mit beschränkter Haftung'), 1);
    assert.equal(scoreNames('Brigade Forty-Four', 'Brigade 44'), 1);
    assertMatch('Ig0r Sech1n', 'Igor Sechin');
    assertMatch('Banco Santander, S.A.', 'Banco Santander S.A.');
  });

  it('reads a name of initials only as an acronym: same letters, same order', () => {
    assertMatch('ABC Company', 'A.B.C. Company');
    assert.ok(scoreNames('C.B.A. Company', 'A.B.C. Company') < ALERT);
    assert.ok(scoreNames('N.N.', 'Nursultan Nazarbayev') < ALERT);
    assertMatch('J.R.R. Tolkien', 'John Ronald Reuel Tolkien');
  });

  it('reads "bin" as descent only between names', () => {
    assertMatch('bin Salman Mohammed', 'Mohammed bin Salman');
    assert.ok(scoreNames('Mohammed bin Salman', 'Salman bin Mohammed') < ALERT);
  });

  it('explains which parts matched how', () => {
    const e = matchNamesExplained('Muhammad Abdullaev', 'ABDULLAEV, Mohammed');
    assert.equal(e.pairs.length, 2);
    assert.ok(e.pairs.some((p) => p.kind === 'exact' && p.a === 'Abdullaev'));
    assert.ok(e.pairs.some((p) => p.a === 'Muhammad' && p.b === 'Mohammed' && ['spelling', 'equivalent'].includes(p.kind)));
  });

  it('rejects bad input quickly with a validation DomainError', () => {
    const start = performance.now();
    assert.throws(() => scoreNames('A'.repeat(5000), 'Ali'), (e: unknown) => e instanceof DomainError && e.code === 'matching.name_too_long');
    assert.throws(() => scoreNames('', 'Ali'), (e: unknown) => e instanceof DomainError && e.code === 'matching.name_required');
    assert.ok(performance.now() - start < 100);
  });

  it('never fails on names at the length limit, in any script, against each other', () => {
    const han = '瓦倫西亞卡文迪什'.repeat(40).slice(0, MAX_NAME_LENGTH);
    const latin = 'valenciacavendish'.repeat(20).slice(0, MAX_NAME_LENGTH);
    const mixed = Array.from({ length: 60 }, (_, i) => ['Ivan', 'Иванов', '王杰', 'محمد', 'יוסף', 'ユウキ', '김정은', '😀', '\u0007'][i % 9]).join(' ').slice(0, MAX_NAME_LENGTH);
    for (const [a, b] of [[han, latin], [latin, han], [mixed, han], [mixed, mixed], [han, 'A']]) {
      const s = scoreNames(a!, b!);
      assert.ok(s >= 0 && s <= 1, `${s}`);
    }
    for (const bad of ['\u0000\u0007\u001b', '😀😀😀', '   ', 'x'.repeat(5000)]) {
      assert.throws(() => scoreNames(bad, 'Ali'), (e: unknown) => e instanceof DomainError && e.code.startsWith('matching.'));
    }
  });

  it('scores long, mixed-script and noisy names without failing', () => {
    const long = Array.from({ length: 40 }, (_, i) => `Name${String.fromCharCode(97 + (i % 26))}`).join(' ');
    const s = scoreNames(long, 'Ivan Иванов 王杰 😀 \u0007Ali');
    assert.ok(s >= 0 && s <= 1);
  });
});
