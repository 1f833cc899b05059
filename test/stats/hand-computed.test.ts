import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeMetrics } from '../../src/stats/index.ts';
import { close, profileOf } from './helpers.ts';
import type { Row } from './reference/rows.ts';

const row = (yTrue: number, yPred: number, score: number, sex: string | null): Row => ({ yTrue, yPred, score, weight: 1, groups: [sex] });

/*
 * sex=f: (y, ŷ, p) = (1,1,.9) (1,0,.4) (0,0,.2) (0,1,.6) (1,1,.8) (0,0,.1) → TP 2, FN 1, FP 1, TN 2
 * sex=m: (1,1,.7) (0,1,.55) (1,0,.3) (1,1,.95) (0,0,.05)              → TP 2, FN 1, FP 1, TN 1
 * missing sex: (0,0,.2)                                                  → TN 1
 */
const ROWS: Row[] = [
  row(1, 1, 0.9, 'f'), row(1, 0, 0.4, 'f'), row(0, 0, 0.2, 'f'), row(0, 1, 0.6, 'f'), row(1, 1, 0.8, 'f'), row(0, 0, 0.1, 'f'),
  row(1, 1, 0.7, 'm'), row(0, 1, 0.55, 'm'), row(1, 0, 0.3, 'm'), row(1, 1, 0.95, 'm'), row(0, 0, 0.05, 'm'),
  row(0, 0, 0.2, null),
];
const OPTIONS = { confidence: 0.95, minGroupSize: 2, seed: 3, bootstrapSamples: 200, intersections: false };

test('slice metrics of a tiny example equal the hand-computed values', () => {
  const section = computeMetrics(profileOf(ROWS, ['sex']), OPTIONS);
  const f = section.groups.find((g) => g.key === 'sex=f');
  assert.ok(f);
  const expected: Record<string, number> = {
    selection_rate: 3 / 6, // (TP + FP) / N = 3/6
    accuracy: 4 / 6, // (TP + TN) / N
    precision: 2 / 3, // TP / (TP + FP)
    true_positive_rate: 2 / 3, // TP / (TP + FN)
    false_positive_rate: 1 / 3, // FP / (FP + TN)
    f1: 2 / 3, // 2·2 / (2·2 + 1 + 1)
    balanced_accuracy: 2 / 3, // (2/3 + 2/3) / 2
    // positives {.9,.4,.8} vs negatives {.2,.6,.1}: .9 beats 3, .4 beats 2, .8 beats 3 → 8 of 9 pairs
    roc_auc: 8 / 9,
    // descending .9P .8P .6N .4P: recall steps 1/3 at precision 1, 1/3 at 1, 1/3 at 3/4 → 11/12
    average_precision: 11 / 12,
    // (.01 + .36 + .04 + .36 + .04 + .01) / 6
    brier_score: 0.82 / 6,
    // mean p = 3/6 = .5, base rate .5 → 0
    calibration_in_the_large: 0,
  };
  for (const [metric, value] of Object.entries(expected)) {
    assert.ok(close(f.metrics[metric]?.value, value), `${metric}: ${f.metrics[metric]?.value} ≠ ${value}`);
  }
  // m: positives {.7,.3,.95} vs negatives {.55,.05}: 2 + 1 + 2 = 5 of 6 pairs
  assert.ok(close(section.groups.find((g) => g.key === 'sex=m')?.metrics['roc_auc']?.value, 5 / 6));
  // the missing group: no predicted positives, no actual positives → TPR 0 by the zero-denominator rule
  const missing = section.groups.find((g) => g.key === 'sex=(missing)');
  assert.equal(missing?.metrics['true_positive_rate']?.value, 0);
  assert.deepEqual(section.groups.map((g) => g.key), ['sex=f', 'sex=m', 'sex=(missing)']);
});

