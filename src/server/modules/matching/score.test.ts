import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '../../platform/errors.ts';
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

  it('scores long, mixed-script and noisy names without failing', () => {
    const long = Array.from({ length: 40 }, (_, i) => `Name${String.fromCharCode(97 + (i % 26))}`).join(' ');
    const s = scoreNames(long, 'Ivan Иванов 王杰 😀 \u0007Ali');
    assert.ok(s >= 0 && s <= 1);
  });
});
