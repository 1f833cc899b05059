import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compareImportance, kendallTauB, spearman, topKOverlap } from '../../../src/stats/explain/index.ts';
import { StewardError } from '../../../src/core/index.ts';
import { near } from './helpers.ts';
import { referenceKendall, referenceSpearman, referenceTopK } from './reference/ranking.ts';

test('hand-computed Spearman and Kendall tau-b with a tie', () => {
  // ranks of a: 1, 2.5, 2.5, 4; of b: 1, 3, 2, 4 → ρ = 4.5 / √(4.5 · 5) = 3 / √10
  assert.ok(near(spearman([1, 2, 2, 3], [1, 3, 2, 4]), 3 / Math.sqrt(10)));
  // 6 pairs: 5 concordant, 1 tied in a → τ_b = 5 / √((6 − 1)(6 − 0))
  assert.ok(near(kendallTauB([1, 2, 2, 3], [1, 3, 2, 4]), 5 / Math.sqrt(30)));
  assert.equal(spearman([1, 2, 3], [3, 2, 1]), -1);
  assert.equal(kendallTauB([1, 2, 3], [3, 2, 1]), -1);
});

test('rank correlations are null when one side ranks every feature equal', () => {
  assert.equal(spearman([1, 1, 1], [1, 2, 3]), null);
  assert.equal(kendallTauB([1, 2, 3], [5, 5, 5]), null);
  assert.equal(spearman([1], [1]), null);
});

test('hand-computed top-k overlap, with k clipped to the feature count', () => {
  assert.equal(topKOverlap([5, 4, 3, 2, 1], [1, 2, 3, 4, 5], 2), 0);
  assert.equal(topKOverlap([5, 4, 3, 2, 1], [1, 2, 3, 4, 5], 3), 1 / 3);
  assert.equal(topKOverlap([1, 2], [2, 1], 10), 1);
  assert.equal(topKOverlap([], [], 3), null);
  assert.throws(() => topKOverlap([1], [1], 0), (error: unknown) => error instanceof StewardError && error.code === 'STATS_INVALID_OPTION');
});

const vectors = fc.integer({ min: 0, max: 12 }).chain((n) =>
  fc.tuple(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: n, maxLength: n }), fc.array(fc.integer({ min: 0, max: 5 }), { minLength: n, maxLength: n })),
);

test('Spearman, Kendall tau-b and top-k agree with the literal references, ties included', () => {
  fc.assert(
    fc.property(vectors, fc.integer({ min: 1, max: 6 }), ([a, b], k) => {
      assert.ok(near(spearman(a, b), referenceSpearman(a, b)));
      assert.ok(near(kendallTauB(a, b), referenceKendall(a, b)));
      const kept = Math.min(k, a.length);
      const expected = kept === 0 ? null : referenceTopK(a, kept).filter((i) => referenceTopK(b, kept).includes(i)).length / kept;
      assert.equal(topKOverlap(a, b, k), expected);
    }),
    { numRuns: 300 },
  );
});

test('comparing importance by name treats a feature missing on one side as importance 0', () => {
  const current = new Map([['income', 0.5], ['age', 0.3], ['zip', 0.1]]);
  const baseline = new Map([['income', 0.4], ['age', 0.35], ['tenure', 0.2]]);
  const stability = compareImportance(current, baseline, 2);
  assert.deepEqual(stability.features, ['income', 'age', 'zip', 'tenure']);
  assert.deepEqual(stability.onlyCurrent, ['zip']);
  assert.deepEqual(stability.onlyBaseline, ['tenure']);
  assert.equal(stability.topKOverlap, 1);
  assert.ok(near(stability.spearman, spearman([0.5, 0.3, 0.1, 0], [0.4, 0.35, 0, 0.2])));
});
