import assert from 'node:assert/strict';
import test from 'node:test';
import { isStewardError } from '../../src/core/index.ts';
import { runCli } from './cli.ts';
import { checkData, dataPolicy, fileOf, findingOf, findingsOf } from './check-data-helpers.ts';

const header = ['id', 'race', 'sex', 'y', 'outcome'];
// sex=f: outcome 1 in 3 of 4 rows; sex=m: 1 of 4. race is x on 6 rows, z on 2. y is 1 everywhere.
const rows = [
  header,
  ...Array.from({ length: 8 }, (_, i) => [`r${i}`, i < 6 ? 'x' : 'z', i < 4 ? 'f' : 'm', 1, [1, 1, 1, 0, 1, 0, 0, 0][i] ?? 0]),
];
const policy = dataPolicy(
  ['label: y', 'id: id', 'sensitive: [race]'],
  ['- id: rep', '  representation: { min_share: 0.3 }', '- id: balance', '  label_balance: { max_difference: 0.2 }'],
);

test('--y-true and --sensitive override the dataset policy\'s label and sensitive columns', async () => {
  const asWritten = await checkData(policy, rows);
  assert.equal(findingOf(asWritten, 'rep', 'race=z').status, 'fail'); // 2 of 8 < 0.3
  assert.equal(findingOf(asWritten, 'balance').value, 0); // y is 1 everywhere: base rate 1 in both races
  const overridden = await checkData(policy, rows, { columns: { yTrue: 'outcome', sensitive: ['sex'] } });
  assert.deepEqual(
    findingsOf(overridden, 'rep').map((f) => [f.group, f.value]),
    [
      ['sex=f', 0.5],
      ['sex=m', 0.5],
    ],
  );
  const balance = findingOf(overridden, 'balance');
  assert.equal(balance.value, 0.5); // 0.75 − 0.25 on outcome, by sex
  assert.equal(balance.status, 'fail');
  assert.equal(overridden.columns['label'], 'outcome');
  assert.deepEqual(overridden.columns['sensitive'], ['sex']);
});

test('--positive-label overrides which label value is positive', async () => {
  const verdict = await checkData(policy, rows, { columns: { yTrue: 'outcome', sensitive: ['sex'], positiveLabel: '0' } });
  const rate = (group: string) => verdict.metrics.groups.find((g) => g.key === group)?.metrics['base_rate']?.value;
  assert.equal(rate('sex=f'), 0.25);
  assert.equal(rate('sex=m'), 0.75);
});

test('a prediction flag, or --sensitive leaving out a column a rule groups by, is a usage error', async () => {
  const code = async (run: Promise<unknown>) => run.then(() => 'ok', (error: unknown) => (isStewardError(error) ? error.code : String(error)));
  assert.equal(await code(checkData(policy, rows, { columns: { score: 'outcome' } })), 'USAGE_INVALID_ARGUMENT');
  const explicit = dataPolicy(['sensitive: [race, sex]'], ['- id: rep', '  sensitive: [race]', '  representation: { min_share: 0.1 }']);
  assert.equal(await code(checkData(explicit, rows, { columns: { sensitive: ['sex'] } })), 'USAGE_INVALID_ARGUMENT');
  assert.equal(await code(checkData(policy, rows, { columns: { sensitive: ['id'] } })), 'USAGE_INVALID_ARGUMENT');
});

test('the CLI passes --y-true and --sensitive to a dataset check', async () => {
  const data = fileOf(`${rows.map((row) => row.join(',')).join('\n')}\n`, '.csv');
  const result = await runCli(['check', '--policy', fileOf(policy, '.yaml'), '--data', data, '--y-true', 'outcome', '--sensitive', 'sex', '--format', 'json']);
  assert.equal(result.code, 1, result.stderr);
  const verdict = JSON.parse(result.stdout) as { findings: { ruleId: string; group?: string; value?: number }[] };
  assert.deepEqual(verdict.findings.filter((f) => f.ruleId === 'rep').map((f) => f.group), ['sex=f', 'sex=m']);
  assert.equal(verdict.findings.find((f) => f.ruleId === 'balance')?.value, 0.5);
});
