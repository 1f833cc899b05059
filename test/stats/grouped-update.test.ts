import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { EvaluationBatch } from '../../src/core/index.ts';
import { B_LENGTH } from '../../src/stats/cells/binary-layout.ts';
import { updateBinaryCells } from '../../src/stats/cells/binary-update.ts';
import { EXACT_CAP, ScoreDistribution } from '../../src/stats/rank/score-distribution.ts';
import { updateBinaryCellsRowwise } from './reference/rowwise-binary-update.ts';

type Update = typeof updateBinaryCells;

interface Cells {
  readonly stats: Float64Array[];
  readonly scores: ScoreDistribution[];
}

function run(update: Update, cells: number, batches: readonly { batch: EvaluationBatch; cellOf: Int32Array }[]): Cells {
  const stats = Array.from({ length: cells }, () => new Float64Array(B_LENGTH));
  const scores = Array.from({ length: cells }, () => new ScoreDistribution());
  for (const { batch, cellOf } of batches) update(batch, cellOf, stats, scores);
  return { stats, scores };
}

const bytes = (array: Float64Array): Buffer => Buffer.from(array.buffer, array.byteOffset, array.byteLength);

/** Bit-for-bit equality of every statistic and every score curve (-0, NaN and the last ulp included). */
function assertSameBits(actual: Cells, expected: Cells): void {
  actual.stats.forEach((stats, cell) => assert.ok(bytes(stats).equals(bytes(expected.stats[cell] as Float64Array)), `stats of cell ${cell}`));
  actual.scores.forEach((scores, cell) => {
    const a = scores.curve();
    const e = (expected.scores[cell] as ScoreDistribution).curve();
    assert.equal(a.exact, e.exact, `exactness of cell ${cell}`);
    for (const key of ['scores', 'pos', 'neg'] as const) assert.ok(bytes(a[key]).equals(bytes(e[key])), `${key} of cell ${cell}`);
  });
}

function batchOf(rows: number, columns: { yTrue: number[]; yPred: number[]; score: number[] | undefined; weight: number[] | undefined }): EvaluationBatch {
  return {
    rows,
    yTrue: Float64Array.from(columns.yTrue),
    yPred: Float64Array.from(columns.yPred),
    ...(columns.score === undefined ? {} : { score: Float64Array.from(columns.score) }),
    ...(columns.weight === undefined ? {} : { weight: Float64Array.from(columns.weight) }),
    groups: [],
    groupValues: [],
  };
}

const label = fc.constantFrom(0, 1, 1, 0, Number.NaN, 2);
const score = fc.oneof(fc.constantFrom(Number.NaN, -0, 0, 1, 0.5), fc.integer({ min: 0, max: 20 }).map((k) => k / 20), fc.double({ min: -0.5, max: 1.5, noNaN: true }));
const weight = fc.oneof(fc.constantFrom(Number.NaN, 0, 1), fc.double({ min: 0, max: 10, noNaN: true }));

test('the grouped update equals the row-at-a-time update bit for bit (missing values, weights, ties, many cells)', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 12 }),
      fc.array(fc.array(fc.tuple(fc.nat(), label, label, score, weight), { minLength: 1, maxLength: 120 }), { minLength: 1, maxLength: 4 }),
      fc.boolean(),
      fc.boolean(),
      (cells, raw, weighted, scored) => {
        const batches = raw.map((rows) => ({
          batch: batchOf(rows.length, {
            yTrue: rows.map((r) => r[1]),
            yPred: rows.map((r) => r[2]),
            score: scored ? rows.map((r) => r[3]) : undefined,
            weight: weighted ? rows.map((r) => r[4]) : undefined,
          }),
          cellOf: Int32Array.from(rows, (r) => r[0] % cells),
        }));
        assertSameBits(run(updateBinaryCells, cells, batches), run(updateBinaryCellsRowwise, cells, batches));
      },
    ),
    { numRuns: 300 },
  );
});

test('the grouped update equals the row-at-a-time update when cells switch to bins in the middle of a batch', () => {
  // xorshift32: a fixed, seeded stream, so the rows (and the batch where each cell switches) are the same every run
  let state = 0x9e3779b9;
  const next = (): number => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  const rows = 3 * EXACT_CAP;
  const make = (weighted: boolean): { batch: EvaluationBatch; cellOf: Int32Array }[] =>
    [0, 1].map(() => ({
      batch: batchOf(rows, {
        yTrue: Array.from({ length: rows }, () => (next() < 0.4 ? 1 : 0)),
        yPred: Array.from({ length: rows }, () => (next() < 0.5 ? 1 : 0)),
        score: Array.from({ length: rows }, () => next()),
        weight: weighted ? Array.from({ length: rows }, () => 0.1 + 3 * next()) : undefined,
      }),
      cellOf: Int32Array.from({ length: rows }, () => (next() < 0.6 ? 0 : next() < 0.5 ? 1 : 2)),
    }));
  for (const weighted of [false, true]) {
    const batches = make(weighted);
    const grouped = run(updateBinaryCells, 3, batches);
    assert.equal(grouped.scores[0]?.exact, false, 'the largest cell was binned');
    assertSameBits(grouped, run(updateBinaryCellsRowwise, 3, batches));
  }
});
