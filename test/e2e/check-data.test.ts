import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'node:test';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { runCli } from './cli.ts';
import { dataPolicy, fileOf } from './check-data-helpers.ts';

const example = 'examples/credit-scoring';
const dataArgs = ['check', '--policy', `${example}/data-policy.yaml`, '--data', `${example}/training.csv`];

test('the example data check fails on the post-outcome column, exits 1 and names it', async () => {
  const out = mkdtempSync(join(tmpdir(), 'steward-data-demo-'));
  const result = await runCli([...dataArgs, '--format', `json=${join(out, 'v.json')}`, '--report-dir', join(out, 'all')]);
  assert.equal(result.code, 1, result.stderr);
  assert.match(result.stdout, /arrears_days_12m" alone predicts the label/);
  const verdict = JSON.parse(readFileSync(join(out, 'v.json'), 'utf8')) as { outcome: string; summary: { fail: number }; inputs: { role: string; rows?: number }[] };
  assert.equal(verdict.outcome, 'fail');
  assert.equal(verdict.summary.fail, 1);
  assert.deepEqual(verdict.inputs.map((i) => i.role), ['policy', 'dataset']);
  assert.deepEqual(readdirSync(join(out, 'all')).sort(), ['junit.xml', 'report.html', 'report.json', 'report.md', 'report.sarif', 'report.txt']);
  assert.match(readFileSync(join(out, 'all', 'junit.xml'), 'utf8'), /leakage rules/);
});

test('the same dataset check twice gives a byte-identical verdict', async () => {
  const out = mkdtempSync(join(tmpdir(), 'steward-data-twice-'));
  await runCli([...dataArgs, '-q', '--format', `json=${join(out, '1.json')}`]);
  await runCli([...dataArgs, '-q', '--format', `json=${join(out, '2.json')}`]);
  assert.equal(readFileSync(join(out, '1.json'), 'utf8'), readFileSync(join(out, '2.json'), 'utf8'));
});

test('a passing dataset check exits 0', async () => {
  const policy = fileOf(dataPolicy(['label: y'], ['- id: rows', "  expression: 'overall.count == 2.0'"]), '.yaml');
  const data = fileOf('x,y\n1,0\n2,1\n', '.csv');
  const result = await runCli(['check', '--policy', policy, '--data', data]);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /PASS/);
});

test('a label column absent from the file is a usage error naming the closest column (exit 2)', async () => {
  const policy = fileOf(dataPolicy(['label: repaid'], ['- id: rows', "  expression: 'overall.count > 0'"]), '.yaml');
  const data = fileOf('x,repay\n1,0\n', '.csv');
  const result = await runCli(['check', '--policy', policy, '--data', data]);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /INPUT_MISSING_COLUMN/);
  assert.match(result.stderr, /repay/);
});

test('text in a declared number column is a schema type violation with its line, and the check goes on', async () => {
  const policy = fileOf(dataPolicy(['columns: { x: { type: number } }'], ['- id: schema', '  schema: {}', '- id: rows', "  expression: 'overall.count == 4.0'"]), '.yaml');
  const data = fileOf('x,y\n1,0\nabc,1\n2,0\nn/a?,1\n', '.csv');
  const out = join(mkdtempSync(join(tmpdir(), 'steward-data-nan-')), 'v.json');
  const result = await runCli(['check', '--policy', policy, '--data', data, '-q', '--format', `json=${out}`]);
  assert.equal(result.code, 1, result.stderr);
  const findings = (JSON.parse(readFileSync(out, 'utf8')) as { findings: { ruleId: string; status: string; value?: number; message: string; evidence?: Record<string, unknown> }[] }).findings;
  const schema = findings.find((f) => f.ruleId === 'schema');
  assert.equal(schema?.status, 'fail');
  assert.equal(schema?.value, 2);
  assert.deepEqual(schema?.evidence?.['type'], { rows: 2, first: [3, 5] });
  assert.equal(schema?.evidence?.['declared_type'], 'number');
  assert.deepEqual(schema?.evidence?.['missing'], 0); // a wrong value is not a missing one
  assert.match(schema?.message ?? '', /2 values of the wrong type \(lines 3, 5\)/);
  assert.equal(findings.find((f) => f.ruleId === 'rows')?.status, 'pass'); // every row was read
});

test('text in an undeclared column read as numbers (numeric in its first rows) stops the check with a hint to declare it', async () => {
  const policy = fileOf(dataPolicy([], ['- id: schema', '  schema: { max_missing: 0 }']), '.yaml');
  const rows = Array.from({ length: 10_001 }, (_, i) => `${i},0`);
  const data = fileOf(`x,y\n${rows.join('\n')}\nabc,1\n`, '.csv');
  const result = await runCli(['check', '--policy', policy, '--data', data]);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /:10003:1: INPUT_NOT_A_NUMBER/);
  assert.match(result.stderr, /type: string/);
});

