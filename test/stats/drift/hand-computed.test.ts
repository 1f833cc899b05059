import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  alignCategorical,
  alignNumeric,
  benjaminiHochberg,
  categoricalProfile,
  chiSquareHomogeneity,
  jensenShannonDistance,
  kolmogorovSmirnov,
  ksExactPValue,
  missingRateChange,
  numericProfile,
  psi,
  referenceBins,
  wasserstein,
} from '../../../src/stats/index.ts';

const near = (actual: number, expected: number, tolerance = 1e-12): void =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} is not within ${tolerance} of ${expected}`);

test('PSI of two bins with shares 0.5/0.5 against 0.2/0.8 is 0.3·ln(2.5) + 0.3·ln(1.6)', () => {
  // reference 1,1,2,2 → two bins split at the bucket of 1 (the rank-2 value); current has one value ≤ 1, four above
  const reference = numericProfile([1, 1, 2, 2]);
  const current = numericProfile([1, 2, 2, 2, 2]);
  const counts = alignNumeric(reference, current, { bins: 2 });
  assert.deepEqual([...counts.reference], [2, 2]);
  assert.deepEqual([...counts.current], [1, 4]);
  near(psi(counts).value, (0.2 - 0.5) * Math.log(0.2 / 0.5) + (0.8 - 0.5) * Math.log(0.8 / 0.5));
});

test('PSI clips an empty bin to the 1e-4 share instead of giving infinity', () => {
  const counts = alignNumeric(numericProfile([1, 1, 2, 2]), numericProfile([2, 2]), { bins: 2 });
  near(psi(counts).value, (1e-4 - 0.5) * Math.log(1e-4 / 0.5) + (1 - 0.5) * Math.log(1 / 0.5));
});

test('values beyond the reference range fall into the end bins', () => {
  const counts = alignNumeric(numericProfile([1, 2, 3, 4]), numericProfile([-100, 100]), { bins: 4 });
  assert.deepEqual([...counts.current], [1, 0, 0, 1]);
});

test('missing values form their own PSI bin only when asked', () => {
  const reference = numericProfile([1, 2, Number.NaN, Number.NaN]);
  const current = numericProfile([1, 2]);
  assert.equal(alignNumeric(reference, current, { bins: 2 }).labels.length, 2);
  const withMissing = alignNumeric(reference, current, { bins: 2, missingBin: true });
  assert.deepEqual([...withMissing.reference], [1, 1, 2]);
  assert.deepEqual([...withMissing.current], [1, 1, 0]);
});

test('ten quantile bins of 1..100 hold ten values each', () => {
  const values = Array.from({ length: 100 }, (_, i) => i + 1);
  const bins = referenceBins(numericProfile(values));
  assert.equal(bins.keys.length, 9);
  assert.deepEqual([...alignNumeric(numericProfile(values), numericProfile(values)).reference], new Array(10).fill(10));
});

test('Jensen–Shannon distance is 1 for disjoint categories and 0 for equal shares', () => {
  near(jensenShannonDistance(alignCategorical(categoricalProfile(['a', 'a']), categoricalProfile(['b']))), 1);
  near(jensenShannonDistance(alignCategorical(categoricalProfile(['a', 'b']), categoricalProfile(['b', 'a', 'a', 'b']))), 0);
});

test('Jensen–Shannon distance of (1, 0) against (½, ½) is the base-2 definition with m = (¾, ¼)', () => {
  // m = (¾, ¼); JSD = ½[1·log2(4/3)] + ½[½·log2(⅔) + ½·log2(2)]
  const expected = Math.sqrt(0.5 * Math.log2(4 / 3) + 0.5 * (0.5 * Math.log2(2 / 3) + 0.5 * Math.log2(2)));
  near(jensenShannonDistance(alignCategorical(categoricalProfile(['a']), categoricalProfile(['a', 'b']))), expected);
});

test('KS of fully separated samples of two is D = 1 with exact p = 2/C(4,2) = 1/3', () => {
  const result = kolmogorovSmirnov(numericProfile([1, 2]), numericProfile([3, 4]));
  assert.equal(result.statistic, 1);
  assert.equal(result.method, 'exact');
  near(result.pValue, 1 / 3);
});

test('KS handles ties: equal samples give D = 0 and p = 1', () => {
  const result = kolmogorovSmirnov(numericProfile([1, 1, 2, 2]), numericProfile([2, 1, 2, 1]));
  assert.equal(result.statistic, 0);
  assert.equal(result.pValue, 1);
});

test('the exact KS null distribution of n = m = 3 matches the 20 lattice paths counted by hand', () => {
  // D = 1 only for the 2 paths along the border; the paths keeping |i − j| ≤ 1 leave the diagonal and come back at
  // each of the 3 pairs of steps (2³ = 8 paths), so 20 − 8 = 12 reach D ≥ 2/3
  near(ksExactPValue(3, 3, 9), 2 / 20);
  near(ksExactPValue(3, 3, 6), 12 / 20);
  near(ksExactPValue(3, 3, 3), 1);
});

test('Wasserstein of {0, 1} against {1, 2} is 1, or 2 reference sds of 0.5', () => {
  const result = wasserstein(numericProfile([0, 1]), numericProfile([1, 2]));
  near(result.distance, 1);
  near(result.value, 2);
  assert.equal(result.exact, true);
});

test('Wasserstein from a constant reference is 0 when equal and infinite when not', () => {
  assert.equal(wasserstein(numericProfile([3, 3]), numericProfile([3])).value, 0);
  assert.equal(wasserstein(numericProfile([3, 3]), numericProfile([4])).value, Number.POSITIVE_INFINITY);
});

test('chi-square of the table [[10, 20], [20, 10]] is 4·25/15 with one degree of freedom', () => {
  const reference = categoricalProfile([...new Array<string>(10).fill('a'), ...new Array<string>(20).fill('b')]);
  const current = categoricalProfile([...new Array<string>(20).fill('a'), ...new Array<string>(10).fill('b')]);
  const result = chiSquareHomogeneity(reference, current);
  near(result.statistic, 100 / 15);
  assert.equal(result.df, 1);
  near(result.minExpected, 15);
  // P(χ²₁ > x) = erfc(√(x/2)) = 2(1 − Φ(√x)); 0.009823274507519235 from scipy 1.17.1 chi2.sf(20/3, 1)
  near(result.pValue, 0.009823274507519235, 1e-13);
});

test('categories unseen in the reference are reported with their counts', () => {
  const result = chiSquareHomogeneity(categoricalProfile(['a', 'b']), categoricalProfile(['a', 'c', 'c', 'd']));
  assert.deepEqual(result.newCategories, [
    { category: 'c', count: 2 },
    { category: 'd', count: 1 },
  ]);
});

test('a single category gives chi-square 0 with p = 1', () => {
  const result = chiSquareHomogeneity(categoricalProfile(['a', 'a']), categoricalProfile(['a']));
  assert.deepEqual([result.statistic, result.df, result.pValue], [0, 0, 1]);
});

test('Benjamini–Hochberg adjusts 0.01, 0.04, 0.03, 0.5 to 0.04, 0.0533, 0.0533, 0.5', () => {
  const adjusted = benjaminiHochberg([0.01, 0.04, 0.03, 0.5]);
  near(adjusted[0] as number, 0.04);
  near(adjusted[1] as number, 0.16 / 3);
  near(adjusted[2] as number, 0.16 / 3);
  near(adjusted[3] as number, 0.5);
});

test('missing rate from 10 % to 20 % of 100 rows: change 0.1, pooled z = 0.1/√(0.15·0.85·0.02)', () => {
  const result = missingRateChange({ count: 90, missing: 10 }, { count: 80, missing: 20 });
  near(result.change, 0.1);
  // 2·(1 − Φ(1.98029508595335)) ≈ 0.04767 (scipy 1.17.1: 2*norm.sf(0.1/sqrt(0.15*0.85*0.02)))
  near(result.pValue, 0.04767038065616141, 1e-12);
  assert.ok(result.interval !== undefined && result.interval.low < 0.1 && result.interval.high > 0.1 && result.interval.low > -0.01);
});

test('empty samples give NaN statistics rather than a number', () => {
  assert.ok(Number.isNaN(kolmogorovSmirnov(numericProfile([]), numericProfile([1])).statistic));
  assert.ok(Number.isNaN(wasserstein(numericProfile([1]), numericProfile([Number.NaN])).value));
  assert.ok(Number.isNaN(psi(alignNumeric(numericProfile([]), numericProfile([1]))).value));
  assert.ok(Number.isNaN(chiSquareHomogeneity(categoricalProfile([null]), categoricalProfile(['a'])).pValue));
});
