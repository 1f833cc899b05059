import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EXACT_CAP, PENDING_ROWS, ScoreDistribution, type ScoreCurve } from '../../src/stats/rank/score-distribution.ts';

const bytes = (array: Float64Array): Buffer => Buffer.from(array.buffer, array.byteOffset, array.byteLength);

function assertSameCurve(actual: ScoreCurve, expected: ScoreCurve, what: string): void {
  assert.equal(actual.exact, expected.exact, `exactness ${what}`);
  for (const key of ['scores', 'pos', 'neg'] as const) assert.ok(bytes(actual[key]).equals(bytes(expected[key])), `${key} ${what}`);
}

test('addRun in runs of any length, across the pending buffer and the switch to bins, equals add() row by row bit for bit', () => {
  // xorshift32: a fixed, seeded stream
  let state = 0x2545f491;
  const next = (): number => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  const rows = 2 * PENDING_ROWS + 2 * EXACT_CAP + 777;
  const scores = Float64Array.from({ length: rows }, (_, row) => (row % 5 === 0 ? -0 : Math.round(next() * 4e5) / 4e5));
  const labels = Uint8Array.from({ length: rows }, () => (next() < 0.4 ? 1 : 0));
  const weights = Float64Array.from({ length: rows }, () => 0.1 + 3 * next());
  for (const weighted of [false, true]) {
    const byRow = new ScoreDistribution();
    const byRun = new ScoreDistribution();
    let at = 0;
    let runs = 0;
    while (at < rows) {
      const length = Math.min(rows - at, runs % 3 === 0 ? 1 + Math.floor(next() * 50_000) : 1 + Math.floor(next() * 3000));
      byRun.addRun(scores, labels, weighted ? weights : undefined, at, at + length);
      for (let row = at; row < at + length; row++) byRow.add(scores[row] as number, labels[row] as number, weighted ? (weights[row] as number) : 1);
      at += length;
      runs++;
      // Reads in between see every row added so far (each applies the pending rows first).
      if (runs % 7 === 0) assert.equal(byRun.exact, byRow.exact, `exactness after ${at} rows`);
      if (runs % 11 === 0) assertSameCurve(byRun.curve(), byRow.curve(), `after ${at} rows`);
    }
    assert.equal(byRow.exact, false, 'the rows switched the table to bins');
    assertSameCurve(byRun.curve(), byRow.curve(), weighted ? 'weighted' : 'unweighted');
    // add() and merge() after pending rows keep row order too.
    byRun.addRun(scores, labels, undefined, 0, 1000);
    for (let row = 0; row < 1000; row++) byRow.add(scores[row] as number, labels[row] as number, 1);
    byRun.add(0.5, 1, 2.5);
    byRow.add(0.5, 1, 2.5);
    const intoRun = new ScoreDistribution();
    const intoRow = new ScoreDistribution();
    intoRun.merge(byRun);
    intoRow.merge(byRow);
    assertSameCurve(intoRun.curve(), intoRow.curve(), 'merged');
  }
});

test('addRun rows still pending are merged from the source too', () => {
  const source = new ScoreDistribution();
  source.addRun(Float64Array.from([0.25, 0.5, 0.25]), Uint8Array.from([1, 0, 0]), undefined, 0, 3);
  const target = new ScoreDistribution();
  target.add(0.5, 1, 1);
  target.merge(source);
  const curve = target.curve();
  assert.deepEqual([...curve.scores], [0.25, 0.5]);
  assert.deepEqual([...curve.pos], [1, 1]);
  assert.deepEqual([...curve.neg], [1, 1]);
});

test('runs with and without weights alternating keep row order and each run its own weights', () => {
  const scores = Float64Array.from({ length: 400 }, (_, row) => ((row * 37) % 101) / 100);
  const labels = Uint8Array.from({ length: 400 }, (_, row) => (row % 3 === 0 ? 1 : 0));
  const weights = Float64Array.from({ length: 400 }, (_, row) => 0.5 + (row % 7) / 4);
  const byRun = new ScoreDistribution();
  const byRow = new ScoreDistribution();
  for (let at = 0, k = 0; at < 400; at += 25, k++) {
    const weighted = k % 3 !== 1;
    byRun.addRun(scores, labels, weighted ? weights : undefined, at, at + 25);
    for (let row = at; row < at + 25; row++) byRow.add(scores[row] as number, labels[row] as number, weighted ? (weights[row] as number) : 1);
  }
  assertSameCurve(byRun.curve(), byRow.curve(), 'alternating');
  // an unweighted run counts each row once, whatever weights came before
  const plain = new ScoreDistribution();
  plain.addRun(scores, labels, weights, 0, 10);
  plain.addRun(scores, labels, undefined, 10, 20);
  const curve = plain.curve();
  const total = [...curve.pos, ...curve.neg].reduce((sum, value) => sum + value, 0);
  const expected = [...weights.subarray(0, 10)].reduce((sum, value) => sum + value, 0) + 10;
  assert.ok(Math.abs(total - expected) < 1e-12, `${total} vs ${expected}`);
});
