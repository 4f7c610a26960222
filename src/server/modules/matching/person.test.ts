import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '../../platform/errors.ts';
import { DEFAULT_MATCHING_SETTINGS } from './matching.settings.ts';
import { parseBirthDate, scorePersons } from './person.ts';

describe('scorePersons', () => {
  it('keeps Mohammed Hassan and Mohammed Hussein with different birth dates below the alert threshold', () => {
    const r = scorePersons({ names: ['Mohammed Hassan'], birthDate: '1980-03-12' }, { names: ['Mohammed Hussein'], birthDate: '1991-07-01' });
    assert.ok(r.score < DEFAULT_MATCHING_SETTINGS.alertThreshold, `scored ${r.score}`);
    assert.notEqual(r.level, 'alert');
    assert.ok(r.factors.some((f) => f.factor === 'birth_date' && f.effect < 0));
  });

  it('raises a matching birth date and lowers a distant one', () => {
    const base = { names: ['Muhammad Abdullaev'] };
    const same = scorePersons({ ...base, birthDate: '1975-05-02' }, { names: ['Мухаммад Абдуллаев'], birthDate: '1975-05-02' });
    const far = scorePersons({ ...base, birthDate: '1975-05-02' }, { names: ['Мухаммад Абдуллаев'], birthDate: '1961-01-01' });
    assert.equal(same.level, 'alert');
    assert.ok(far.score < same.score - 0.3);
  });

  it('treats a day–month swap as a recording error, not another person', () => {
    const r = scorePersons({ names: ['Robert Smith'], birthDate: '1978-12-11' }, { names: ['Bob Smith'], birthDate: '1978-11-12' });
    assert.equal(r.level, 'alert');
  });

  it('lowers the score for different gender and nationality, raises it for the same passport', () => {
    const plain = scorePersons({ names: ['Jan Novak'] }, { names: ['Jan Novák'] }).score;
    const gender = scorePersons({ names: ['Jan Novak'], gender: 'male' }, { names: ['Jan Novák'], gender: 'female' }).score;
    const nat = scorePersons({ names: ['Jan Novak'], nationalities: ['CZ'] }, { names: ['Jan Novák'], nationalities: ['SE'] }).score;
    assert.ok(gender < plain && nat < plain);
    const doc = scorePersons(
      { names: ['Wang Jie'], documents: [{ type: 'passport', number: 'E1234 5678', country: 'CN' }] },
      { names: ['王杰'], documents: [{ type: 'passport', number: 'e12345678', country: 'cn' }] },
    );
    assert.equal(doc.level, 'alert');
  });

  it('rejects invalid dates of birth with matching.invalid_date', () => {
    for (const bad of ['2023-02-30', '1990-13-01', '12/11/1978', 'yesterday', '0001']) {
      assert.throws(() => parseBirthDate(bad), (e: unknown) => e instanceof DomainError && e.code === 'matching.invalid_date');
    }
    assert.deepEqual(parseBirthDate('2024-02-29'), { year: 2024, month: 2, day: 29 });
    assert.throws(() => scorePersons({ names: ['Ali'], birthDate: '1990-02-31' }, { names: ['Ali'] }), DomainError);
  });

  it('rejects malformed person input with matching.invalid_person', () => {
    assert.throws(() => scorePersons({ names: [] } as never, { names: ['Ali'] }), (e: unknown) => e instanceof DomainError && e.code === 'matching.invalid_person');
  });
});