test('Parquet and JSONL: text in a declared number column is a type violation located by row and line', async () => {
  const parquet = join(mkdtempSync(join(tmpdir(), 'steward-data-pq-nan-')), 'data.parquet');
  writeFileSync(parquet, new Uint8Array(parquetWriteBuffer({ columnData: [{ name: 'x', data: ['1', 'abc', '2', 'xyz'], type: 'STRING' }] })));
  const jsonl = fileOf('{"x": 1}\n{"x": "abc"}\n{"x": 2}\n{"x": "xyz"}\n', '.jsonl');
  const policy = fileOf(dataPolicy(['columns: { x: { type: integer } }'], ['- id: schema', '  schema: {}']), '.yaml');
  const out = mkdtempSync(join(tmpdir(), 'steward-data-nan-out-'));
  for (const [data, name] of [[parquet, 'pq.json'], [jsonl, 'jsonl.json']] as const) {
    const result = await runCli(['check', '--policy', policy, '--data', data, '-q', '--format', `json=${join(out, name)}`]);
    assert.equal(result.code, 1, result.stderr);
  }
  type Report = { findings: { ruleId: string; value?: number; evidence?: Record<string, unknown> }[] };
  const schemaOf = (name: string) => (JSON.parse(readFileSync(join(out, name), 'utf8')) as Report).findings.find((f) => f.ruleId === 'schema');
  assert.deepEqual(schemaOf('pq.json')?.evidence?.['type'], { rows: 2, first: ['rows[1]', 'rows[3]'] }); // no lines in Parquet
  assert.equal(schemaOf('jsonl.json')?.value, 2);
  assert.deepEqual(schemaOf('jsonl.json')?.evidence?.['type'], { rows: 2, first: [2, 4] });
});

test('model-check flags with a dataset policy are a usage error', async () => {
  const policy = fileOf(dataPolicy([], ['- id: rows', "  expression: 'overall.count > 0'"]), '.yaml');
  const data = fileOf('x\n1\n', '.csv');
  const result = await runCli(['check', '--policy', policy, '--data', data, '--baseline', data]);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /USAGE_INVALID_ARGUMENT/);
});

test('a Parquet file gives the same findings as the same rows in CSV', async () => {
  const rows = Array.from({ length: 60 }, (_, i) => ({ id: `r${i}`, race: i % 3 === 0 ? 'x' : 'y', x: i % 7, mail: i % 10 === 0 ? `p${i}@example.com` : 'none', y: i % 2 === 0 ? '1' : '0' }));
  const csv = fileOf(`id,race,x,mail,y\n${rows.map((r) => [r.id, r.race, r.x, r.mail, r.y].join(',')).join('\n')}\n`, '.csv');
  const parquet = join(mkdtempSync(join(tmpdir(), 'steward-data-pq-')), 'data.parquet');
  const buffer = parquetWriteBuffer({
    columnData: [
      { name: 'id', data: rows.map((r) => r.id), type: 'STRING' },
      { name: 'race', data: rows.map((r) => r.race), type: 'STRING' },
      { name: 'x', data: rows.map((r) => r.x), type: 'DOUBLE' },
      { name: 'mail', data: rows.map((r) => r.mail), type: 'STRING' },
      { name: 'y', data: rows.map((r) => r.y), type: 'STRING' },
    ],
  });
  writeFileSync(parquet, new Uint8Array(buffer));
  const policy = fileOf(
    dataPolicy(['label: y', 'id: id', 'sensitive: [race]'], ['- id: rep', '  representation: { min_share: 0.4 }', '- id: pii', '  personal_data: {}', '- id: leak', '  leakage: {}', '- id: dups', '  duplicates: { max_rows: 0, max_ids: 0 }']),
    '.yaml',
  );
  const out = mkdtempSync(join(tmpdir(), 'steward-data-pq-out-'));
  const fromCsv = await runCli(['check', '--policy', policy, '--data', csv, '-q', '--format', `json=${join(out, 'csv.json')}`]);
  const fromParquet = await runCli(['check', '--policy', policy, '--data', parquet, '-q', '--format', `json=${join(out, 'pq.json')}`]);
  assert.equal(fromCsv.code, 1, fromCsv.stderr);
  assert.equal(fromParquet.code, 1, fromParquet.stderr);
  const findings = (file: string) => (JSON.parse(readFileSync(join(out, file), 'utf8')) as { findings: { ruleId: string; status: string; value?: number | null; location: unknown }[] }).findings.map(({ ruleId, status, value }) => ({ ruleId, status, value }));
  assert.deepEqual(findings('pq.json'), findings('csv.json'));
});