test('disparities of the tiny example equal the hand-computed values and leave out the group below min_group_size', () => {
  const section = computeMetrics(profileOf(ROWS, ['sex']), OPTIONS);
  const find = (metric: string, aggregation: string) => section.disparities.find((d) => d.metric === metric && d.aggregation === aggregation);
  // selection rates: f .5, m .6, overall 6/12 = .5; (missing) has 1 row < 2 → excluded
  assert.ok(close(find('demographic_parity_difference', 'between_groups')?.value, 0.1)); // .6 − .5
  assert.ok(close(find('demographic_parity_ratio', 'between_groups')?.value, 5 / 6)); // .5 / .6
  assert.ok(close(find('demographic_parity_difference', 'to_overall')?.value, 0.1)); // max(|.5−.5|, |.6−.5|)
  assert.ok(close(find('demographic_parity_ratio', 'to_overall')?.value, 5 / 6)); // min(1, .5/.6)
  // TPR 2/3 vs 2/3 (gap 0); FPR 1/3 vs 1/2 (gap 1/6, ratio 2/3) → equalized odds takes the worse
  assert.ok(close(find('equalized_odds_difference', 'between_groups')?.value, 1 / 6));
  assert.ok(close(find('equalized_odds_ratio', 'between_groups')?.value, 2 / 3));
  assert.ok(close(find('equal_opportunity_difference', 'between_groups')?.value, 0));
  // reference = highest selection rate (m): f/m = .5/.6
  assert.ok(close(find('disparate_impact', 'between_groups')?.value, 5 / 6));
  assert.deepEqual(find('demographic_parity_difference', 'between_groups')?.excluded, ['sex=(missing)']);
  assert.deepEqual(find('demographic_parity_difference', 'between_groups')?.extremes, ['sex=f', 'sex=m']);
});

test('disparate impact uses the configured reference group and is not folded', () => {
  const section = computeMetrics(profileOf(ROWS, ['sex']), { ...OPTIONS, referenceGroups: { sex: 'f' } });
  const di = section.disparities.find((d) => d.metric === 'disparate_impact' && d.aggregation === 'between_groups');
  assert.ok(close(di?.value, 1.2)); // m / f = .6 / .5
  assert.deepEqual(di?.extremes, ['sex=m', 'sex=f']);
});

test('a grouping with fewer than two groups taking part has a null disparity', () => {
  const section = computeMetrics(profileOf(ROWS, ['sex']), { ...OPTIONS, minGroupSize: 6 });
  const dp = section.disparities.find((d) => d.metric === 'demographic_parity_difference');
  assert.equal(dp?.value, null);
  assert.equal(dp?.interval, undefined);
  assert.deepEqual(dp?.excluded, ['sex=m', 'sex=(missing)']);
});

test('rows with a missing y_true or y_pred are counted per slice and left out of the denominators', () => {
  const rows = [...ROWS, row(Number.NaN, 1, 0.5, 'f'), row(1, Number.NaN, 0.5, 'f')];
  const f = computeMetrics(profileOf(rows, ['sex']), OPTIONS).groups.find((g) => g.key === 'sex=f');
  assert.equal(f?.rows, 8);
  assert.equal(f?.metrics['missing_y_true']?.value, 1);
  assert.equal(f?.metrics['missing_y_pred']?.value, 1);
  assert.ok(close(f?.metrics['selection_rate']?.value, 3 / 6));
  assert.equal(f?.metrics['selection_rate']?.n, 6);
});

test('regression metrics of a tiny example equal the hand-computed values, including R² of a constant target', () => {
  const reg = (yTrue: number, yPred: number): Row => ({ yTrue, yPred, score: Number.NaN, weight: 1, groups: [] });
  // y = 1,2,3,4; ŷ = 1,3,2,4; e = 0,−1,1,0; ȳ = 2.5; SS_tot = 2.25+.25+.25+2.25 = 5; SS_res = 2
  const m = computeMetrics(profileOf([reg(1, 1), reg(2, 3), reg(3, 2), reg(4, 4)], [], 'regression'), OPTIONS).overall.metrics;
  assert.ok(close(m['mean_absolute_error']?.value, 0.5));
  assert.ok(close(m['root_mean_squared_error']?.value, Math.sqrt(0.5)));
  assert.ok(close(m['r2']?.value, 0.6)); // 1 − 2/5
  assert.ok(close(m['mean_absolute_percentage_error']?.value, (1 / 2 + 1 / 3) / 4));
  const perfect = computeMetrics(profileOf([reg(2, 2), reg(2, 2)], [], 'regression'), OPTIONS).overall.metrics;
  const imperfect = computeMetrics(profileOf([reg(2, 2), reg(2, 3)], [], 'regression'), OPTIONS).overall.metrics;
  assert.equal(perfect['r2']?.value, 1); // SS_tot = 0 and SS_res = 0
  assert.equal(imperfect['r2']?.value, 0); // SS_tot = 0, SS_res > 0
});
