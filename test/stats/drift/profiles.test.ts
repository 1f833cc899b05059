import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { CategoricalProfile, NumericProfile, OTHER_CATEGORY, alignNumeric, kolmogorovSmirnov, wasserstein } from '../../../src/stats/index.ts';

const value = fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constant(Number.NaN), fc.integer({ min: -3, max: 3 }));

function split(values: readonly number[], cuts: readonly number[]): number[][] {
  const points = [...new Set(cuts.map((c) => c % (values.length + 1)))].sort((a, b) => a - b);
  const parts: number[][] = [];
  let start = 0;
  for (const point of [...points, values.length]) {
    parts.push(values.slice(start, point));
    start = point;
  }
  return parts;
}

test('a profile merged from parts in any order holds the same counts, moments and statistics as one pass', () => {
  fc.assert(
    fc.property(fc.array(value, { maxLength: 200 }), fc.array(fc.nat(), { maxLength: 6 }), fc.boolean(), (values, cuts, reverse) => {
      const whole = new NumericProfile({ exactCap: 50 }).add(values);
      const parts = split(values, cuts).map((part) => new NumericProfile({ exactCap: 50 }).add(part));
      if (reverse) parts.reverse();
      const merged = parts.reduce((into, part) => into.merge(part), new NumericProfile({ exactCap: 50 }));
      assert.equal(merged.count, whole.count);
      assert.equal(merged.missing, whole.missing);
      assert.equal(merged.exact, whole.exact);
      assert.deepEqual(merged.sortedValues(), whole.sortedValues());
      assert.deepEqual(merged.histogram.buckets(), whole.histogram.buckets());
      assert.ok(Math.abs(merged.moments.mean - whole.moments.mean) <= 1e-9 * Math.max(1, Math.abs(whole.moments.mean)));
      assert.ok(Math.abs(merged.moments.m2 - whole.moments.m2) <= 1e-7 * Math.max(1, whole.moments.m2));
      const reference = new NumericProfile().add([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      assert.deepEqual(alignNumeric(reference, merged), alignNumeric(reference, whole));
      assert.equal(kolmogorovSmirnov(reference, merged).statistic, kolmogorovSmirnov(reference, whole).statistic);
      assert.equal(wasserstein(reference, merged).distance, wasserstein(reference, whole).distance);
    }),
  );
});

test('NaN and ±Infinity count as missing, everything else as a value', () => {
  const profile = new NumericProfile().add(Float64Array.from([1, Number.NaN, Number.POSITIVE_INFINITY, -2, Number.NEGATIVE_INFINITY]));
  assert.deepEqual([profile.count, profile.missing, profile.moments.min, profile.moments.max], [2, 3, -2, 1]);
});

test('a profile keeps raw values up to its cap, then switches to the histogram for good', () => {
  const profile = new NumericProfile({ exactCap: 3 }).add([3, 1, 2]);
  assert.equal(profile.exact, true);
  assert.deepEqual([...(profile.sortedValues() ?? [])], [1, 2, 3]);
  profile.add([4]);
  assert.equal(profile.exact, false);
  assert.equal(profile.sortedValues(), undefined);
  assert.equal(profile.histogram.total, 4);
});

test('adding a 10,000-row batch to a 1,000,000-row window costs the batch, not the window', () => {
  let seed = 7;
  const next = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32) * 1000;
  const batch = (rows: number): Float64Array => Float64Array.from({ length: rows }, next);
  const small = new NumericProfile();
  for (let i = 0; i < 10; i++) small.add(batch(10_000));
  const large = new NumericProfile();
  for (let i = 0; i < 100; i++) large.add(batch(10_000));
  const costOf = (profile: NumericProfile): number => {
    const before = profile.work;
    profile.add(batch(10_000));
    return profile.work - before;
  };
  // the same data range is already covered, so no bucket is copied: exactly one step per value, whatever the window
  assert.equal(costOf(small), 10_000);
  assert.equal(costOf(large), 10_000);
});

test('categorical codes from a shared dictionary are counted per name across batches, −1 as missing', () => {
  const dictionary: string[] = ['a', 'b'];
  const profile = new CategoricalProfile();
  profile.add(Int32Array.from([0, 1, 1, -1]), dictionary);
  dictionary.push('c'); // the readers' dictionaries are append-only
  profile.add(Int32Array.from([2, 0, -1]), dictionary);
  profile.add(Int32Array.from([0]), ['b']); // another dictionary, same name
  assert.deepEqual(profile.entries(), [
    ['a', 2],
    ['b', 3],
    ['c', 1],
  ]);
  assert.deepEqual([profile.count, profile.missing], [6, 2]);
});

test('categories beyond the cap are aggregated as (other) and the profile says so', () => {
  const profile = new CategoricalProfile({ categoryCap: 2 }).addValues(['a', 'b', 'c', 'd', 'a', null]);
  assert.deepEqual(profile.entries(), [
    ['a', 2],
    ['b', 1],
    [OTHER_CATEGORY, 2],
  ]);
  assert.equal(profile.overflowed, true);
  const merged = new CategoricalProfile({ categoryCap: 2 }).merge(profile).merge(new CategoricalProfile().addValues(['e', 'b']));
  assert.deepEqual(merged.entries(), [
    ['a', 2],
    ['b', 2],
    [OTHER_CATEGORY, 3],
  ]);
  assert.equal(merged.missing, 1);
});

test('a code outside its dictionary is a broken invariant, not silently counted', () => {
  assert.throws(() => new CategoricalProfile().add(Int32Array.from([3]), ['a']), RangeError);
});
