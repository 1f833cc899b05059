import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runPolicyTests } from '../../src/policy/index.ts';
import { header, lines, tempFile } from './helpers.ts';

const policyText = lines(
  ...header,
  'data:',
  '  task: dataset',
  '  label: repaid',
  '  id: application_id',
  '  sensitive: [race]',
  '  columns:',
  '    income: { type: number, min: 0 }',
  '    postcode: { type: string }',
  'settings: { min_group_size: 10 }',
  'rules:',
  '  - { id: schema, schema: { max_missing: 0.1 } }',
  '  - { id: rep, representation: { min_share: 0.2 } }',
  '  - { id: balance, label_balance: { max_difference: 0.1 } }',
  '  - { id: missing, missingness: { max_difference: 0.05 } }',
  '  - { id: leak, leakage: { max_auc: 0.9 } }',
  '  - { id: dups, duplicates: { max_rows: 0, max_ids: 0 } }',
  '  - { id: pii, personal_data: { max_share: 0.01 } }',
);

const groups = "      groups: [{ key: race=a, rows: 80, representation: 0.8 }, { key: race=b, rows: 20, representation: 0.2 }]";

const cases = lines(
  'cases:',
  '  - name: clean data',
  '    metrics:',
  groups,
  "      disparities: [{ metric: base_rate_difference, grouping: race, value: 0.05 }]",
  '    dataset:',
  '      columns:',
  '        income: { min: 0, max: 9000, auc: 0.6 }',
  '        notes: { pii: { email: 0 } }',
  '      missing: { income: { race=a: 4, race=b: 1 } }',
  '    expect:',
  '      schema: pass',
  '      rep: pass',
  '      balance: pass',
  '      missing: pass',
  '      leak: pass',
  '      dups: pass',
  '      pii: pass',
  '  - name: every data rule broken',
  '    metrics:',
  groups,
  "      disparities: [{ metric: base_rate_difference, grouping: race, value: 0.3 }]",
  '    dataset:',
  '      rows: 100',
  '      duplicate_rows: 2',
  '      absent: [postcode]',
  '      columns:',
  '        income: { missing: 20, violations: { range: { rows: 3, lines: [4, 9, 12] }, type: 1 } }',
  '        application_id: { duplicates: 1 }',
  '        repaid_later: { equal_label: 100 }',
  '        notes: { pii: { email: 5 } }',
  '      missing: { income: { race=a: 4, race=b: 16 } }',
  '    expect:',
  '      schema: fail',
  '      rep: pass',
  '      balance: fail',
  '      missing: fail',
  '      leak: fail',
  '      dups: fail',
  '      pii: fail',
);

test('dataset fixtures let policy tests decide every data rule, passing and failing', async () => {
  const report = await runPolicyTests(await tempFile(policyText), await tempFile(cases));
  for (const result of report.cases) assert.deepEqual(result.mismatches, [], result.name);
  assert.equal(report.passed, 2);
  const broken = report.cases[1]?.findings ?? [];
  const schema = broken.filter((f) => f.ruleId === 'schema');
  assert.ok(schema.some((f) => f.message === 'required column "postcode" is not in the file'));
  const income = schema.find((f) => f.evidence?.['column'] === 'income');
  assert.equal(income?.value, 24); // 3 out of range + 1 of the wrong type + 20 missing (20% > 10%)
  assert.match(income?.message ?? '', /outside the allowed range \(lines 4, 9, 12\)/);
  assert.equal(broken.find((f) => f.ruleId === 'missing')?.value, 16 / 20 - 4 / 80);
  assert.equal(broken.find((f) => f.ruleId === 'pii')?.value, 5 / 100);
  assert.equal(broken.find((f) => f.ruleId === 'leak')?.metric, 'exact_copy');
  assert.deepEqual(
    broken.filter((f) => f.ruleId === 'dups').map((f) => [f.metric, f.value]),
    [
      ['duplicate_rows', 2],
      ['duplicate_ids', 1],
    ],
  );
});

test('without dataset facts, representation and label balance are still decided from metrics; the rest cannot be', async () => {
  const onlyMetrics = lines('cases:', '  - name: metrics only', '    metrics:', groups, '    expect:', '      rep: pass', '      balance: insufficient_evidence', '      schema: insufficient_evidence', '      dups: insufficient_evidence');
  const report = await runPolicyTests(await tempFile(policyText), await tempFile(onlyMetrics));
  assert.deepEqual(report.cases[0]?.mismatches, []);
});

test('a dataset fixture in a test of a model policy is a failed case naming the reason', async () => {
  const modelPolicy = lines(...header, 'data: { sensitive: [race] }', 'rules:', '  - { id: acc, metric: accuracy, min: 0.5 }');
  const report = await runPolicyTests(await tempFile(modelPolicy), await tempFile(lines('cases:', '  - name: c', '    metrics: { overall: { rows: 10, accuracy: 0.9 } }', '    dataset: { rows: 10 }', '    expect: { acc: pass }')));
  assert.equal(report.failed, 1);
  assert.match(report.cases[0]?.mismatches[0]?.message ?? '', /"dataset" applies to cases of a dataset policy/);
});
