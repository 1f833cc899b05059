import assert from 'node:assert/strict';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { initLedger, openLedger, openTokenRegistry, recordVerdict, type Ledger, type TokenRegistry } from '../../src/app/index.ts';
import type { Verdict } from '../../src/core/index.ts';
import { buildServer, type StewardServer } from '../../src/server/index.ts';

/**
 * Every route, called with a request that succeeds on a ledger holding one of everything (dataset, run, version,
 * verdict, policy, deployment, decisions, a label), answers a body that validates against the schema the published
 * /openapi.json gives for that route and status. The document is checked with ajv, not with the zod schemas it was
 * generated from, so this tests the contract a client sees.
 */
const example = 'examples/credit-scoring';
const digest = (fill: string): string => `sha256:${fill.repeat(64)}`;

let folder: string;
let ledger: Ledger;
let tokens: TokenRegistry;
let server: StewardServer;
let base: string;
let headers: Record<string, string>;
let document: OpenApi;

interface OpenApi {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>>;
}

before(async () => {
  folder = mkdtempSync(join(tmpdir(), 'steward-responses-'));
  const store = join(folder, 'steward.db');
  await initLedger({ store, origin: 'example.com/responses' });
  ledger = await openLedger({ store });
  tokens = await openTokenRegistry({ store });
  headers = { authorization: `Bearer ${(await tokens.create({ name: 'ops', role: 'admin', now: new Date() })).token}` };
  server = await buildServer({ tokens, ledger, tempDir: folder, logLevel: 'warn' });
  base = await server.app.listen({ port: 0, host: '127.0.0.1' });
  document = (await (await fetch(`${base}/openapi.json`, { headers })).json()) as OpenApi;
});
after(async () => {
  await server.app.close();
  await ledger.close();
  await tokens.close();
  rmSync(folder, { recursive: true, force: true });
});

interface Call {
  readonly method: 'GET' | 'POST' | 'DELETE';
  /** The path as the OpenAPI document lists it. */
  readonly path: string;
  readonly url?: string;
  readonly body?: unknown;
  readonly status: number;
}

const called = new Set<string>();

/** Calls one route, checks the status, validates the body against the document's schema; returns the body. */
async function call(spec: Call): Promise<unknown> {
  const init: RequestInit = { method: spec.method, headers: { ...headers } };
  if (spec.body instanceof FormData) init.body = spec.body;
  else if (spec.body !== undefined) {
    init.body = JSON.stringify(spec.body);
    init.headers = { ...headers, 'content-type': 'application/json' };
  }
  const response = await fetch(`${base}${spec.url ?? spec.path}`, init);
  const text = await response.text();
  assert.equal(response.status, spec.status, `${spec.method} ${spec.path}: ${text.slice(0, 500)}`);
  called.add(`${spec.method} ${spec.path}`);
  const content = document.paths[spec.path]?.[spec.method.toLowerCase()]?.responses[String(spec.status)]?.content;
  assert.ok(content !== undefined, `${spec.method} ${spec.path} documents status ${spec.status}`);
  const type = (response.headers.get('content-type') ?? '').split(';')[0] ?? '';
  const json = content['application/json'];
  if (type !== 'application/json') {
    assert.ok(content[type] !== undefined, `${spec.method} ${spec.path} documents its ${type} answer`);
    return text;
  }
  assert.ok(json !== undefined, `${spec.method} ${spec.path} documents a JSON answer`);
  const body = JSON.parse(text) as unknown;
  const errors = validate(json.schema, body);
  assert.deepEqual(errors, [], `${spec.method} ${spec.path} ${spec.status} matches its OpenAPI schema`);
  return body;
}

