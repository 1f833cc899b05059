import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Verdict } from '../../src/core/index.ts';
import { runCli } from './cli.ts';

const example = 'examples/credit-scoring';
const demoArgs = [
  'check',
  '--policy', `${example}/policy.yaml`,
  '--data', `${example}/evaluation.csv`,
  '--baseline', `${example}/baseline.csv`,
  '--model-card', `${example}/model-card.yaml`,
  '--waivers', `${example}/waivers.yaml`,
  '--model', 'credit-scoring@2.0.0',
  '--now', '2026-11-26T12:00:00Z',
];

test('the demo check fails on the race disparity, waives the age disparity and exits 1', async () => {
  const out = mkdtempSync(join(tmpdir(), 'steward-demo-'));
  const result = await runCli([...demoArgs, '--format', `json=${join(out, 'a.json')}`, '--report-dir', join(out, 'all')]);
  assert.equal(result.code, 1, result.stderr);
  assert.match(result.stdout, /FAIL/);
  const verdict = JSON.parse(readFileSync(join(out, 'a.json'), 'utf8')) as Verdict;
  assert.equal(verdict.outcome, 'fail');
  const raceFailures = verdict.findings.filter((finding) => finding.status === 'fail' && finding.grouping?.includes('race'));
  assert.ok(raceFailures.some((finding) => finding.metric === 'disparate_impact'), 'four-fifths fails for race');
  const waived = verdict.findings.filter((finding) => finding.status === 'waived');
  assert.ok(waived.some((finding) => finding.waiver?.ticket === 'RISK-482'), 'the age-band waiver applies');
  assert.ok(verdict.findings.some((finding) => finding.kind === 'baseline' && finding.status === 'pass'));
  assert.equal(verdict.inputs.find((input) => input.role === 'evaluation')?.rows, 40_000);
  // Explainability: the candidate's race penalty shows in its attributions, credit history length stands in for age.
  assert.equal(verdict.inputs.find((input) => input.role === 'attributions')?.rows, 40_000);
  assert.equal(verdict.inputs.find((input) => input.role === 'importance_baseline')?.file, `${example}/importance-production.csv`);
  const protectedShare = verdict.findings.find((finding) => finding.ruleId === 'protected-attribution-share');
  assert.equal(protectedShare?.status, 'fail');
  assert.ok((protectedShare?.value ?? 0) > 0.15 && (protectedShare?.value ?? 1) < 0.25, `protected share ${protectedShare?.value}`);
  const proxies = verdict.findings.filter((finding) => finding.ruleId === 'no-proxy-in-top-5' && finding.status === 'warn');
  assert.deepEqual(proxies.map((finding) => finding.message.split(':')[0]), ['credit_history_years is a proxy of age_band']);
  assert.equal(verdict.findings.find((finding) => finding.ruleId === 'explanation-coverage')?.status, 'pass');
  assert.equal(verdict.findings.find((finding) => finding.ruleId === 'importance-stable')?.status, 'pass');
  assert.deepEqual(readdirSync(join(out, 'all')).sort(), ['junit.xml', 'report.html', 'report.json', 'report.md', 'report.sarif', 'report.txt']);
});

test('the same inputs give a byte-identical JSON report', async () => {
  const out = mkdtempSync(join(tmpdir(), 'steward-determinism-'));
  const first = await runCli([...demoArgs, '--format', `json=${join(out, '1.json')}`]);
  const second = await runCli([...demoArgs, '--format', `json=${join(out, '2.json')}`]);
  assert.equal(first.code, 1);
  assert.equal(second.code, 1);
  assert.equal(readFileSync(join(out, '1.json'), 'utf8'), readFileSync(join(out, '2.json'), 'utf8'));
});

test('an expired waiver is itself a failure', async () => {
  const out = mkdtempSync(join(tmpdir(), 'steward-expired-'));
  const args = demoArgs.map((arg) => (arg === '2026-11-26T12:00:00Z' ? '2027-04-02T00:00:00Z' : arg));
  const result = await runCli([...args, '--format', `json=${join(out, 'v.json')}`]);
  assert.equal(result.code, 1);
  const verdict = JSON.parse(readFileSync(join(out, 'v.json'), 'utf8')) as Verdict;
  assert.ok(!verdict.findings.some((finding) => finding.status === 'waived'));
  assert.ok(verdict.findings.some((finding) => finding.status === 'fail' && /expire/i.test(finding.message)));
});
