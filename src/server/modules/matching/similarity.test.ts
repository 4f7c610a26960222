import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { editDistance, latticeDistance, similarity } from './similarity.ts';
import { hanLattice } from './transliterate.ts';

describe('similarity', () => {
  it('counts inserts, deletes, substitutions and adjacent swaps', () => {
    assert.equal(editDistance('hassan', 'hassan'), 0);
    assert.equal(editDistance('hasan', 'hassan'), 1);
    assert.equal(editDistance('ahmed', 'ahmde'), 1);
    assert.equal(editDistance('', 'ali'), 3);
    assert.equal(similarity('', ''), 1);
  });

  it('measures a string against the cheapest path through a reading lattice', () => {
    const lattice: [string, number][][] = [[['va', 0], ['wa', 0.2]], [['len', 0], ['ren', 0.1]], [['si', 0]], [['a', 0]]];
    assert.equal(latticeDistance('valensia', lattice), 0);
    assert.equal(latticeDistance('walensia', lattice), 0.2);
    assert.equal(latticeDistance('valencia', lattice), 0.6);
    assert.equal(latticeDistance('', []), 0);
    assert.equal(latticeDistance('abc', []), 3);
  });

  it('reads Han characters in names by their learned use, with pinyin and Wade–Giles as fallbacks', () => {
    const valencia = hanLattice('瓦倫西亞');
    assert.equal(valencia.length, 4);
    assert.ok(latticeDistance('valencia', valencia) < 1.5);
    assert.ok(latticeDistance('vanessa', valencia) > 2);
    assert.ok(hanLattice('东')[0]!.some(([r]) => r === 'tung'), 'Wade–Giles of dong');
    assert.ok(hanLattice('东')[0]!.some(([r]) => r === 'dong'), 'pinyin of dong');
  });
});
