import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isStewardError } from '../../../src/core/index.ts';
import {
  boundsOf,
  categoricalProfile,
  chooseTests,
  columnDrift,
  datasetDrift,
  discoveriesAtFdr,
  learnThreshold,
  numericProfile,
  NumericProfile,
  psi,
  alignNumeric,
  referenceBins,
} from '../../../src/stats/index.ts';

const codeOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    return isStewardError(error) ? `${error.code} ${error.problem.location?.path ?? ''}` : 'not a StewardError';
  }
  return undefined;
};

const range = (n: number, from = 0, step = 1): number[] => Array.from({ length: n }, (_, i) => from + i * step);

test('small numeric samples get the exact KS test, large ones PSI and Wasserstein, each with its reason', () => {
  const small = chooseTests(numericProfile(range(50)), numericProfile(range(60)));
  assert.deepEqual(small.tests, ['ks']);
  assert.match(small.reason, /50 and 60 values/);
  const large = chooseTests(new NumericProfile({ exactCap: 10 }).add(range(50)), numericProfile(range(60)));
  assert.deepEqual(large.tests, ['psi', 'wasserstein']);
});

test('categories use chi-square when every expected count is at least 5, else Jensen–Shannon', () => {
  const many = (name: string, n: number): string[] => new Array<string>(n).fill(name);
  assert.deepEqual(chooseTests(categoricalProfile([...many('a', 10), ...many('b', 10)]), categoricalProfile([...many('a', 10), ...many('b', 10)])).tests, ['chi_square']);
  const sparse = chooseTests(categoricalProfile([...many('a', 10), 'b']), categoricalProfile(many('a', 10)));
  assert.deepEqual(sparse.tests, ['jensen_shannon']);
  assert.match(sparse.reason, /smallest 0\.48/);
});

test('a side with no values gets no test and says which side', () => {
  assert.deepEqual(chooseTests(numericProfile([Number.NaN]), numericProfile([1])), { tests: [], reason: 'no test: the reference sample has no non-missing value' });
});

test('column drift flags a shifted numeric column and not an unchanged one', () => {
  const reference = numericProfile(range(200, 0, 0.5));
  const shifted = columnDrift(reference, numericProfile(range(200, 40, 0.5)));
  assert.equal(shifted.drift, true);
  assert.ok(shifted.pValue < 1e-6);
  const same = columnDrift(reference, numericProfile(range(200, 0.1, 0.5)));
  assert.equal(same.drift, false);
  assert.equal(same.statistics[0]?.test, 'ks');
});

test('column drift reports new categories and the missing-rate change as findings of their own', () => {
  const result = columnDrift(categoricalProfile(['a', 'b', null]), categoricalProfile(['a', 'z', null, null]));
  assert.deepEqual(result.newCategories, [{ category: 'z', count: 1 }]);
  assert.ok(Math.abs(result.missingRate.change - (2 / 4 - 1 / 3)) < 1e-12);
});

test('thresholds can be overridden per statistic', () => {
  const reference = new NumericProfile({ exactCap: 5 }).add(range(100));
  const current = new NumericProfile({ exactCap: 5 }).add(range(100, 1));
  const lenient = columnDrift(reference, current);
  const strict = columnDrift(reference, current, { thresholds: { wasserstein: 0.01, psi: 0.001 } });
  assert.equal(lenient.drift, false);
  assert.equal(strict.drift, true);
});

test('dataset drift compares the share of drifting columns with the configured share', () => {
  const reference = numericProfile(range(100));
  const columns = [
    { name: 'x', result: columnDrift(reference, numericProfile(range(100, 60))) },
    { name: 'y', result: columnDrift(reference, numericProfile(range(100))) },
    { name: 'z', result: columnDrift(numericProfile([]), numericProfile([1])) },
  ];
  const half = datasetDrift(columns);
  assert.deepEqual([half.drifting, half.tested, half.share, half.drift], [['x'], 2, 0.5, true]);
  assert.equal(datasetDrift(columns, { share: 0.75 }).drift, false);
});

test('with an FDR, a column drifts only when its Benjamini–Hochberg adjusted p-value is at most q', () => {
  const fake = (pValue: number) => ({ tests: ['ks' as const], reason: '', statistics: [{ test: 'ks' as const, value: 0, pValue, threshold: 0.05, drift: pValue < 0.05, exact: true, errorBound: 0 }], drift: pValue < 0.05, pValue, missingRate: { referenceRate: 0, currentRate: 0, change: 0, interval: undefined, pValue: 1 }, newCategories: [] });
  const columns = [0.01, 0.04, 0.03, 0.5].map((p, i) => ({ name: `c${i}`, result: fake(p) }));
  assert.deepEqual(datasetDrift(columns).drifting, ['c0', 'c1', 'c2']);
  const corrected = datasetDrift(columns, { fdr: 0.05 });
  assert.deepEqual(corrected.drifting, ['c0']);
  assert.ok(Math.abs((corrected.adjustedPValues?.['c1'] ?? 0) - 0.16 / 3) < 1e-12);
  assert.deepEqual(discoveriesAtFdr([0.01, 0.04, 0.03, 0.5], 0.06), [true, true, true, false]);
});

test('learned thresholds are mean ± k·sd of each reference chunk against the whole reference', () => {
  const chunks = [range(50, 0), range(50, 1), range(50, 2), range(50, 3)].map((values) => numericProfile(values));
  const reference = chunks.reduce((into, chunk) => into.merge(chunk), new NumericProfile());
  const bins = referenceBins(reference, 4);
  const statistic = (whole: NumericProfile, chunk: NumericProfile): number => psi(alignNumeric(whole, chunk, { referenceBins: bins })).value;
  const learned = learnThreshold(reference, chunks, statistic, 2);
  const values = chunks.map((chunk) => statistic(reference, chunk));
  const mean = values.reduce((s, v) => s + v, 0) / 4;
  const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / 3);
  assert.deepEqual(learned.values, values);
  assert.ok(Math.abs(learned.high - (mean + 2 * sd)) < 1e-15 && Math.abs(learned.low - (mean - 2 * sd)) < 1e-15);
});

test('invalid drift settings are STATS_INVALID_OPTION naming the field', () => {
  assert.equal(codeOf(() => boundsOf([0.1])), 'STATS_INVALID_OPTION chunks');
  assert.equal(codeOf(() => boundsOf([0.1, Number.NaN])), 'STATS_INVALID_OPTION chunks[1]');
  assert.equal(codeOf(() => boundsOf([0.1, 0.2], -1)), 'STATS_INVALID_OPTION k');
  assert.equal(codeOf(() => referenceBins(numericProfile([1]), 1)), 'STATS_INVALID_OPTION bins');
  assert.equal(codeOf(() => discoveriesAtFdr([0.1], 1)), 'STATS_INVALID_OPTION fdr');
  assert.equal(codeOf(() => datasetDrift([], { share: 0 })), 'STATS_INVALID_OPTION share');
});
