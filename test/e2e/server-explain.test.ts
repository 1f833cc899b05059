import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Verdict } from '../../src/core/index.ts';
import { applicants, biased, logOdds, sigmoid, writeWorld } from './check-explain-helpers.ts';
import { runCli } from './cli.ts';
import { startServe, type ServeProcess } from './serve-process.ts';

/** The policy names its attributions file; the endpoint and importance baseline come from flags (or `endpoint`). */
const policyText = (endpoint = '', importance = ''): string =>
  [
    'apiVersion: steward/v1',
    'kind: Policy',
    'metadata: { name: remote-explain }',
    'data: { y_true: y, score: score, sensitive: [race] }',
    'settings: { min_group_size: 30 }',
    'explain:',
    '  features: { income: number, zip: category, tenure: number, race: category }',
    '  protected: [race]',
    '  attributions: { file: attributions.csv, id_column: row_id }',
    ...(importance === '' ? [] : [`  importance_baseline: { file: ${importance} }`]),
    '  top_k: 2',
    `  endpoint: { sample: 200, batch_size: 50${endpoint === '' ? '' : `, url: '${endpoint}'`} }`,
    'rules:',
    '  - { id: protected-share, metric: explain.protected_share, max: 0.02 }',
    '  - { id: coverage, metric: explain.coverage, min: 0.99 }',
    '  - id: no-proxy-in-top-3',
    '    proxy: { top_k: 3, cramers_v: 0.5 }',
    '  - { id: flips, metric: explain.flip_rate, max: 0.01, scope: every_group }',
    '  - { id: stable, metric: explain.top_k_overlap, min: 0.9 }',
    '',
  ].join('\n');

const people = applicants(300, 21);
let calls = 0;
/** The served model (POST /predict), counting the requests it answers. */
const model = createServer((request, response) => {
  calls += 1;
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const { instances } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { instances: [number, string, number, string][] };
    const predictions = instances.map(([income, zip, tenure]) => sigmoid(logOdds(biased, { income, zip, tenure })));
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ predictions }));
  });
});

