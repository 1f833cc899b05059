import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { computeMetrics, createEvaluationProfile } from '../../src/stats/index.ts';
import { createRandom } from '../../src/stats/random.ts';
import { binaryRows, profileOf, toBatch } from './helpers.ts';
import type { Row } from './reference/rows.ts';

const NAMES = ['race', 'sex'];
const OPTIONS = { confidence: 0.9, minGroupSize: 2, seed: 5, bootstrapSamples: 50, intersections: true };

/** Deep equality with numbers equal within 1e-12 (relative): sums of log-losses may round differently by order. */
function assertClose(actual: unknown, expected: unknown, path = '$'): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    assert.ok(Math.abs(actual - expected) <= 1e-12 * Math.max(1, Math.abs(expected)), `${path}: ${actual} vs ${expected}`);
    return;
  }
  if (typeof expected !== 'object' || expected === null || typeof actual !== 'object' || actual === null) {
    assert.equal(actual, expected, path);
    return;
  }
  assert.deepEqual(Object.keys(actual).sort(), Object.keys(expected).sort(), path);
  for (const key of Object.keys(expected)) {
    assertClose((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key], `${path}.${key}`);
  }
}

const rowsArbitrary = binaryRows({ weighted: false, maxLength: 80 });

test('merging the profiles of any split equals the profile of the union (cells matched by value, not code)', () => {
  fc.assert(
    fc.property(rowsArbitrary, fc.nat(), (rows, cut) => {
      const at = rows.length === 0 ? 0 : cut % (rows.length + 1);
      const left = createEvaluationProfile({ task: 'binary', sensitive: NAMES });
      left.add(toBatch(rows.slice(0, at), 2));
      const right = createEvaluationProfile({ task: 'binary', sensitive: NAMES });
      right.add(toBatch(rows.slice(at), 2, { reverseDictionaries: true }));
      left.merge(right);
      assert.equal(left.rows, rows.length);
      assertClose(computeMetrics(left, OPTIONS), computeMetrics(profileOf(rows, NAMES), OPTIONS));
    }),
    { numRuns: 100 },
  );
});

test('regression profiles merge to the same metrics as one pass (Chan-merged mean and M2)', () => {
  const row = fc.record({
    yTrue: fc.double({ min: -1e3, max: 1e3, noNaN: true }),
    yPred: fc.double({ min: -1e3, max: 1e3, noNaN: true }),
    score: fc.constant(Number.NaN),
    weight: fc.constant(1),
    groups: fc.tuple(fc.constantFrom('a', 'b')),
  });
  fc.assert(
    fc.property(fc.array(row, { maxLength: 60 }), fc.nat(), (rows, cut) => {
      const at = rows.length === 0 ? 0 : cut % (rows.length + 1);
      const left = profileOf(rows.slice(0, at), ['g'], 'regression');
      left.merge(profileOf(rows.slice(at), ['g'], 'regression'));
      const merged = computeMetrics(left, OPTIONS).overall.metrics;
      const single = computeMetrics(profileOf(rows, ['g'], 'regression'), OPTIONS).overall.metrics;
      for (const name of ['mean_absolute_error', 'root_mean_squared_error', 'r2', 'mean_absolute_percentage_error']) {
        const a = merged[name]?.value ?? null;
        const b = single[name]?.value ?? null;
        assert.ok(a === b || (a !== null && b !== null && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b))), `${name}: ${a} vs ${b}`);
      }
    }),
    { numRuns: 100 },
  );
});

/** A fixed, seeded data set large enough for every grouping to have intervals. */
function randomRows(count: number, seed: number): Row[] {
  const random = createRandom(seed);
  return Array.from({ length: count }, () => {
    const score = random.nextDouble();
    return {
      yTrue: random.nextDouble() < score ? 1 : 0,
      yPred: score > 0.5 ? 1 : 0,
      score,
      weight: 1 + (random.nextUint32() % 3),
      groups: [['a', 'b', 'c'][random.nextUint32() % 3] ?? null, ['x', 'y'][random.nextUint32() % 2] ?? null],
    };
  });
}

test('the same seed gives identical bootstrap intervals and another seed gives different ones', () => {
  const rows = randomRows(600, 42);
  const profile = profileOf(rows, NAMES);
  const a = computeMetrics(profile, { ...OPTIONS, bootstrapSamples: 300 });
  const b = computeMetrics(profileOf(rows, NAMES), { ...OPTIONS, bootstrapSamples: 300 });
  const c = computeMetrics(profile, { ...OPTIONS, bootstrapSamples: 300, seed: 6 });
  const intervals = (section: typeof a) => section.disparities.map((d) => d.interval);
  assert.ok(intervals(a).some((interval) => interval !== undefined), 'some disparity has an interval');
  assert.deepEqual(intervals(a), intervals(b));
  assert.notDeepEqual(intervals(a), intervals(c));
});

test("a grouping's intervals do not depend on whether intersections are computed", () => {
  const rows = randomRows(300, 7);
  const profile = profileOf(rows, NAMES);
  const single = (intersections: boolean) =>
    computeMetrics(profile, { ...OPTIONS, intersections }).disparities.filter((d) => d.grouping.length === 1).map((d) => d.interval);
  assert.deepEqual(single(true), single(false));
});

test('a bootstrap interval contains its point estimate for a clear disparity', () => {
  // group a selects 80 of 100, group b 20 of 100: the difference 0.6 is far from 0
  const rows = Array.from({ length: 200 }, (_, i) => ({
    yTrue: i % 2,
    yPred: i < 100 ? (i % 10 < 8 ? 1 : 0) : i % 10 < 2 ? 1 : 0,
    score: Number.NaN,
    weight: 1,
    groups: [i < 100 ? 'a' : 'b'],
  }));
  const dp = computeMetrics(profileOf(rows, ['g']), { ...OPTIONS, bootstrapSamples: 500 }).disparities.find(
    (d) => d.metric === 'demographic_parity_difference' && d.aggregation === 'between_groups',
  );
  assert.ok(dp?.interval && dp.value !== null);
  assert.ok(dp.interval.low < dp.value && dp.value < dp.interval.high, JSON.stringify(dp));
  assert.ok(dp.interval.low > 0.4 && dp.interval.high < 0.8, JSON.stringify(dp.interval));
});
