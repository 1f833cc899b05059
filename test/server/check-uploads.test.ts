import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { openLedger, openTokenRegistry, type Ledger, type TokenRegistry } from '../../src/app/index.ts';
import { buildServer, type StewardServer } from '../../src/server/index.ts';
import { repoRoot } from '../e2e/cli.ts';

/** The explain parts of POST /v1/check: size-limited like every upload, and never a path on the server's disk. */
const example = join(repoRoot, 'examples/credit-scoring');
const limit = 64 * 1024;

let folder: string;
let uploads: string;
let ledger: Ledger;
let tokens: TokenRegistry;
let server: StewardServer;
let headers: Record<string, string>;

before(async () => {
  folder = mkdtempSync(join(tmpdir(), 'steward-check-uploads-'));
  uploads = join(folder, 'uploads');
  const store = join(folder, 'steward.db');
  ledger = await openLedger({ store });
  tokens = await openTokenRegistry({ store });
  headers = { authorization: `Bearer ${(await tokens.create({ name: 'ci', role: 'engineer', now: new Date() })).token}` };
  mkdirSync(uploads);
  server = await buildServer({ tokens, ledger, tempDir: uploads, logLevel: 'warn', maxUploadBytes: limit });
});
after(async () => {
  await server.app.close();
  await ledger.close();
  await tokens.close();
  rmSync(folder, { recursive: true, force: true });
});

function form(extra: (form: FormData) => void): FormData {
  const body = new FormData();
  body.append('policy', new Blob([readFileSync(join(example, 'policy.yaml'))]), 'policy.yaml');
  body.append('data', new Blob(['y_true,y_pred\n1,1\n']), 'evaluation.csv');
  extra(body);
  return body;
}

async function post(body: FormData): Promise<{ status: number; error: { code: string; field?: string; message: string } }> {
  const response = await server.app.inject({ method: 'POST', url: '/v1/check', headers, payload: body });
  return { status: response.statusCode, error: (response.json() as { error: { code: string; field?: string; message: string } }).error };
}

test('an attributions or importance baseline part larger than --max-upload-mb is 413, and nothing is left on disk', async () => {
  for (const field of ['attributions', 'importanceBaseline']) {
    const answer = await post(form((body) => body.append(field, new Blob([Buffer.alloc(limit + 1, 'a')]), `${field}.csv`)));
    assert.equal(answer.status, 413, field);
    assert.equal(answer.error.code, 'SERVER_PAYLOAD_TOO_LARGE', field);
    assert.deepEqual(readdirSync(uploads), [], `${field}: the temporary folder is removed`);
  }
});

test('options cannot name a file on the server: only the endpoint and its protocol are explain options', async () => {
  for (const explain of [{ attributionsFile: '/etc/passwd' }, { importanceBaselineFile: 'importance.csv' }]) {
    const answer = await post(form((body) => body.append('options', JSON.stringify({ explain }))));
    assert.equal(answer.status, 400, JSON.stringify(explain));
    assert.equal(answer.error.code, 'SERVER_INVALID_REQUEST');
    assert.match(answer.error.message, /unrecognized key/i);
  }
  const protocol = await post(form((body) => body.append('options', JSON.stringify({ explain: { endpointProtocol: 'grpc' } }))));
  assert.equal(protocol.status, 400);
  assert.equal(protocol.error.field, 'options.explain.endpointProtocol');
});

test("a file the policy's explain: names is read only from an upload, never from the server's disk", async () => {
  const policy = (files: string): string =>
    ['apiVersion: steward/v1', 'kind: Policy', 'metadata: { name: p }', 'data: { y_true: y_true, y_pred: y_pred, sensitive: [] }', 'explain:', '  features: { income: number }', files, 'rules:', '  - { id: c, metric: explain.coverage, min: 0.99 }', ''].join('\n');
  for (const [files, field] of [
    ['  attributions: { file: /etc/passwd }', 'attributions'],
    ['  importance_baseline: { file: ../../importance.csv }', 'importanceBaseline'],
  ] as const) {
    const body = new FormData();
    body.append('policy', new Blob([policy(files)]), 'policy.yaml');
    body.append('data', new Blob(['y_true,y_pred,income\n1,1,5\n']), 'evaluation.csv');
    const answer = await post(body);
    assert.equal(answer.status, 400, files);
    assert.equal(answer.error.code, 'SERVER_INVALID_REQUEST');
    assert.equal(answer.error.field, field);
    assert.ok(!answer.error.message.includes('steward-upload-'), answer.error.message);
    assert.deepEqual(readdirSync(uploads), []);
  }
});
