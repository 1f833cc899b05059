import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { BIN_COUNT, EXACT_CAP, ScoreDistribution } from '../../src/stats/rank/score-distribution.ts';

type Row = readonly [score: number, label: 0 | 1, weight: number];

/** The literal reference: per distinct score, the class sums, ascending. */
function reference(rows: readonly Row[]): { scores: number[]; pos: number[]; neg: number[] } {
  const byScore = new Map<number, [number, number]>();
  for (const [score, label, weight] of rows) {
    const sums = byScore.get(score + 0) ?? [0, 0];
    sums[label === 1 ? 0 : 1] += weight;
    byScore.set(score + 0, sums);
  }
  const scores = [...byScore.keys()].sort((a, b) => a - b);
  return { scores, pos: scores.map((s) => byScore.get(s)?.[0] ?? 0), neg: scores.map((s) => byScore.get(s)?.[1] ?? 0) };
}

const row = fc.tuple(
  fc.oneof(fc.integer({ min: 0, max: 50 }).map((k) => k / 50), fc.double({ min: -2, max: 2, noNaN: true })),
  fc.constantFrom<0 | 1>(0, 1),
  fc.integer({ min: 0, max: 5 }),
);

test('exact curve: distinct scores ascending with their class sums, however the rows are split and merged', () => {
  fc.assert(
    fc.property(fc.array(row, { maxLength: 300 }), fc.nat(), (rows, cut) => {
      const at = rows.length === 0 ? 0 : cut % (rows.length + 1);
      const left = new ScoreDistribution();
      const right = new ScoreDistribution();
      rows.forEach(([score, label, weight], index) => (index < at ? left : right).add(score, label, weight));
      left.merge(right);
      const curve = left.curve();
      const expected = reference(rows);
      assert.equal(curve.exact, true);
      assert.deepEqual([...curve.scores], expected.scores);
      assert.deepEqual([...curve.pos], expected.pos);
      assert.deepEqual([...curve.neg], expected.neg);
    }),
  );
});

test('past EXACT_CAP distinct scores the curve is binned, and a merge of binned parts equals one pass', () => {
  const distinct = EXACT_CAP + 10;
  const score = (i: number): number => (i * 7919) % distinct / distinct;
  const whole = new ScoreDistribution();
  const a = new ScoreDistribution();
  const b = new ScoreDistribution();
  for (let i = 0; i < distinct; i++) {
    const label = i % 3 === 0 ? 1 : 0;
    whole.add(score(i), label, 1);
    (i < distinct / 2 ? a : b).add(score(i), label, 1);
  }
  assert.equal(whole.exact, false);
  a.merge(b);
  const [one, merged] = [whole.curve(), a.curve()];
  assert.equal(merged.exact, false);
  assert.deepEqual([...merged.scores], [...one.scores]);
  assert.deepEqual([...merged.pos], [...one.pos]);
  assert.deepEqual([...merged.neg], [...one.neg]);
  const total = [...one.pos, ...one.neg].reduce((sum, w) => sum + w, 0);
  assert.equal(total, distinct);
  assert.ok(one.scores.every((s) => Number.isInteger(s * BIN_COUNT)));
});
