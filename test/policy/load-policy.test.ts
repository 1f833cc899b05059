import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { digestOf } from '../../src/core/index.ts';
import { loadPolicy, validatePolicyFile } from '../../src/policy/index.ts';
import { header, lines, policyOf, rejectsWith, tempFile } from './helpers.ts';

const example = lines(
  ...header, //                                        1-3
  'extends: [steward:four-fifths]', //                 4
  'model: credit-scoring', //                          5
  'data:', //                                          6
  '  y_true: default', //                              7
  '  score: score', //                                 8
  '  threshold: 0.5', //                               9
  '  sensitive: [race, sex]', //                       10
  '  positive_label: 1', //                            11
  'settings:', //                                      12
  '  min_group_size: 50', //                           13
  '  fail_on: interval', //                            14
  'rules:', //                                         15
  '  - id: recall-floor', //                           16
  '    metric: recall', //                             17
  '    min: 0.6', //                                   18
  '  - id: tpr-gap', //                                19
  '    severity: warn', //                             20
  '    metric: equal_opportunity_difference', //      21
  '    sensitive: [race, "sex&race"]', //              22
  '    max: 0.1', //                                   23
);

test('a valid policy loads with defaults applied, packs merged first and a digest of its bytes', async () => {
  const file = await tempFile(example);
  const policy = await loadPolicy(file);
  assert.equal(policy.name, 'test-policy');
  assert.equal(policy.file, file);
  assert.equal(policy.digest, digestOf(await readFile(file)));
  assert.equal(policy.model, 'credit-scoring');
  assert.deepEqual(policy.data, { task: 'binary', yTrue: 'default', score: 'score', threshold: 0.5, sensitive: ['race', 'sex'], positiveLabel: '1' });
  assert.deepEqual(policy.settings, {
    minGroupSize: 50,
    confidence: 0.95,
    failOn: 'interval',
    insufficientEvidence: 'warn',
    seed: 0,
    bootstrapSamples: 1000,
    intersections: true,
    referenceGroups: {},
  });
  assert.deepEqual(policy.rules.map((rule) => [rule.id, rule.kind, rule.origin]), [
    ['four-fifths.disparate-impact', 'disparity', 'steward:four-fifths'],
    ['recall-floor', 'metric', 'policy'],
    ['tpr-gap', 'disparity', 'policy'],
  ]);
});

test('each rule is located at its "- id" item; pack rules at their extends entry', () => {
  const policy = policyOf(example);
  const where = policy.rules.map((rule) => [rule.location.line, rule.location.column]);
  assert.deepEqual(where, [[4, 11], [16, 5], [19, 5]]);
});

test('groupings default to each declared column alone; listed intersections are put in policy order', () => {
  const policy = policyOf(example);
  const [pack, , gap] = policy.rules;
  assert.ok(pack?.kind === 'disparity' && gap?.kind === 'disparity');
  assert.deepEqual(pack.groupings, [['race'], ['sex']]);
  assert.deepEqual(gap.groupings, [['race'], ['race', 'sex']]);
  assert.equal(gap.severity, 'warn');
  assert.equal(gap.aggregation, 'between_groups');
});

test('loadPolicy of a missing file is INPUT_FILE_NOT_FOUND', async () => {
  await rejectsWith(loadPolicy('no/such/policy.yaml'), 'INPUT_FILE_NOT_FOUND');
});

test('loadPolicy throws the first problem with its line and column', async () => {
  const file = await tempFile(lines(...header, 'rules:', '  - id: a', '    metric: recal', '    min: 0.5'));
  const problem = await rejectsWith(loadPolicy(file), 'POLICY_UNKNOWN_METRIC');
  assert.deepEqual([problem.location?.file, problem.location?.line, problem.location?.column], [file, 6, 13]);
  assert.equal(problem.hint, 'did you mean "recall"?');
});

test('validatePolicyFile collects every problem instead of stopping at the first', async () => {
  const file = await tempFile(
    lines(...header, 'extends: [steward:nope]', 'data: { sensitive: [race] }', 'rules:', '  - id: a', '    metric: recal', '    min: 0.5', '  - id: a', '    metric: recall', '    sensitive: [rase]', '    scope: every_group', '    min: 0.5'),
  );
  const problems = await validatePolicyFile(file);
  assert.deepEqual(
    problems.map((p) => [p.code, p.location?.line]),
    [['POLICY_UNKNOWN_PACK', 4], ['POLICY_UNKNOWN_METRIC', 8], ['POLICY_DUPLICATE_RULE', 10], ['POLICY_UNKNOWN_COLUMN', 12]],
  );
  const fixed = await tempFile(lines(...header, 'data: { sensitive: [race] }', 'rules:', '  - id: a', '    metric: recall', '    min: 0.5', '  - id: a', '    metric: recall', '    min: 0.5'));
  assert.deepEqual((await validatePolicyFile(fixed)).map((p) => [p.code, p.location?.line, p.location?.column]), [['POLICY_DUPLICATE_RULE', 9, 5]]);
});

test('validatePolicyFile reports an unreadable file as a problem, and a valid policy as no problem', async () => {
  assert.deepEqual((await validatePolicyFile('no/such.yaml')).map((p) => p.code), ['INPUT_FILE_NOT_FOUND']);
  assert.deepEqual(await validatePolicyFile(await tempFile(example)), []);
});
