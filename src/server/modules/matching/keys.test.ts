import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { blockingKeys } from './keys.ts';

const shareKey = (a: string, b: string) => blockingKeys(a).some((k) => blockingKeys(b).includes(k));

describe('blockingKeys', () => {
  it('gives a small set of short keys', () => {
    for (const n of ['Muhammad Abdullaev', 'Abu Bakr Muhammad bin Abdullah al-Baghdadi al-Qurashi', '王杰']) {
      const keys = blockingKeys(n);
      assert.ok(keys.length >= 1 && keys.length <= 18, `${n}: ${keys.length} keys`);
      assert.ok(keys.every((k) => k.length <= 24));
    }
  });

  it('lets spellings and scripts of one name share a key', () => {
    assert.ok(shareKey('Мухаммад Абдуллаев', 'Mohammed Abdulajev'));
    assert.ok(shareKey('Nikita Chrusjtjov', 'Никита Хрущёв'));
    assert.ok(shareKey('Karin Åström', 'Karin Aastrom'));
    assert.ok(shareKey('Abdulrahman Hamid', 'Abdul Rahman Hamid'));
  });

  it('lets swapped letters, a letter moved across parts and transcribed foreign names share a key', () => {
    assert.ok(shareKey('Afiz', 'Faiz'));
    assert.ok(shareKey('Lauren Tnkunda', 'Laurent Nkunda'));
    assert.ok(shareKey('瓦倫西亞', 'Valencia'));
    assert.ok(shareKey('Hsi Chin-ping', 'Xi Jinping'));
  });

  it('gives a name made of common parts a pair key shared across order and script', () => {
    const pairShared = (a: string, b: string) => blockingKeys(a).filter((k) => k.startsWith('q:') && blockingKeys(b).includes(k));
    assert.deepEqual(pairShared('John Smith', 'Смит Джон'), ['q:JN|SMT']);
    assert.equal(pairShared('JEAN, Rob', 'ロブ ジャン').length, 1);
    assert.equal(pairShared('Michael Ryan', 'RYAN, Michael').length, 1);
    // Two different men named John do not share the pair key.
    assert.deepEqual(pairShared('John Smith', 'John Jones'), []);
  });

  it('does not key names on particles alone', () => {
    assert.ok(!blockingKeys('Omar al-Bashir').some((k) => k.endsWith(':al')));
  });
});
