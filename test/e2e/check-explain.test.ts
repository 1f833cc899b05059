import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Verdict } from '../../src/core/index.ts';
import { applicants, biased, fair, logOdds, sigmoid, writeWorld, type Model } from './check-explain-helpers.ts';
import { runCli } from './cli.ts';

const policy = [
  'apiVersion: steward/v1',
  'kind: Policy',
  'metadata: { name: explain-gate }',
  'data: { y_true: y, score: score, sensitive: [race] }',
  'settings: { min_group_size: 30 }',
  'explain:',
  '  features: { income: number, zip: category, tenure: number, race: category }',
  '  protected: [race]',
  '  attributions: { file: attributions.csv, id_column: row_id }',
  '  top_k: 2',
  '  endpoint: { sample: 400, batch_size: 50 }',
  'rules:',
  '  - { id: protected-share, metric: explain.protected_share, max: 0.02 }',
  '  - { id: coverage, metric: explain.coverage, min: 0.99 }',
  '  - id: no-proxy-in-top-3',
  '    proxy: { top_k: 3, cramers_v: 0.5 }',
  '  - { id: flips, metric: explain.flip_rate, max: 0.01, scope: every_group }',
  '',
].join('\n');

const people = applicants(600, 11);
/** The served models: POST /<name>/predict with {instances: [[income, zip, tenure, race], …]} → {predictions}. */
const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const model: Model | undefined = request.url === '/biased/predict' ? biased : request.url === '/fair/predict' ? fair : undefined;
    if (model === undefined) {
      response.writeHead(404).end();
      return;
    }
    const { instances } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { instances: [number, string, number, string][] };
    const predictions = instances.map(([income, zip, tenure]) => sigmoid(logOdds(model, { income, zip, tenure })));
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ predictions }));
  });
});
let base = '';
before(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  server.closeAllConnections();
  server.close();
});

async function check(model: Model, extra: string[] = []): Promise<{ code: number; stderr: string; verdict: Verdict; dir: string }> {
  const world = writeWorld(model, people, policy);
  const out = join(world.dir, 'verdict.json');
  const result = await runCli(['check', '--policy', world.policy, '--data', world.evaluation, '--endpoint', `${base}/${model.name}/predict`, '--format', `json=${out}`, '--report-dir', join(world.dir, 'reports'), ...extra]);
  return { code: result.code, stderr: result.stderr, verdict: JSON.parse(readFileSync(out, 'utf8')) as Verdict, dir: world.dir };
}