function validate(schema: object, value: unknown): string[] {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(ajv);
  ajv.addSchema({ ...document, $id: 'openapi' });
  // The response schemas point into the document's components; resolve them against the document.
  const rebased = JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi#/components/')) as object;
  const check = ajv.compile(rebased);
  return check(value) ? [] : (check.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
}

test('every route answers what its OpenAPI schema says, on a ledger with one of everything', async () => {
  await call({ method: 'GET', path: '/healthz', status: 200 });
  await call({ method: 'GET', path: '/readyz', status: 200 });
  await call({ method: 'GET', path: '/v1/version', status: 200 });
  await call({ method: 'GET', path: '/openapi.json', status: 200 });
  await call({ method: 'POST', path: '/v1/records/datasets', body: { name: 'loans', digest: digest('a'), source: 's3://loans/2026', bytes: 1200, rows: 40, columns: [{ name: 'income', type: 'integer' }], at: '2026-11-01T09:00:00Z' }, status: 201 });
  await call({ method: 'POST', path: '/v1/records/runs', body: { id: 'train-1', model: 'credit-scoring', datasets: ['loans'], commit: '1a2b3c', params: ['lr=0.01'], at: '2026-11-01T10:00:00Z', ci: { provider: 'github', repository: 'acme/credit' } }, status: 201 });
  await call({ method: 'POST', path: '/v1/records/versions', body: { ref: 'credit-scoring@1.0.0', artifact: { digest: digest('b'), bytes: 99, path: 'model.onnx' }, run: 'train-1', at: '2026-11-01T11:00:00Z' }, status: 201 });
  await call({ method: 'POST', path: '/v1/policies', body: { name: 'policy.yaml', content: readFileSync(join(example, 'policy.yaml'), 'utf8'), at: '2026-11-01T11:30:00Z' }, status: 201 });
  const form = new FormData();
  form.append('policy', new Blob([readFileSync(join(example, 'policy.yaml'))]), 'policy.yaml');
  form.append('data', new Blob([readFileSync(join(example, 'evaluation.csv'))]), 'evaluation.csv');
  form.append('baseline', new Blob([readFileSync(join(example, 'baseline.csv'))]), 'baseline.csv');
  form.append('modelCard', new Blob([readFileSync(join(example, 'model-card.yaml'))]), 'model-card.yaml');
  form.append('waivers', new Blob([readFileSync(join(example, 'waivers.yaml'))]), 'waivers.yaml');
  form.append('attributions', new Blob([readFileSync(join(example, 'attributions.csv'))]), 'attributions.csv');
  form.append('importanceBaseline', new Blob([readFileSync(join(example, 'importance-production.csv'))]), 'importance-production.csv');
  form.append('options', JSON.stringify({ model: 'credit-scoring@1.0.0', now: '2026-11-01T12:00:00Z' }));
  const verdict = (await call({ method: 'POST', path: '/v1/check', body: form, status: 200 })) as Verdict;
  const recorded = await recordVerdict(ledger, verdict, { at: new Date('2026-11-01T12:00:00Z') });
  await call({ method: 'POST', path: '/v1/approvals', body: { ref: 'credit-scoring@1.0.0', decision: 'approved', comment: 'reviewed', verdict: recorded.index, at: '2026-11-01T13:00:00Z' }, status: 201 });
  await call({ method: 'POST', path: '/v1/policies/validate', body: { policies: [{ name: 'p.yaml', content: 'rules: 1' }] }, status: 200 });
  await call({ method: 'POST', path: '/v1/records/deployments', body: { ref: 'credit-scoring@1.0.0', environment: 'production', at: '2026-11-02T09:00:00Z' }, status: 201 });
  const decision = (id: string) => ({ decision_id: id, model: 'credit-scoring', version: '1.0.0', timestamp: '2026-11-20T14:00:00Z', features: { income: 4200 }, prediction: 1, score: 0.8, sensitive: { sex: 'f' } });
  await call({ method: 'POST', path: '/v1/decisions', body: [decision('d-1'), decision('d-2')], status: 200 });
  await call({ method: 'POST', path: '/v1/labels', body: [{ decision_id: 'd-1', label: 1 }], status: 200 });
  const trace = (await call({ method: 'GET', path: '/v1/decisions/{id}/trace', url: '/v1/decisions/d-1/trace', status: 200 })) as { label?: unknown; version?: unknown; deployments: unknown[]; verdicts: unknown[]; approvals: unknown[] };
  assert.ok(trace.label !== undefined && trace.version !== undefined && trace.deployments.length === 1 && trace.verdicts.length === 1 && trace.approvals.length === 1, 'the trace holds every kind of item');

  const log = (await call({ method: 'GET', path: '/v1/log', status: 200 })) as { events: { event: { type: string } }[] };
  assert.deepEqual(log.events.map((entry) => entry.event.type), ['dataset', 'run', 'version', 'policy', 'verdict', 'approval', 'deployment', 'decisions', 'labels']);
  await call({ method: 'GET', path: '/v1/log', url: '/v1/log?kind=verdict&since=2026-11-01', status: 200 });
  const lineage = (await call({ method: 'GET', path: '/v1/lineage/{ref}', url: '/v1/lineage/credit-scoring@1.0.0', status: 200 })) as { run?: unknown; datasets: { record?: unknown }[]; verdicts: unknown[]; deployments: unknown[]; approvals: unknown[] };
  assert.ok(lineage.run !== undefined && lineage.datasets[0]?.record !== undefined && lineage.verdicts.length === 1 && lineage.deployments.length === 1 && lineage.approvals.length === 1);
  const state = (await call({ method: 'GET', path: '/v1/state', url: '/v1/state?at=2026-11-03T00:00:00Z', status: 200 })) as { deployments: unknown[]; policies: unknown[] };
  assert.equal(state.deployments.length + state.policies.length, 2);
  await call({ method: 'GET', path: '/v1/bom/{ref}', url: '/v1/bom/credit-scoring@1.0.0', status: 200 });
  await call({ method: 'GET', path: '/v1/checkpoint', status: 200 });
  await call({ method: 'GET', path: '/v1/verify', status: 200 });
  await call({ method: 'GET', path: '/v1/proofs/inclusion/{id}', url: '/v1/proofs/inclusion/2', status: 200 });
  await call({ method: 'GET', path: '/v1/proofs/consistency', url: '/v1/proofs/consistency?first=3', status: 200 });
  await call({ method: 'GET', path: '/v1/export', status: 200 });
  await call({ method: 'GET', path: '/metrics', status: 200 });
  await call({ method: 'POST', path: '/v1/tokens', body: { name: 'reader', role: 'viewer' }, status: 201 });
  await call({ method: 'GET', path: '/v1/tokens', status: 200 });
  await call({ method: 'DELETE', path: '/v1/tokens/{nameOrId}', url: '/v1/tokens/reader', status: 200 });

  const listed = Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
  assert.deepEqual([...called].sort(), listed.sort(), 'every documented route was called');
});

test('refusals validate against the documented error schema and name the request field', async () => {
  const run = (await call({ method: 'POST', path: '/v1/records/runs', body: { id: 'train-9', datasets: ['nowhere'] }, status: 422 })) as { error: { code: string; field?: string } };
  assert.deepEqual([run.error.code, run.error.field], ['RECORD_UNKNOWN_DATASET', 'datasets']);
  const version = (await call({ method: 'POST', path: '/v1/records/versions', body: { ref: 'credit-scoring@1.0.0', artifact: { digest: digest('c'), bytes: 1 } }, status: 409 })) as { error: { code: string; field?: string } };
  assert.deepEqual([version.error.code, version.error.field], ['RECORD_DUPLICATE', 'ref']);
  const unknownRun = (await call({ method: 'POST', path: '/v1/records/versions', body: { ref: 'credit-scoring@2.0.0', artifact: { digest: digest('c'), bytes: 1 }, run: 'nope' }, status: 422 })) as { error: { code: string; field?: string } };
  assert.deepEqual([unknownRun.error.code, unknownRun.error.field], ['RECORD_UNKNOWN_RUN', 'run']);
  const deployment = (await call({ method: 'POST', path: '/v1/records/deployments', body: { ref: 'credit-scoring@1.0.0', environment: 'prod uction' }, status: 400 })) as { error: { code: string; field?: string } };
  assert.deepEqual([deployment.error.code, deployment.error.field], ['RECORD_INVALID_REFERENCE', 'environment']);
  const time = (await call({ method: 'POST', path: '/v1/records/deployments', body: { ref: 'credit-scoring@1.0.0', environment: 'staging', at: 'tomorrow' }, status: 400 })) as { error: { code: string; field?: string } };
  assert.deepEqual([time.error.code, time.error.field], ['RECORD_INVALID_TIME', 'at']);
  const shape = (await call({ method: 'POST', path: '/v1/records/datasets', body: { name: 'loans', digest: 'md5:x', source: 's', bytes: 1 }, status: 400 })) as { error: { code: string; field?: string } };
  assert.deepEqual([shape.error.code, shape.error.field], ['SERVER_INVALID_REQUEST', 'body.digest']);
  const policy = (await call({ method: 'POST', path: '/v1/policies', body: { name: 'team/policy.yaml', content: 'rules: [' }, status: 422 })) as { error: { code: string; field?: string; message: string } };
  assert.equal(policy.error.field, 'team/policy.yaml');
  assert.ok(!policy.error.message.includes(folder), 'no temporary path in the message');
  const lineage = (await call({ method: 'GET', path: '/v1/lineage/{ref}', url: '/v1/lineage/credit-scoring@9.9.9', status: 404 })) as { error: { code: string; field?: string } };
  assert.deepEqual([lineage.error.code, lineage.error.field], ['RECORD_UNKNOWN_VERSION', 'ref']);
  const bom = (await call({ method: 'GET', path: '/v1/bom/{ref}', url: '/v1/bom/no-version', status: 400 })) as { error: { code: string; field?: string } };
  assert.deepEqual([bom.error.code, bom.error.field], ['RECORD_INVALID_REFERENCE', 'ref']);
  const since = (await call({ method: 'GET', path: '/v1/log', url: '/v1/log?since=last-week', status: 400 })) as { error: { code: string; field?: string } };
  assert.deepEqual([since.error.code, since.error.field], ['RECORD_INVALID_TIME', 'since']);
  const size = (await ledger.size());
  assert.equal(size, 9, 'no refused request appended anything');
});
