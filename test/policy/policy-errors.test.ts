import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isStewardError } from '../../src/core/index.ts';
import { analyze, header, lines, onlyProblem } from './helpers.ts';

const rule = (...fields: string[]) => lines(...header, 'data: { sensitive: [race, sex] }', 'rules:', ...fields);

test('a YAML syntax error is POLICY_YAML_SYNTAX at its line and column', () => {
  const at = (text: string) => {
    try {
      analyze(text);
    } catch (error) {
      assert.ok(isStewardError(error));
      assert.equal(error.code, 'POLICY_YAML_SYNTAX');
      return [error.problem.location?.line, error.problem.location?.column];
    }
    assert.fail('no syntax error');
  };
  assert.deepEqual(at(lines(...header, 'data: {sensitive: [race}')), [4, 24]);
  assert.deepEqual(at(lines(...header, 'model: a', 'model: b')), [5, 1]);
});

test('an unknown field is POLICY_INVALID_FIELD at the key, with the closest field suggested', () => {
  const problem = onlyProblem(rule('  - id: a', '    metric: recall', '    mins: 0.5'), 'POLICY_INVALID_FIELD', 8, 5);
  assert.equal(problem.hint, 'did you mean "min"?');
  assert.equal(problem.location?.path, 'rules[0].mins');
});

test('an unknown top-level field is located and suggested too', () => {
  const problem = onlyProblem(lines(...header, 'setings: {}'), 'POLICY_INVALID_FIELD', 4, 1);
  assert.equal(problem.hint, 'did you mean "settings"?');
});

test('a value of the wrong type names the expected type at the value', () => {
  const problem = onlyProblem(rule('  - id: a', '    metric: recall', '    min: high'), 'POLICY_INVALID_FIELD', 8, 10);
  assert.equal(problem.expected, 'number');
});

test('a missing mandatory field is reported at the map that lacks it', () => {
  const problem = onlyProblem(rule('  - metric: recall', '    min: 0.5'), 'POLICY_INVALID_FIELD', 6, 5);
  assert.match(problem.message, /missing field "id"/);
});

test('an enum value outside its options lists the options', () => {
  const problem = onlyProblem(lines(...header, 'settings:', '  fail_on: always'), 'POLICY_INVALID_FIELD', 5, 12);
  assert.equal(problem.expected, 'one of: "point", "interval"');
});

test('a rule id outside [a-z0-9][a-z0-9-_.]* is rejected', () => {
  onlyProblem(rule('  - id: Recall Floor', '    metric: recall', '    min: 0.5'), 'POLICY_INVALID_FIELD', 6, 9);
});

test('a rule must have exactly one of metric, baseline, documentation, expression', () => {
  const none = onlyProblem(rule('  - id: a', '    min: 0.5'), 'POLICY_INVALID_FIELD', 6, 5);
  assert.match(none.message, /no requirement/);
  const both = onlyProblem(rule('  - id: a', '    metric: recall', '    min: 0.5', '    expression: "true"'), 'POLICY_INVALID_FIELD', 6, 5);
  assert.match(both.message, /mixes metric and expression/);
});

test('a metric rule needs a bound, and min may not exceed max', () => {
  onlyProblem(rule('  - id: a', '    metric: recall'), 'POLICY_INVALID_FIELD', 6, 5);
  onlyProblem(rule('  - id: a', '    metric: recall', '    min: 0.9', '    max: 0.5'), 'POLICY_INVALID_FIELD', 8, 10);
});

test('aggregation belongs to disparity rules and scope to slice-metric rules', () => {
  onlyProblem(rule('  - id: a', '    metric: recall', '    aggregation: to_overall', '    min: 0.5'), 'POLICY_INVALID_FIELD', 8, 18);
  onlyProblem(rule('  - id: a', '    metric: demographic_parity_ratio', '    scope: every_group', '    min: 0.8'), 'POLICY_INVALID_FIELD', 8, 12);
  onlyProblem(rule('  - id: a', '    expression: "true"', '    min: 0.8'), 'POLICY_INVALID_FIELD', 8, 10);
});

test('data.threshold without data.score is rejected at the threshold', () => {
  onlyProblem(lines(...header, 'data:', '  threshold: 0.5'), 'POLICY_INVALID_FIELD', 5, 14);
});

test('an intersection is refused when settings.intersections is false', () => {
  const text = lines(...header, 'data: { sensitive: [race, sex] }', 'settings: { intersections: false }', 'rules:', '  - id: a', '    metric: demographic_parity_ratio', '    sensitive: [race, race&sex]', '    min: 0.8');
  onlyProblem(text, 'POLICY_INVALID_FIELD', 9, 23);
});

test('a group rule needs declared sensitive columns', () => {
  onlyProblem(lines(...header, 'rules:', '  - id: a', '    metric: demographic_parity_ratio', '    min: 0.8'), 'POLICY_INVALID_FIELD', 5, 5);
});

test('an unknown metric is POLICY_UNKNOWN_METRIC with the closest name', () => {
  const problem = onlyProblem(rule('  - id: a', '    metric: demographic_parity_ration', '    min: 0.8'), 'POLICY_UNKNOWN_METRIC', 7, 13);
  assert.equal(problem.hint, 'did you mean "demographic_parity_ratio"?');
  const baseline = onlyProblem(rule('  - id: a', '    baseline: { metric: rocauc, max_drop: 0.1 }'), 'POLICY_UNKNOWN_METRIC', 7, 25);
  assert.equal(baseline.hint, 'did you mean "roc_auc"?');
});

test('a metric of the other task is POLICY_UNKNOWN_METRIC', () => {
  const problem = onlyProblem(rule('  - id: a', '    metric: r2', '    min: 0.5'), 'POLICY_UNKNOWN_METRIC', 7, 13);
  assert.match(problem.message, /regression tasks, but data.task is binary/);
});

test('a sensitive column the policy does not declare is POLICY_UNKNOWN_COLUMN with a suggestion', () => {
  const problem = onlyProblem(rule('  - id: a', '    metric: demographic_parity_ratio', '    sensitive: [race, "sex&rac"]', '    min: 0.8'), 'POLICY_UNKNOWN_COLUMN', 8, 23);
  assert.equal(problem.hint, 'did you mean "race"?');
  onlyProblem(lines(...header, 'data: { sensitive: [race] }', 'settings:', '  reference_groups: { rac: white }'), 'POLICY_UNKNOWN_COLUMN', 6, 23);
});

test('an unknown pack is POLICY_UNKNOWN_PACK at its extends entry', () => {
  const problem = onlyProblem(lines(...header, 'extends:', '  - steward:four-fiths'), 'POLICY_UNKNOWN_PACK', 5, 5);
  assert.equal(problem.hint, 'did you mean "steward:four-fifths"?');
});

test('a policy rule reusing a pack rule id is POLICY_DUPLICATE_RULE at the later rule', () => {
  const problem = onlyProblem(
    lines(...header, 'extends: [steward:four-fifths]', 'data: { sensitive: [race] }', 'rules:', '  - id: four-fifths.disparate-impact', '    metric: recall', '    min: 0.5'),
    'POLICY_DUPLICATE_RULE',
    7,
    5,
  );
  assert.match(problem.message, /first at line 4, from steward:four-fifths/);
});

test('a metric computed for both tasks (count) is accepted in a regression policy', () => {
  const { problems } = analyze(lines(...header, 'data: { task: regression }', 'rules:', '  - id: a', '    metric: count', '    min: 100', '  - id: b', '    metric: r2', '    min: 0.5'));
  assert.deepEqual(problems, []);
});