test('a model that leans on a proxy of race fails: the proxy finding and the flips are reported, exit 1', async () => {
  const { code, stderr, verdict, dir } = await check(biased);
  assert.equal(code, 1, stderr);
  const proxy = verdict.findings.filter((f) => f.kind === 'proxy' && f.status === 'fail');
  assert.equal(proxy.length, 1, JSON.stringify(verdict.findings, null, 1));
  assert.equal(proxy[0]?.evidence?.['feature'], 'zip');
  assert.match(proxy[0]?.message ?? '', /^zip is a proxy of race: Cramér's V 0\.\d+ > 0\.5 \(importance rank [12]\)$/);
  // The association the finding rests on, recomputed from the data: a 2×2 table, V = |ad − bc| / √(row and column sums).
  const count = (race: string, zip: string) => people.filter((a) => a.race === race && a.zip === zip).length;
  const [a, b, c, d] = [count('a', '10001'), count('a', '20002'), count('b', '10001'), count('b', '20002')];
  const v = Math.abs(a * d - b * c) / Math.sqrt((a + b) * (c + d) * (a + c) * (b + d));
  assert.ok(Math.abs((proxy[0]?.value ?? 0) - v) < 1e-9, `V ${proxy[0]?.value} vs ${v}`);

  const flips = verdict.findings.filter((f) => f.ruleId === 'flips');
  assert.deepEqual(flips.map((f) => [f.group, f.status]), [['race=a', 'fail'], ['race=b', 'fail']]);
  const test0 = verdict.explain?.flips?.tests[0];
  assert.equal(test0?.sensitive, 'race');
  assert.deepEqual(test0?.proxies, ['zip'], 'the detected proxy is swapped with the race');
  assert.equal(verdict.explain?.flips?.sampled, 400);
  assert.equal(test0?.requests, 800, 'each sampled row once as is, once with the other race');
  assert.ok((test0?.overall.rate ?? 0) > 0.1, `flip rate ${test0?.overall.rate}`);
  assert.deepEqual(verdict.explain?.proxies, ['zip']);

  // The model never reads race: its attribution share is 0, and every row has an explanation.
  assert.equal(verdict.findings.find((f) => f.ruleId === 'protected-share')?.status, 'pass');
  assert.equal(verdict.findings.find((f) => f.ruleId === 'coverage')?.value, 1);
  const roles = verdict.inputs.map((input) => input.role);
  assert.deepEqual(roles, ['policy', 'evaluation', 'attributions', 'endpoint']);
  const endpoint = verdict.inputs.find((input) => input.role === 'endpoint');
  assert.equal(endpoint?.file, `${base}/biased/predict`);
  assert.match(endpoint?.digest ?? '', /^sha256:[0-9a-f]{64}$/);

  // Every report format carries the proxy finding; the HTML report charts importance per group.
  const reports = join(dir, 'reports');
  for (const file of ['report.txt', 'report.md', 'junit.xml', 'report.sarif', 'report.html']) {
    assert.match(readFileSync(join(reports, file), 'utf8'), /zip is a proxy of race/, file);
  }
  const html = readFileSync(join(reports, 'report.html'), 'utf8');
  assert.match(html, /Feature importance by group/);
  assert.match(html, /<title id="importance-\d+-title">importance of features for race=a<\/title>/);
});

test('a fair model passes every explain rule and exits 0', async () => {
  const { code, stderr, verdict } = await check(fair);
  assert.equal(code, 0, `${stderr}\n${JSON.stringify(verdict.findings, null, 1)}`);
  assert.equal(verdict.outcome, 'pass');
  assert.deepEqual(verdict.findings.filter((f) => f.ruleId === 'flips').map((f) => [f.group, f.value]), [['race=a', 0], ['race=b', 0]]);
  // zip is still associated with race in the data, but the model gives it no weight, so it is not in the top 3.
  assert.equal(verdict.findings.find((f) => f.kind === 'proxy')?.status, 'pass');
});

test('the importance baseline is compared, and the same inputs give the same verdict', async () => {
  const world = writeWorld(biased, people, policy);
  const baselineFile = join(world.dir, 'baseline-importance.csv');
  writeFileSync(baselineFile, 'feature,importance\nincome,0.5\ntenure,0.3\nzip,0.01\nrace,0\n');
  const args = ['check', '--policy', world.policy, '--data', world.evaluation, '--importance-baseline', baselineFile, '--format', 'json'];
  const first = await runCli(args);
  const second = await runCli(args);
  assert.equal(first.code, 1, first.stderr);
  assert.equal(first.stdout, second.stdout);
  const verdict = JSON.parse(first.stdout) as Verdict;
  // Only the proxy rule fails; without an endpoint the flip rule is insufficient evidence, not a failure.
  assert.deepEqual(verdict.findings.filter((f) => f.status === 'fail').map((f) => f.ruleId), ['no-proxy-in-top-3']);
  const flips = verdict.findings.find((f) => f.ruleId === 'flips');
  assert.equal(flips?.status, 'insufficient_evidence');
  assert.match(flips?.message ?? '', /needs a model endpoint/);
  const importance = new Map(verdict.explain?.attributions?.overall.features.map((f) => [f.feature, f.importance ?? 0]));
  const top2 = [...importance].sort((x, y) => y[1] - x[1]).slice(0, 2).map(([name]) => name);
  assert.equal(verdict.explain?.stability?.k, 2);
  assert.equal(verdict.explain?.stability?.topKOverlap, top2.filter((name) => name === 'income' || name === 'tenure').length / 2);
  assert.ok(verdict.inputs.some((input) => input.role === 'importance_baseline' && input.rows === 4));
});
