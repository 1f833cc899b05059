import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { buildBaseline, runMonitor } from '../../src/app/monitor/index.ts';
import { renderReport, reportFormats } from '../../src/report/index.ts';
import { basicMonitor, tempDir, writeFile, writeTable } from './helpers.ts';

async function setup(monitorText: string) {
  const dir = tempDir();
  const monitorFile = writeFile(dir, 'monitor.yaml', monitorText);
  const dataFile = writeTable(dir, 'reference.csv', { rows: 20_000, seed: 1 });
  const baseline = await buildBaseline({ monitorFile, dataFile, model: 'credit-scoring', version: '1.0.0' });
  const referenceFile = join(dir, 'reference.json');
  writeFileSync(referenceFile, baseline.text);
  return { dir, monitorFile, dataFile, referenceFile, baseline };
}

const status = (run: Awaited<ReturnType<typeof runMonitor>>, rule: string) => run.verdict.findings.find((f) => f.ruleId === rule)?.status;

test('an undrifted window passes every rule and a drifted one fails drift, dataset drift, missing rate and new categories', async () => {
  const { dir, monitorFile, referenceFile } = await setup(basicMonitor());
  const healthy = await runMonitor({ monitorFile, referenceFile, currentFile: writeTable(dir, 'ok.csv', { rows: 3_000, seed: 2 }) });
  assert.equal(healthy.verdict.outcome, 'pass');
  assert.equal(healthy.verdict.summary.fail + healthy.verdict.summary.warn, 0);
  const drifted = await runMonitor({ monitorFile, referenceFile, currentFile: writeTable(dir, 'bad.csv', { rows: 3_000, seed: 3, shift: 8, missing: 0.2, unseen: 0.2 }) });
  assert.equal(drifted.verdict.outcome, 'fail');
  assert.equal(status(drifted, 'drift.income'), 'fail');
  assert.equal(status(drifted, 'drift.age'), 'pass');
  assert.equal(status(drifted, 'dataset_drift'), 'fail');
  assert.equal(status(drifted, 'missing_rate.income'), 'warn');
  assert.equal(status(drifted, 'new_categories.region'), 'warn');
  const income = drifted.verdict.findings.find((f) => f.ruleId === 'drift.income');
  assert.match(String(income?.evidence?.reason), /numeric/);
  assert.deepEqual(income?.evidence?.tests, ['psi', 'wasserstein']);
  const region = drifted.verdict.findings.find((f) => f.ruleId === 'new_categories.region');
  assert.deepEqual((region?.evidence?.categories as { category: string }[]).map((c) => c.category), ['mars']);
});

test('the same reference data and monitor give byte-identical reference files', async () => {
  const first = await setup(basicMonitor());
  const again = await buildBaseline({ monitorFile: first.monitorFile, dataFile: first.dataFile, model: 'credit-scoring', version: '1.0.0' });
  assert.equal(again.text, first.baseline.text);
});

test('learned thresholds come from reference chunks and replace the fixed ones', async () => {
  const { dir, monitorFile, referenceFile, baseline } = await setup(basicMonitor('  learn:\n    chunk_rows: 2000\n    k: 3\n'));
  const income = baseline.reference.columns.find((c) => c.name === 'income');
  assert.equal(income?.learned?.psi?.chunks, 10);
  const run = await runMonitor({ monitorFile, referenceFile, currentFile: writeTable(dir, 'ok.csv', { rows: 3_000, seed: 4 }) });
  const stat = (run.verdict.findings.find((f) => f.ruleId === 'drift.income')?.evidence?.statistics as { test: string; threshold: number }[])[0];
  assert.equal(stat?.threshold, income?.learned?.psi?.high);
});

test('a CEL rule sees the column statistics and fires when its expression is false', async () => {
  const { dir, monitorFile, referenceFile } = await setup(basicMonitor('rules:\n  - id: income-psi\n    severity: error\n    expression: \'columns["income"]["psi"] < 0.1\'\n'));
  const healthy = await runMonitor({ monitorFile, referenceFile, currentFile: writeTable(dir, 'ok.csv', { rows: 20_000, seed: 5 }) });
  assert.equal(status(healthy, 'income-psi'), 'pass');
  const drifted = await runMonitor({ monitorFile, referenceFile, currentFile: writeTable(dir, 'bad.csv', { rows: 20_000, seed: 6, shift: 6 }) });
  assert.equal(status(drifted, 'income-psi'), 'fail');
});

test('a reference built for another monitor is refused with MONITOR_REFERENCE_MISMATCH', async () => {
  const { dir, referenceFile } = await setup(basicMonitor());
  const other = writeFile(dir, 'other.yaml', basicMonitor().replace('credit-drift', 'other-monitor'));
  await assert.rejects(runMonitor({ monitorFile: other, referenceFile, currentFile: writeTable(dir, 'ok.csv', { rows: 100, seed: 7 }) }), { code: 'MONITOR_REFERENCE_MISMATCH' });
});

test('every report format of the gate renders a monitor verdict', async () => {
  const { dir, monitorFile, referenceFile } = await setup(basicMonitor());
  const run = await runMonitor({ monitorFile, referenceFile, currentFile: writeTable(dir, 'bad.csv', { rows: 2_000, seed: 8, shift: 8 }) });
  for (const format of reportFormats) {
    const text = renderReport(format, run.verdict, { color: false, policyFile: monitorFile, width: 100 });
    assert.match(text, /drift\.income/, format);
  }
});

test('columns: infer watches every column of the reference with its kind sniffed from the data', async () => {
  const monitorText = basicMonitor().replace(/columns:\n( {2}.*\n)+/, 'columns: infer\n');
  const { baseline } = await setup(monitorText);
  assert.deepEqual(
    baseline.reference.columns.map((column) => [column.name, column.type]),
    [['income', 'number'], ['age', 'number'], ['region', 'category']],
  );
});

test('with fdr the column decisions use Benjamini–Hochberg adjusted p-values, reported in the dataset finding', async () => {
  const { dir, monitorFile, referenceFile } = await setup(basicMonitor('  fdr: 0.05\n'));
  const run = await runMonitor({ monitorFile, referenceFile, currentFile: writeTable(dir, 'bad.csv', { rows: 2_000, seed: 9, unseen: 0.3 }) });
  const dataset = run.verdict.findings.find((f) => f.ruleId === 'dataset_drift');
  const adjusted = dataset?.evidence?.adjustedPValues as Record<string, number> | undefined;
  assert.ok(adjusted !== undefined && 'region' in adjusted);
  assert.equal(dataset?.evidence?.fdr, 0.05);
  assert.equal(run.verdict.findings.find((f) => f.ruleId === 'drift.region')?.evidence?.benjaminiHochberg, true);
  assert.equal(status(run, 'drift.region'), 'fail');
});
