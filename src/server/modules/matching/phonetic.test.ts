import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalSpelling, consonantSkeleton, phoneticCode } from './phonetic.ts';

describe('phonetic forms', () => {
  it('brings English, German, French and Swedish renderings of Хрущёв to one code', () => {
    const codes = ['khrushchev', 'chruschtschow', 'khrouchtchev', 'chrusjtjov'].map((w) => phoneticCode(canonicalSpelling(w)));
    assert.equal(new Set(codes).size, 1);
  });

  it('keeps different names apart in the canonical spelling', () => {
    assert.notEqual(canonicalSpelling('hassan'), canonicalSpelling('hussein'));
    assert.notEqual(phoneticCode(canonicalSpelling('ivanov')), phoneticCode(canonicalSpelling('lavrov')));
  });

  it('gives vowel-less skeletons that meet abjad transliterations', () => {
    assert.equal(consonantSkeleton(canonicalSpelling('muhammad')), consonantSkeleton(canonicalSpelling('mhmd')));
  });
});
