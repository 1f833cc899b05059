import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluatePolicy, sectionFromFixture } from '../../src/policy/index.ts';
import type { FixtureMetrics } from '../../src/policy/fixtures.ts';
import { header, lines, policyOf } from './helpers.ts';

const now = new Date('2026-01-01T00:00:00Z');
const run = (settings: string[], rules: string[], fixture: FixtureMetrics) =>
  evaluatePolicy(policyOf(lines(...header, 'data: { sensitive: [race, sex] }', 'settings:', '  min_group_size: 30', ...settings, 'rules:', ...rules)), {
    metrics: sectionFromFixture(fixture),
    waivers: [],
    now,
  });

const recallFloor = ['  - id: recall-floor', '    metric: recall', '    min: 0.6'];

test('an overall metric rule passes at or above its minimum and fails below it', () => {
  const [pass] = run([], recallFloor, { overall: { rows: 100, recall: 0.6 } });
  assert.equal(pass?.status, 'pass');
  const [failed] = run([], recallFloor, { overall: { rows: 100, recall: 0.55 } });
  assert.equal(failed?.status, 'fail');
  assert.equal(failed?.value, 0.55);
  assert.deepEqual(failed?.bound, { min: 0.6 });
  assert.equal(failed?.message, 'recall is 0.55, below the minimum 0.6');
  assert.equal(failed?.formula, 'TP / (TP + FN), the true positive rate');
});

test('a failed warn or info rule is warn, not fail', () => {
  for (const severity of ['warn', 'info']) {
    const [finding] = run([], [...recallFloor, `    severity: ${severity}`], { overall: { recall: 0.1 } });
    assert.equal(finding?.status, 'warn');
    assert.equal(finding?.severity, severity);
  }
});

test('fail_on interval fails only when the whole interval lies beyond the bound', () => {
  const overlapping = { overall: { recall: { value: 0.55, n: 80, interval: [0.45, 0.65] as [number, number] } } };
  const beyond = { overall: { recall: { value: 0.5, n: 80, interval: [0.42, 0.58] as [number, number] } } };
  assert.equal(run([], recallFloor, overlapping)[0]?.status, 'fail');
  assert.equal(run(['  fail_on: interval'], recallFloor, overlapping)[0]?.status, 'pass');
  assert.equal(run(['  fail_on: interval'], recallFloor, beyond)[0]?.status, 'fail');
  const max = ['  - id: fpr', '    metric: false_positive_rate', '    max: 0.1'];
  assert.equal(run(['  fail_on: interval'], max, { overall: { false_positive_rate: { value: 0.12, interval: [0.09, 0.15] } } })[0]?.status, 'pass');
  assert.equal(run(['  fail_on: interval'], max, { overall: { false_positive_rate: { value: 0.12, interval: [0.11, 0.15] } } })[0]?.status, 'fail');
  // Without an interval the point decides.
  assert.equal(run(['  fail_on: interval'], recallFloor, { overall: { recall: 0.55 } })[0]?.status, 'fail');
});

test('scope every_group gives one finding per group; a small group is insufficient evidence, not skipped', () => {
  const findings = run([], ['  - id: recall-groups', '    metric: recall', '    scope: every_group', '    sensitive: [race]', '    min: 0.6'], {
    groups: [
      { key: 'race=a', rows: 200, recall: 0.7 },
      { key: 'race=b', rows: 150, recall: 0.5 },
      { key: 'race=c', rows: 12, recall: 0.2 },
      { key: 'sex=f', rows: 300, recall: 0.1 },
    ],
  });
  assert.deepEqual(findings.map((f) => [f.group, f.status]), [['race=a', 'pass'], ['race=b', 'fail'], ['race=c', 'insufficient_evidence']]);
  assert.equal(findings[2]?.value, 0.2);
  assert.match(findings[2]?.message ?? '', /12 rows, fewer than min_group_size 30/);
});

test('a metric that is undefined for the slice is insufficient evidence', () => {
  const [finding] = run([], ['  - id: auc', '    metric: roc_auc', '    min: 0.7'], { overall: { roc_auc: null } });
  assert.equal(finding?.status, 'insufficient_evidence');
  assert.equal(finding?.value, null);
});

const fourFifths = ['  - id: di', '    metric: disparate_impact', '    sensitive: [race]', '    min: 0.8', '    max: 1.25'];

test('a disparity rule fails outside its band with a sentence naming the groups', () => {
  const [finding] = run([], fourFifths, {
    groups: [{ key: 'race=white', rows: 400, selection_rate: 0.5 }, { key: 'race=black', rows: 200, selection_rate: 0.305 }],
    disparities: [{ metric: 'disparate_impact', grouping: 'race', value: 0.61, extremes: ['race=black', 'race=white'] }],
  });
  assert.equal(finding?.status, 'fail');
  assert.equal(finding?.message, 'selection rate of race=black is 0.61× that of race=white, below the four-fifths band 0.8–1.25');
  assert.deepEqual(finding?.grouping, ['race']);
  assert.deepEqual(finding?.evidence?.group_sizes, { 'race=white': 400, 'race=black': 200 });
  assert.equal(finding?.n, 600);
});

test('a disparity with excluded small groups still decides on the rest and lists the exclusions', () => {
  const [finding] = run([], fourFifths, {
    groups: [{ key: 'race=white', rows: 400 }, { key: 'race=black', rows: 200 }, { key: 'race=other', rows: 9 }],
    disparities: [{ metric: 'disparate_impact', grouping: 'race', value: 0.9, extremes: ['race=black', 'race=white'], excluded: ['race=other'] }],
  });
  assert.equal(finding?.status, 'pass');
  assert.deepEqual(finding?.evidence?.excluded, ['race=other']);
  assert.match(finding?.message ?? '', /race=other left out as smaller than 30 rows/);
});

test('a disparity is insufficient evidence when fewer than two groups remain, or it was not computed', () => {
  const [few] = run([], fourFifths, {
    groups: [{ key: 'race=white', rows: 400 }, { key: 'race=other', rows: 9 }],
    disparities: [{ metric: 'disparate_impact', grouping: 'race', value: null, excluded: ['race=other'] }],
  });
  assert.equal(few?.status, 'insufficient_evidence');
  assert.equal(few?.value, null);
  const [missing] = run([], fourFifths, { groups: [] });
  assert.equal(missing?.status, 'insufficient_evidence');
  assert.match(missing?.message ?? '', /not computed/);
});

test('a difference disparity reads as a gap between its extreme groups', () => {
  const [finding] = run([], ['  - id: gap', '    metric: equal_opportunity_difference', '    aggregation: to_overall', '    sensitive: ["race&sex"]', '    max: 0.1'], {
    groups: [{ key: 'race=a&sex=f', rows: 100 }, { key: 'race=b&sex=m', rows: 100 }],
    disparities: [{ metric: 'equal_opportunity_difference', grouping: 'race&sex', aggregation: 'to_overall', value: 0.15, extremes: ['race=b&sex=m'] }],
  });
  assert.equal(finding?.status, 'fail');
  assert.equal(finding?.message, 'true positive rate of race=b&sex=m differs from overall by 0.15, above the maximum 0.1');
});
