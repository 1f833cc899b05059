import assert from 'node:assert/strict';
import test from 'node:test';
import { DENSE_LIMIT, DistinctValues } from '../../../src/stats/data/index.ts';
import { numberWords, textWords } from '../../../src/stats/data/value-hash.ts';

const words = new Uint32Array(2);
const wordsOf = (value: number | string): [number, number] => {
  if (typeof value === 'number') numberWords(value, words);
  else textWords(value, words);
  return [words[0] as number, words[1] as number];
};

/** A slow reference: the set of keys as strings. */
function reference(values: readonly (number | string)[]): { size: number; news: boolean[] } {
  const seen = new Set<string>();
  const news = values.map((value) => {
    const key = wordsOf(value).join(':');
    const fresh = !seen.has(key);
    seen.add(key);
    return fresh;
  });
  return { size: seen.size, news };
}

/** Integers in and out of the bitmap's range, negatives, fractions, -0, texts (some reading as numbers), repeated. */
function sample(seed: number, n: number): (number | string)[] {
  let state = seed;
  const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const pool = (): number | string => {
    const r = next();
    if (r < 0.4) return Math.floor(next() * 5000);
    if (r < 0.5) return DENSE_LIMIT - 2 + Math.floor(next() * 4); // both sides of the limit
    if (r < 0.6) return -Math.floor(next() * 50);
    if (r < 0.7) return Math.floor(next() * 100) + 0.5;
    if (r < 0.75) return -0;
    if (r < 0.85) return `id-${Math.floor(next() * 300)}`;
    return String(Math.floor(next() * 300)); // text that reads as a number: the same value as the number
  };
  return Array.from({ length: n }, pool);
}

test('distinct values: every add answers "new" exactly as a set of the 64-bit keys does, in and out of the bitmap', () => {
  for (const seed of [1, 2, 3]) {
    const values = sample(seed, 5000);
    const set = new DistinctValues();
    const news = values.map((value) => set.add(...wordsOf(value)));
    const expected = reference(values);
    assert.deepEqual(news, expected.news);
    assert.equal(set.size, expected.size);
  }
});

test('distinct values: merging two halves gives the size of the whole and counts the values both halves hold', () => {
  const values = sample(7, 4000);
  const [left, right] = [values.slice(0, 2000), values.slice(2000)];
  const a = new DistinctValues();
  const b = new DistinctValues();
  for (const value of left) a.add(...wordsOf(value));
  for (const value of right) b.add(...wordsOf(value));
  const both = reference(left).size + reference(right).size - reference(values).size;
  assert.equal(a.merge(b), both);
  assert.equal(a.size, reference(values).size);
});

test('distinct values: ordered integer ids stay in the bitmap and a repeat is found', () => {
  const set = new DistinctValues();
  set.reserve(100_000);
  for (let id = 1; id <= 100_000; id++) assert.equal(set.add(...wordsOf(id)), true);
  assert.equal(set.add(...wordsOf(77_777)), false);
  assert.equal(set.add(...wordsOf('77777')), false); // the same value written as text
  assert.equal(set.size, 100_000);
});
