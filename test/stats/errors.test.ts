import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isStewardError } from '../../src/core/index.ts';
import { computeMetrics } from '../../src/stats/index.ts';
import { profileOf } from './helpers.ts';
import type { Row } from './reference/rows.ts';

const rows: Row[] = [
  { yTrue: 1, yPred: 1, score: 0.9, weight: 1, groups: ['female'] },
  { yTrue: 0, yPred: 1, score: 0.6, weight: 1, groups: ['male'] },
];
const OPTIONS = { confidence: 0.95, minGroupSize: 1, seed: 1, bootstrapSamples: 10, intersections: false };

const code = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    return isStewardError(error) ? `${error.code} ${error.problem.hint ?? ''}`.trim() : 'not a StewardError';
  }
  return undefined;
};

test('a reference group on an unknown column is rejected with a suggestion', () => {
  assert.equal(code(() => computeMetrics(profileOf(rows, ['sex']), { ...OPTIONS, referenceGroups: { sexx: 'male' } })), 'STATS_UNKNOWN_REFERENCE_COLUMN did you mean "sex"?');
});

test('a reference value absent from the data is rejected with a suggestion', () => {
  assert.equal(code(() => computeMetrics(profileOf(rows, ['sex']), { ...OPTIONS, referenceGroups: { sex: 'mail' } })), 'STATS_UNKNOWN_REFERENCE_GROUP did you mean "male"?');
});

test('out-of-range settings are rejected with STATS_INVALID_OPTION', () => {
  assert.equal(code(() => computeMetrics(profileOf(rows, ['sex']), { ...OPTIONS, confidence: 1 })), 'STATS_INVALID_OPTION');
  assert.equal(code(() => computeMetrics(profileOf(rows, ['sex']), { ...OPTIONS, bootstrapSamples: -1 })), 'STATS_INVALID_OPTION');
  assert.equal(code(() => computeMetrics(profileOf(rows, ['sex']), { ...OPTIONS, minGroupSize: 1.5 })), 'STATS_INVALID_OPTION');
});
