import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { computeMetrics, disparityMetrics } from '../../src/stats/index.ts';
import { binaryRows, close, profileOf } from './helpers.ts';
import {
  referenceAggregate,
  referenceAuc,
  referenceAveragePrecision,
  referenceGroupBy,
  referenceRates,
  referenceRegression,
  referenceScoreMetrics,
  type Row,
} from './reference/rows.ts';

const NAMES = ['race', 'sex'];
const GROUPINGS = [[0], [1], [0, 1]];
const OPTIONS = { confidence: 0.95, minGroupSize: 3, seed: 11, bootstrapSamples: 0, intersections: true };

function referenceSlice(rows: readonly Row[]): Record<string, number | null> {
  return { ...referenceRates(rows), ...referenceScoreMetrics(rows), roc_auc: referenceAuc(rows), average_precision: referenceAveragePrecision(rows) };
}

const usableCount = (rows: readonly Row[]): number => rows.filter((r) => !Number.isNaN(r.yTrue) && !Number.isNaN(r.yPred) && !Number.isNaN(r.weight)).length;

function checkAgainstReference(rows: Row[]): void {
  const section = computeMetrics(profileOf(rows, NAMES, 'binary', 17), OPTIONS);
  const slices = [{ key: 'overall', rows }, ...GROUPINGS.flatMap((columns) => [...referenceGroupBy(rows, NAMES, columns)].map(([key, members]) => ({ key, rows: members })))];
  assert.equal(section.groups.length + 1, slices.length, 'one slice per non-empty group');
  for (const slice of slices) {
    const actual = slice.key === 'overall' ? section.overall : section.groups.find((g) => g.key === slice.key);
    assert.ok(actual, `slice ${slice.key} present`);
    assert.equal(actual.rows, slice.rows.length, `${slice.key} rows`);
    for (const [metric, expected] of Object.entries(referenceSlice(slice.rows))) {
      const value = actual.metrics[metric]?.value;
      assert.ok(close(value, expected), `${slice.key} ${metric}: ${value} vs reference ${expected}`);
    }
  }
  for (const columns of GROUPINGS) {
    const grouping = columns.map((c) => NAMES[c] as string);
    const groups = [...referenceGroupBy(rows, NAMES, columns)];
    for (const info of disparityMetrics) {
      for (const aggregation of ['between_groups', 'to_overall'] as const) {
        const found = section.disparities.find((d) => d.metric === info.name && d.aggregation === aggregation && d.grouping.join() === grouping.join());
        assert.ok(found, `${info.name} ${aggregation} ${grouping.join('&')} present`);
        const expected = referenceDisparity(info.name, info.of, info.form, aggregation, groups, rows);
        assert.ok(close(found.value, expected), `${info.name} ${aggregation} over ${grouping.join('&')}: ${found.value} vs reference ${expected}`);
      }
    }
  }
}

function referenceDisparity(name: string, of: readonly string[], form: 'difference' | 'ratio', aggregation: 'between_groups' | 'to_overall', groups: [string, Row[]][], all: Row[]): number | null {
  const overall = referenceSlice(all);
  const taking = groups.filter(([, members]) => usableCount(members) >= OPTIONS.minGroupSize && of.every((m) => referenceSlice(members)[m] !== null));
  const valuesOf = (metric: string): number[] => taking.map(([, members]) => referenceSlice(members)[metric] as number);
  if (overall[of[0] as string] === null || overall[of[0] as string] === undefined) return null;
  if (name === 'disparate_impact') {
    const values = valuesOf('selection_rate');
    if (values.length < 2) return null;
    const base = aggregation === 'to_overall' ? (overall['selection_rate'] as number) : Math.max(...values);
    const skip = aggregation === 'to_overall' ? -1 : values.indexOf(base);
    let best: number | null = null;
    for (let i = 0; i < values.length; i++) {
      if (i === skip) continue;
      const v = values[i] as number;
      if (base === 0 && v !== 0) return null;
      const r = v === base ? 1 : v / base;
      if (best === null || Math.abs(Math.log(r)) > Math.abs(Math.log(best))) best = r;
    }
    return best;
  }
  const parts = of.map((metric) => referenceAggregate(form, aggregation, valuesOf(metric), overall[metric] as number));
  if (parts.some((p) => p === null)) return null;
  return form === 'difference' ? Math.max(...(parts as number[])) : Math.min(...(parts as number[]));
}

test('every slice metric and disparity equals the literal reference on random unweighted data with ties and missing values', () => {
  fc.assert(fc.property(binaryRows({ weighted: false }), (rows) => checkAgainstReference(rows)), { numRuns: 150 });
});

test('every slice metric and disparity equals the literal reference with sample weights (sklearn sample_weight semantics)', () => {
  fc.assert(fc.property(binaryRows({ weighted: true }), (rows) => checkAgainstReference(rows)), { numRuns: 150 });
});

test('regression metrics of every group equal the literal reference, with weights', () => {
  // values on a 0.01 grid in [−100, 100]: magnitudes near 1e-160 underflow y² differently in any two float codes
  const value = fc.integer({ min: -10_000, max: 10_000 }).map((v) => v / 100);
  const row = fc.record({
    yTrue: fc.oneof({ arbitrary: value, weight: 10 }, { arbitrary: fc.constantFrom(0, Number.NaN), weight: 1 }),
    yPred: fc.oneof({ arbitrary: value, weight: 10 }, { arbitrary: fc.constant(Number.NaN), weight: 1 }),
    score: fc.constant(Number.NaN),
    weight: fc.oneof(fc.constantFrom(1, 2), fc.double({ min: 1e-3, max: 4, noNaN: true })),
    groups: fc.tuple(fc.constantFrom('a', 'b', 'c')),
  });
  fc.assert(
    fc.property(fc.array(row, { maxLength: 80 }), (rows) => {
      const section = computeMetrics(profileOf(rows, ['g'], 'regression', 13), OPTIONS);
      const slices = [{ key: 'overall', rows }, ...[...referenceGroupBy(rows, ['g'], [0])].map(([key, members]) => ({ key, rows: members }))];
      for (const slice of slices) {
        const actual = slice.key === 'overall' ? section.overall : section.groups.find((g) => g.key === slice.key);
        for (const [metric, expected] of Object.entries(referenceRegression(slice.rows))) {
          const value = actual?.metrics[metric]?.value;
          assert.ok(close(value, expected, 1e-9), `${slice.key} ${metric}: ${value} vs reference ${expected}`);
        }
      }
    }),
    { numRuns: 150 },
  );
});
