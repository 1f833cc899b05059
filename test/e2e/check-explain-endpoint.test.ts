import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Verdict } from '../../src/core/index.ts';
import { applicants, biased, logOdds, sigmoid, writeWorld } from './check-explain-helpers.ts';
import { runCli } from './cli.ts';

const policy = [
  'apiVersion: steward/v1',
  'kind: Policy',
  'metadata: { name: flips-only }',
  'data: { y_true: y, score: score, sensitive: [race] }',
  'explain:',
  '  features: { income: number, zip: category, tenure: number, race: category }',
  '  endpoint: { sample: 100, retries: 0, timeout_ms: 2000 }',
  'rules:',
  '  - { id: flips, metric: explain.flip_rate, max: 0.01 }',
  '',
].join('\n');
const world = writeWorld(biased, applicants(200, 5), policy);

test('credentials in --endpoint are sent as Basic auth and never written into the verdict', async () => {
  const seen: string[] = [];
  const server = createServer((request, response) => {
    seen.push(request.headers.authorization ?? '');
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const { instances } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { instances: [number, string, number, string][] };
      const predictions = instances.map(([income, zip, tenure]) => sigmoid(logOdds(biased, { income, zip, tenure })));
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ predictions }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  try {
    const out = join(world.dir, 'secret.json');
    const result = await runCli(['check', '-p', world.policy, '-d', world.evaluation, '--endpoint', `http://ops:s3cret@127.0.0.1:${port}/predict?token=abc`, '--format', `json=${out}`]);
    assert.equal(result.code, 1, result.stderr);
    const text = readFileSync(out, 'utf8');
    assert.ok(!text.includes('s3cret') && !text.includes('abc') && !text.includes('ops'), 'no credential or query value in the verdict');
    const verdict = JSON.parse(text) as Verdict;
    assert.equal(verdict.inputs.find((input) => input.role === 'endpoint')?.file, `http://127.0.0.1:${port}/predict?token=…`);
    assert.ok(seen.length > 0 && seen.every((header) => header === `Basic ${Buffer.from('ops:s3cret').toString('base64')}`));
  } finally {
    server.closeAllConnections();
    server.close();
  }
});

test('an endpoint that is down is an input error naming the URL and the batch, exit 2', async () => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  const result = await runCli(['check', '-p', world.policy, '-d', world.evaluation, '--endpoint', `http://127.0.0.1:${port}/predict`]);
  assert.equal(result.code, 2, result.stderr);
  assert.match(result.stderr, /EXPLAIN_ENDPOINT_UNREACHABLE/);
  assert.match(result.stderr, new RegExp(`POST http://127\\.0\\.0\\.1:${port}/predict \\(batch 1, rows 1–`));
});
