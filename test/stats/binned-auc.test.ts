import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BIN_COUNT, EXACT_CAP, computeMetrics } from '../../src/stats/index.ts';
import { profileOf } from './helpers.ts';
import { referenceAuc, type Row } from './reference/rows.ts';
import { createRandom } from '../../src/stats/random.ts';

test('past the exact cap the AUC is binned, says so, and is within its reported bound of the exact value', () => {
  const random = createRandom(77);
  const rows: Row[] = [];
  for (let i = 0; i < EXACT_CAP + 5000; i++) {
    const score = random.nextDouble();
    rows.push({ yTrue: random.nextDouble() < score ? 1 : 0, yPred: score > 0.5 ? 1 : 0, score, weight: 1, groups: [] });
  }
  // a block of scores packed into one bin: the bound must cover the ties binning creates
  for (let i = 0; i < 2000; i++) rows.push({ yTrue: i % 2, yPred: 1, score: 0.5 + (i / 2000) / BIN_COUNT, weight: 1, groups: [] });
  const auc = computeMetrics(profileOf(rows, []), { confidence: 0.95, minGroupSize: 1, seed: 1, bootstrapSamples: 0, intersections: false }).overall.metrics['roc_auc'];
  const exact = referenceAuc(rows);
  assert.ok(auc && auc.value !== null && exact !== null);
  assert.equal(auc.exact, false);
  assert.ok(auc.errorBound !== undefined && auc.errorBound > 0);
  assert.ok(Math.abs(auc.value - exact) <= auc.errorBound, `|${auc.value} − ${exact}| > ${auc.errorBound}`);
  assert.equal(auc.interval?.method, 'delong');
});

test('below the exact cap the AUC is exact and carries no bound', () => {
  const rows: Row[] = Array.from({ length: 100 }, (_, i) => ({ yTrue: i % 3 === 0 ? 1 : 0, yPred: 0, score: (i % 17) / 17, weight: 1, groups: [] }));
  const auc = computeMetrics(profileOf(rows, []), { confidence: 0.95, minGroupSize: 1, seed: 1, bootstrapSamples: 0, intersections: false }).overall.metrics['roc_auc'];
  assert.equal(auc?.exact, undefined);
  assert.equal(auc?.errorBound, undefined);
});
