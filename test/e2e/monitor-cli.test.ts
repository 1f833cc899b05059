import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { basicMonitor, tempDir, writeFile, writeTable } from '../monitor/helpers.ts';
import { runCli } from './cli.ts';

test('steward monitor baseline writes a reference; run exits 0 on a healthy window, 1 on drift, 2 on a bad monitor', async () => {
  const dir = tempDir();
  const monitor = writeFile(dir, 'monitor.yaml', basicMonitor());
  const reference = join(dir, 'ref.json');
  const store = ['--store', join(dir, 'steward.db')];
  const baseline = await runCli(['monitor', 'baseline', 'credit-scoring@1.0.0', '--data', writeTable(dir, 'ref.csv', { rows: 20_000, seed: 1 }), '--monitor', monitor, '--out', reference, '--record', ...store]);
  assert.equal(baseline.code, 0, baseline.stderr);
  assert.equal(JSON.parse(readFileSync(reference, 'utf8')).schema, 'steward.reference-profile/v1');
  assert.match(baseline.stderr, /recorded reference sha256:[0-9a-f]{64}/);
  const healthy = await runCli(['monitor', 'run', '-m', monitor, '-r', reference, '-c', writeTable(dir, 'ok.csv', { rows: 2_000, seed: 2 })]);
  assert.equal(healthy.code, 0, healthy.stdout + healthy.stderr);
  const drifted = await runCli(['monitor', 'run', '-m', monitor, '-r', reference, '-c', writeTable(dir, 'bad.csv', { rows: 2_000, seed: 3, shift: 8 }), '--format', 'json', '--record', ...store]);
  assert.equal(drifted.code, 1);
  assert.equal(JSON.parse(drifted.stdout).findings.find((f: { ruleId: string }) => f.ruleId === 'drift.income').status, 'fail');
  assert.match(drifted.stderr, /alert opened: credit-drift\/drift\.income/);
  const alerts = await runCli(['monitor', 'alerts', '--json', ...store]);
  assert.deepEqual(JSON.parse(alerts.stdout).open.map((event: { rule: string }) => event.rule), ['drift.income']);
  const broken = writeFile(dir, 'broken.yaml', basicMonitor('dataset_drift:\n  shares: 0.3\n'));
  const bad = await runCli(['monitor', 'run', '-m', broken, '-r', reference, '-c', join(dir, 'ok.csv')]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /broken\.yaml:12:3 .*MONITOR_INVALID_FIELD/);
});
