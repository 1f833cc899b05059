import assert from 'node:assert/strict';
import { test } from 'node:test';
import { alignCategorical, categoricalProfile, chiSquareSurvival, jensenShannonDistance, kolmogorovSmirnov, numericProfile, wasserstein } from '../../../src/stats/index.ts';

/**
 * Golden values computed with scipy 1.17.1 / numpy (Python 3) on the same inputs; the literal reference in
 * reference-agreement.test.ts stays the main oracle. The inputs are squared fractional parts of i·φ, reproducible
 * in both languages without a file: seq(n, mul, add) = [((i·mul) mod 1)²·10 + add for i = 1..n].
 */
const seq = (n: number, mul: number, add: number): number[] => Array.from({ length: n }, (_, k) => (((k + 1) * mul) % 1) ** 2 * 10 + add);
const relative = (actual: number, expected: number, tolerance: number): void =>
  assert.ok(Math.abs(actual - expected) <= tolerance * Math.abs(expected), `${actual} vs scipy ${expected}`);

test('exact KS p-value matches scipy.stats.ks_2samp(method="exact")', () => {
  const result = kolmogorovSmirnov(numericProfile(seq(40, 0.6180339887498949, 0)), numericProfile(seq(50, 0.7548776662466927, 0.8)));
  assert.equal(result.statistic, 0.3);
  relative(result.pValue, 0.029491469753400675, 1e-12);
});

test('asymptotic KS p-value is within 5 % of scipy.stats.ks_2samp(method="asymp")', () => {
  const options = { exactCap: 100_000 };
  const result = kolmogorovSmirnov(numericProfile(seq(3000, 0.6180339887498949, 0), options), numericProfile(seq(2500, 0.7548776662466927, 0.05), options));
  assert.equal(result.method, 'asymptotic');
  relative(result.statistic, 0.07066666666666667, 1e-12);
  // scipy uses the one-sample Kolmogorov distribution at round(n_e); we use Stephens' corrected limit law
  relative(result.pValue, 2.2830615373273735e-6, 0.05);
});

test('normalised Wasserstein matches scipy.stats.wasserstein_distance(u, v) / numpy.std(u)', () => {
  const options = { exactCap: 100_000 };
  const result = wasserstein(numericProfile(seq(3000, 0.6180339887498949, 0), options), numericProfile(seq(2500, 0.7548776662466927, 0.05), options));
  relative(result.value, 0.015653575680919542, 1e-10);
});

test('chi-square survival matches scipy.stats.chi2.sf', () => {
  relative(chiSquareSurvival(120.5, 99), 0.06995556459600587, 1e-12);
  relative(chiSquareSurvival(1e-3, 1), 0.9747728793699604, 1e-13);
  relative(chiSquareSurvival(1500, 1000), 1.0454640385980825e-22, 1e-11);
  relative(chiSquareSurvival(40, 10), 1.694474393006737e-5, 1e-12);
});

test('Jensen–Shannon distance matches scipy.spatial.distance.jensenshannon(p, q, base=2)', () => {
  const reference = categoricalProfile(['a', 'a', 'b', 'c', 'c', 'c']);
  const current = categoricalProfile(['a', 'b', 'b', 'b', 'c', 'd']);
  relative(jensenShannonDistance(alignCategorical(reference, current)), 0.47913876749186396, 1e-12);
});