let folder: string;
let base = '';
let steward: ServeProcess;
let token = '';
before(async () => {
  folder = mkdtempSync(join(tmpdir(), 'steward-serve-explain-'));
  await new Promise<void>((resolve) => model.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(model.address() as AddressInfo).port}`;
  const store = join(folder, 'steward.db');
  const created = await runCli(['token', 'create', '--role', 'engineer', '--name', 'ci', '--store', store]);
  assert.equal(created.code, 0, created.stderr);
  token = created.stdout.trim();
  steward = await startServe(store, { args: ['--allow-endpoint', base], killAfterMs: 120_000 });
});
after(async () => {
  steward.child.kill('SIGTERM');
  await steward.exited;
  model.closeAllConnections();
  model.close();
  rmSync(folder, { recursive: true, force: true });
});


const remoteEnv = (): Record<string, string> => ({ STEWARD_URL: steward.url, STEWARD_TOKEN: token });
const importance = 'feature,importance\nzip,0.9\nincome,0.5\ntenure,0.2\nrace,0\n';

/** Runs the same check locally and through the server, in JSON and text; both must match byte for byte. */
async function sameLocallyAndRemotely(args: string[]): Promise<Verdict> {
  let verdict: Verdict | undefined;
  for (const format of ['json', 'text']) {
    const local = await runCli([...args, '--format', format]);
    const before = calls;
    const remote = await runCli([...args, '--format', format], remoteEnv());
    assert.ok(calls > before, 'the server called the model for the flip test');
    assert.equal(remote.stderr, local.stderr);
    assert.equal(remote.code, local.code);
    assert.equal(remote.stdout, local.stdout);
    if (format === 'json') verdict = JSON.parse(local.stdout) as Verdict;
  }
  return verdict as Verdict;
}

test('an explain check through the server (attributions named in the policy, --importance-baseline, --endpoint) prints the local verdict byte for byte', async () => {
  const world = writeWorld(biased, people, policyText());
  const importanceFile = join(world.dir, 'importance-1.0.csv');
  writeFileSync(importanceFile, importance);
  const verdict = await sameLocallyAndRemotely(['check', '-p', world.policy, '-d', world.evaluation, '--importance-baseline', importanceFile, '--endpoint', `${base}/predict`, '--endpoint-protocol', 'plain', '--now', '2026-11-01T00:00:00Z']);
  // The evidence is really there (not insufficient evidence on both sides): every input, flips and a stability.
  assert.deepEqual(verdict.inputs.map((input) => [input.role, input.file]), [
    ['policy', world.policy],
    ['evaluation', world.evaluation],
    ['attributions', world.attributions],
    ['importance_baseline', importanceFile],
    ['endpoint', `${base}/predict`],
  ]);
  assert.equal(verdict.outcome, 'fail');
  const failed = (rule: string): boolean => verdict.findings.some((finding) => finding.ruleId === rule && finding.status === 'fail');
  const passed = (rule: string): boolean => verdict.findings.some((finding) => finding.ruleId === rule && finding.status === 'pass');
  assert.ok(failed('no-proxy-in-top-3') && failed('flips'), 'the proxy and the flips are found');
  assert.ok(passed('protected-share') && passed('coverage') && passed('stable'), 'attributions and the importance baseline were read');
  assert.equal(verdict.explain?.flips?.sampled, 200);
});

test('files the policy names (attributions, importance baseline) and its endpoint URL go through the server too', async () => {
  const world = writeWorld(biased, people, policyText(`${base}/predict`, 'importance.csv'));
  writeFileSync(join(world.dir, 'importance.csv'), importance);
  const verdict = await sameLocallyAndRemotely(['check', '-p', world.policy, '-d', world.evaluation, '--now', '2026-11-01T00:00:00Z']);
  assert.deepEqual(verdict.inputs.map((input) => input.role), ['policy', 'evaluation', 'attributions', 'importance_baseline', 'endpoint']);
  assert.equal(verdict.inputs.find((input) => input.role === 'importance_baseline')?.file, join(world.dir, 'importance.csv'));
});

test('the server calls no endpoint outside --allow-endpoint: refused before any data is read, naming where the URL came from', async () => {
  const elsewhere = 'http://127.0.0.1:9/predict';
  const world = writeWorld(biased, people, policyText(elsewhere));
  const before = calls;
  const flag = await runCli(['check', '-p', world.policy, '-d', world.evaluation, '--endpoint', elsewhere], remoteEnv());
  assert.equal(flag.code, 2, flag.stderr);
  assert.match(flag.stderr, /SERVER_ENDPOINT_NOT_ALLOWED/);
  assert.match(flag.stderr, /options\.explain\.endpoint/);
  assert.match(flag.stderr, /http:\/\/127\.0\.0\.1:9\/predict/);
  const fromPolicy = await runCli(['check', '-p', world.policy, '-d', world.evaluation], remoteEnv());
  assert.equal(fromPolicy.code, 2, fromPolicy.stderr);
  assert.match(fromPolicy.stderr, /SERVER_ENDPOINT_NOT_ALLOWED/);
  assert.ok(fromPolicy.stderr.includes(world.policy), `names the policy file as the client gave it: ${fromPolicy.stderr}`);
  assert.ok(!fromPolicy.stderr.includes('steward-upload-'), 'no temporary path of the server');
  assert.equal(calls, before, 'the allowed model was not called either');
  // Without a flip-rate rule the endpoint is never called, so it is not refused: the policy serves both setups.
  const noFlips = writeWorld(biased, people, policyText(elsewhere).replace(/ {2}- \{ id: flips.*\n/, ''));
  const passes = await runCli(['check', '-p', noFlips.policy, '-d', noFlips.evaluation, '--format', 'json'], remoteEnv());
  assert.equal(passes.code, 1, passes.stderr);
  assert.equal((JSON.parse(passes.stdout) as Verdict).inputs.some((input) => input.role === 'endpoint'), false);
});
