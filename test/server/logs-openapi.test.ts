import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { bearer, startTestServer, type TestServer } from './harness.ts';

let t: TestServer;
before(async () => {
  t = await startTestServer();
});
after(() => t.close());

test('no token, Authorization value or created secret reaches the logs, while requests are logged with their ids', async () => {
  const secrets = [...Object.values(t.byRole), t.revoked, t.expired, t.unknown];
  for (const token of secrets) await t.server.app.inject({ method: 'GET', url: '/v1/version', headers: { ...bearer(token), 'x-request-id': 'log-check' } });
  await t.server.app.inject({ method: 'GET', url: '/v1/version', headers: { authorization: 'Basic dXNlcjpwYXNzd29yZA==' } });
  const created = await t.server.app.inject({ method: 'POST', url: '/v1/tokens', headers: bearer(t.byRole.admin), payload: { name: 'fresh', role: 'viewer' } });
  const fresh = (created.json() as { token: string }).token;
  secrets.push(fresh, 'dXNlcjpwYXNzd29yZA==');
  const logs = t.logs();
  assert.match(logs, /"reqId":"log-check"/);
  assert.match(logs, /"url":"\/v1\/tokens"/);
  for (const secret of secrets) assert.ok(!logs.includes(secret), `a secret appeared in the logs: ${secret.slice(0, 8)}…`);
  assert.ok(!/Bearer /.test(logs));
});

test('a malformed x-request-id is replaced, never echoed or logged', async () => {
  const response = await t.server.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'bad id\twith "quotes"' } });
  assert.match(String(response.headers['x-request-id']), /^[0-9a-f-]{36}$/);
  assert.ok(!t.logs().includes('with \\"quotes'));
});

test('the OpenAPI document is 3.1 with bearer security, and every route has a summary and JSON responses', async () => {
  const response = await t.server.app.inject({ method: 'GET', url: '/openapi.json', headers: bearer(t.byRole.viewer) });
  const document = response.json() as {
    openapi: string;
    components: { securitySchemes: Record<string, { type: string; scheme: string }> };
    paths: Record<string, Record<string, { summary?: string; requestBody?: { content: Record<string, { schema: object }> }; responses: Record<string, { content?: Record<string, { schema: object }> }> }>>;
  };
  assert.equal(document.openapi, '3.1.0');
  assert.deepEqual(document.components.securitySchemes.bearer, { type: 'http', scheme: 'bearer', description: 'A token from `steward token create`.' });
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      assert.ok(operation.summary, `${method} ${path} has a summary`);
      const ok = operation.responses['200'] ?? operation.responses['201'];
      assert.ok(ok?.content !== undefined, `${method} ${path} documents its success response`);
      if (path !== '/healthz' && path !== '/readyz') assert.ok(operation.responses['401']?.content, `${method} ${path} documents 401`);
    }
  }
  const check = document.paths['/v1/check']?.post;
  const ref = (check?.requestBody?.content['multipart/form-data']?.schema as { $ref?: string } | undefined)?.$ref ?? '';
  const form = (document.components as unknown as { schemas: Record<string, { required?: string[] }> }).schemas[ref.replace('#/components/schemas/', '')];
  assert.deepEqual(form?.required?.sort(), ['data', 'policy']);
  assert.ok(document.paths['/v1/policies/validate']?.post?.requestBody?.content['application/json']);
});

test('/metrics answers the Prometheus text format with request counters by route template', async () => {
  await t.server.app.inject({ method: 'GET', url: '/v1/lineage/credit@9.9.9', headers: bearer(t.byRole.viewer) });
  const response = await t.server.app.inject({ method: 'GET', url: '/metrics', headers: bearer(t.byRole.viewer) });
  assert.equal(response.statusCode, 200);
  assert.match(String(response.headers['content-type']), /^text\/plain/);
  assert.match(response.body, /^# TYPE steward_http_requests_total counter$/m);
  assert.match(response.body, /steward_http_requests_total\{method="GET",route="\/v1\/lineage\/:ref",status="\d+"\} 1/);
  assert.ok(!response.body.includes('credit@9.9.9'));
});

test('/readyz is 200 while the store answers and 503 once the server drains', async () => {
  assert.equal((await t.server.app.inject({ method: 'GET', url: '/readyz' })).statusCode, 200);
  t.server.startDraining();
  const draining = await t.server.app.inject({ method: 'GET', url: '/readyz' });
  assert.equal(draining.statusCode, 503);
  assert.deepEqual(draining.json(), { status: 'unavailable' });
});
