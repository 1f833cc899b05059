import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BIN_COUNT, EXACT_CAP, ScoreDistribution } from '../../src/stats/rank/score-distribution.ts';

const MiB = 1 << 20;
const arrayBuffers = (): number => process.memoryUsage().arrayBuffers;

test('a growing exact table frees the arrays it outgrows at once', () => {
  const scores = new ScoreDistribution();
  const half = EXACT_CAP / 2;
  for (let i = 0; i < half; i++) scores.add(i / EXACT_CAP, i % 2, 1);
  const before = arrayBuffers();
  scores.add(0.75, 1, 1); // entry number EXACT_CAP / 2: keys, pos, neg and the index all double
  // new arrays: 3 · EXACT_CAP doubles + 2 · EXACT_CAP int32 = 2 MiB; freed: half that. Kept until a collection, the
  // outgrown ones would leave 2 MiB more allocated instead of 1.
  const grown = arrayBuffers() - before;
  assert.ok(grown <= 3 * 4 * EXACT_CAP + 4 * EXACT_CAP + 64 * 1024, `${(grown / MiB).toFixed(2)} MiB more after growing`);
  assert.equal(scores.curve().scores.length, half + 1);
});

test('switching to bins frees the exact table, and dispose frees the bins', () => {
  const scores = new ScoreDistribution();
  for (let i = 0; i < EXACT_CAP; i++) scores.add((i + 0.5) / (EXACT_CAP + 1), i % 2, 1);
  const exact = arrayBuffers();
  scores.add(1 - 0.25 / (EXACT_CAP + 1), 1, 1); // one distinct score too many
  assert.equal(scores.exact, false);
  // bins (2 · BIN_COUNT doubles = 1 MiB) replace the 2 MiB exact table: memory goes down, not up by 1 MiB
  assert.ok(arrayBuffers() - exact < 0, `${((arrayBuffers() - exact) / MiB).toFixed(2)} MiB more after binning`);
  const curve = scores.curve();
  assert.equal(curve.pos.reduce((a, b) => a + b, 0) + curve.neg.reduce((a, b) => a + b, 0), EXACT_CAP + 1);
  const binned = arrayBuffers();
  scores.dispose();
  assert.ok(binned - arrayBuffers() >= 2 * 8 * BIN_COUNT, 'the bins were freed');
  assert.ok(curve.scores.length > 0, 'a curve drawn before dispose stays valid');
});
