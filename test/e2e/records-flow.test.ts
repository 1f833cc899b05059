import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli } from './cli.ts';

const example = 'examples/credit-scoring';

test('record dataset, run, version, a recorded check and a deployment, then read log, lineage, state and BOM back', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'steward-records-e2e-'));
  const store = ['--store', join(dir, 'steward.db')];
  mkdirSync(join(dir, 'model'));
  writeFileSync(join(dir, 'model', 'weights.bin'), 'weights');
  const github = { GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'acme/credit', GITHUB_SHA: 'f00dfeed', GITHUB_SERVER_URL: 'https://github.com', GITHUB_RUN_ID: '7', GITHUB_ACTOR: 'ana' };
  const ok = async (args: string[], env = {}): Promise<string> => {
    const result = await runCli([...args, ...store], env);
    assert.equal(result.code, 0, `${args.join(' ')}: ${result.stderr}`);
    return result.stdout;
  };

  const recorded = JSON.parse(await ok(['record', 'dataset', `${example}/evaluation.csv`, '--name', 'loans-eval', '--at', '2026-11-01T00:00:00Z', '--format', 'json'], github)) as {
    index: number; event: { rows: number; digest: string; ci: { runUrl: string } };
  };
  assert.equal(recorded.index, 0);
  assert.equal(recorded.event.rows, 40_000);
  assert.equal(recorded.event.ci.runUrl, 'https://github.com/acme/credit/actions/runs/7');
  await ok(['record', 'run', '--id', 'train-1', '--model', 'credit-scoring', '--dataset', 'loans-eval', '--param', 'lr=0.1', '--at', '2026-11-02T00:00:00Z'], github);
  await ok(['record', 'version', 'credit-scoring@2.0.0', '--artifact', join(dir, 'model'), '--run', 'train-1', '--at', '2026-11-03T00:00:00Z']);
  await ok(['policy', 'publish', `${example}/policy.yaml`, '--at', '2026-11-01T12:00:00Z']);

  const check = await runCli([
    'check', '--policy', `${example}/policy.yaml`, '--data', `${example}/evaluation.csv`, '--baseline', `${example}/baseline.csv`,
    '--model-card', `${example}/model-card.yaml`, '--waivers', `${example}/waivers.yaml`, '--model', 'credit-scoring@2.0.0',
    '--now', '2026-11-26T12:00:00Z', '--format', `json=${join(dir, 'verdict.json')}`, '--record', ...store,
  ]);
  assert.equal(check.code, 1, check.stderr);
  assert.match(check.stderr, /recorded verdict sha256:[0-9a-f]{64} as event #4/);
  const verdict = JSON.parse(readFileSync(join(dir, 'verdict.json'), 'utf8')) as { digest: string };
  await ok(['record', 'deployment', 'credit-scoring@2.0.0', '--env', 'production', '--at', '2026-11-27T00:00:00Z']);

  const log = JSON.parse(await ok(['log', '--format', 'json'])) as { index: number; event: { type: string; verdictDigest?: string } }[];
  assert.deepEqual(log.map((entry) => entry.event.type), ['dataset', 'run', 'version', 'policy', 'verdict', 'deployment']);
  assert.equal(log[4]?.event.verdictDigest, verdict.digest);
  assert.equal((await ok(['log', '--kind', 'verdict'])).trim().split('\n').length, 1);
  assert.equal((await ok(['log', '--model', 'credit-scoring', '--since', '2026-11-03T00:00:00Z'])).trim().split('\n').length, 3);

  const lineage = await ok(['lineage', 'credit-scoring@2.0.0']);
  for (const part of ['run train-1', 'code acme/credit@f00dfeed', 'dataset loans-eval', 'verdict FAIL', 'deployment → production']) assert.ok(lineage.includes(part), part);
  assert.match(await ok(['lineage', 'credit-scoring@2.0.0', '--format', 'mermaid']), /^flowchart LR/);
  const lineageJson = JSON.parse(await ok(['lineage', 'credit-scoring@2.0.0', '--format', 'json'])) as { upstream: { datasets: { digest: string }[] } };
  assert.equal(lineageJson.upstream.datasets[0]?.digest, recorded.event.digest);

  const before = JSON.parse(await ok(['state', '--at', '2026-11-26T23:00:00Z', '--format', 'json'])) as { deployments: unknown[]; policies: { name: string }[] };
  assert.deepEqual(before.deployments, []);
  assert.deepEqual(before.policies.map((p) => p.name), ['credit-scoring-release']);
  assert.match(await ok(['state', '--at', '2026-11-28T00:00:00Z']), /production: credit-scoring@2\.0\.0/);

  await ok(['bom', 'credit-scoring@2.0.0', '--output', join(dir, 'bom.json')]);
  const bom = JSON.parse(readFileSync(join(dir, 'bom.json'), 'utf8')) as { specVersion: string; metadata: { timestamp: string; component: { modelCard: { quantitativeAnalysis: { performanceMetrics: { type: string }[] } } } } };
  assert.equal(bom.specVersion, '1.6');
  assert.equal(bom.metadata.timestamp, '2026-11-27T00:00:00.000Z');
  assert.ok(bom.metadata.component.modelCard.quantitativeAnalysis.performanceMetrics.some((metric) => metric.type === 'disparate_impact'));
  assert.equal(await ok(['bom', 'credit-scoring@2.0.0']), readFileSync(join(dir, 'bom.json'), 'utf8'), 'same ledger, same BOM bytes');
});
