import assert from 'node:assert/strict';
import test from 'node:test';
import { analyze, header, lines, onlyProblem, policyOf } from './helpers.ts';

const dataset = (...rest: string[]) => lines(...header, 'data:', '  task: dataset', ...rest);

test('a dataset policy loads its label, id, sensitive columns and declared columns with defaults', () => {
  const policy = policyOf(
    dataset(
      '  label: y',
      '  positive_label: 1',
      '  id: key',
      '  sensitive: [race]',
      '  columns:',
      '    key: { type: string }',
      '    age: { type: integer, min: 0, max: 120, max_missing: 0.1 }',
      'rules:',
      '  - { id: dups, duplicates: { max_ids: 0 } }',
    ),
  );
  assert.deepEqual(policy.dataset, {
    label: 'y',
    positiveLabel: '1',
    id: 'key',
    sensitive: ['race'],
    columns: [
      { name: 'key', type: 'string', unique: true, required: true },
      { name: 'age', type: 'integer', min: 0, max: 120, unique: false, maxMissing: 0.1, required: true },
    ],
  });
  assert.deepEqual(policy.rules[0], { id: 'dups', severity: 'error', location: policy.rules[0]?.location, origin: 'policy', kind: 'duplicates', maxIds: 0 });
});

test('a data rule in a policy of predictions is an error at the rule', () => {
  const problem = onlyProblem(lines(...header, 'rules:', '  - id: dups', '    duplicates: { max_rows: 0 }'), 'POLICY_INVALID_FIELD', 5, 5);
  assert.match(problem.message, /data rule/);
});

test('a metric rule in a dataset policy is an error naming the data rules', () => {
  const problem = onlyProblem(dataset('rules:', '  - id: acc', '    metric: accuracy', '    min: 0.8'), 'POLICY_INVALID_FIELD', 8, 13);
  assert.match(problem.expected ?? '', /schema, representation, label_balance/);
});

test('prediction columns in a dataset policy, and dataset fields in a model policy, are errors', () => {
  onlyProblem(dataset('  y_pred: p'), 'POLICY_INVALID_FIELD', 6, 11);
  onlyProblem(lines(...header, 'data:', '  label: y'), 'POLICY_INVALID_FIELD', 5, 10);
});

test('rules that need a label, an id or groups say so', () => {
  const { problems } = analyze(
    dataset('rules:', '  - { id: balance, label_balance: { max_difference: 0.1 } }', '  - { id: dups, duplicates: { max_ids: 0 } }'),
  );
  const messages = problems.map((p) => p.message);
  assert.ok(messages.some((m) => /compares groups/.test(m)), messages.join('\n'));
  assert.ok(messages.some((m) => /needs the label column/.test(m)), messages.join('\n'));
  assert.ok(messages.some((m) => /data.id is not declared/.test(m)), messages.join('\n'));
});

test('unknown detectors, broken patterns, reference columns that are not sensitive and shares above 1 are reported', () => {
  const { problems } = analyze(
    dataset(
      '  sensitive: [race]',
      'rules:',
      '  - { id: pii, personal_data: { detectors: [emial], patterns: { bad: "(" } } }',
      '  - { id: rep, representation: { reference: { sex: { f: 0.5 } } } }',
      '  - { id: rep2, representation: { reference: { race: { a: 0.7, b: 0.6 } } } }',
    ),
  );
  const codes = problems.map((p) => `${p.code} ${p.message}`);
  assert.ok(codes.some((c) => /unknown personal-data detector "emial"/.test(c)));
  assert.ok(problems.some((p) => p.hint?.includes('email')));
  assert.ok(codes.some((c) => /pattern "bad" is not a valid regular expression/.test(c)));
  assert.ok(codes.some((c) => /POLICY_UNKNOWN_COLUMN reference shares for "sex"/.test(c)));
  assert.ok(codes.some((c) => /add up to 1.2/.test(c)));
});

test('a range on a text column and allowed values on a number column are errors', () => {
  const { problems } = analyze(dataset('  columns:', '    a: { type: category, min: 1 }', '    b: { type: number, values: [1, 2] }'));
  assert.equal(problems.length, 2);
});

test('the dataset policy example of docs/policy.md is valid', async () => {
  const { readFile } = await import('node:fs/promises');
  const docs = await readFile('docs/policy.md', 'utf8');
  const example = /```yaml\n(# steward-data-policy-example\n[\s\S]*?)```/.exec(docs)?.[1];
  assert.ok(example, 'docs/policy.md has the dataset policy example');
  const policy = policyOf(example);
  assert.equal(policy.rules.length, 9);
  assert.equal(policy.dataset?.id, 'application_id');
});
