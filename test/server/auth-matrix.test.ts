import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { roles, type Role } from '../../src/app/index.ts';
import { bearer, startTestServer, type TestServer } from './harness.ts';

type Method = 'GET' | 'POST' | 'DELETE';
interface RouteCase {
  readonly method: Method;
  /** The path as OpenAPI lists it. */
  readonly path: string;
  /** A concrete URL to call. */
  readonly url: string;
  /** Who may call it, written out from the role definitions of issue 4 (not read from the code under test). */
  readonly allowed: readonly Role[] | 'public';
  readonly payload?: object;
}

const everyone = roles;
const auditors: Role[] = ['auditor', 'admin'];
const engineers: Role[] = ['engineer', 'admin'];
const approvers: Role[] = ['approver', 'admin'];

const routes: RouteCase[] = [
  { method: 'GET', path: '/healthz', url: '/healthz', allowed: 'public' },
  { method: 'GET', path: '/readyz', url: '/readyz', allowed: 'public' },
  { method: 'GET', path: '/metrics', url: '/metrics', allowed: everyone },
  { method: 'GET', path: '/openapi.json', url: '/openapi.json', allowed: everyone },
  { method: 'GET', path: '/v1/version', url: '/v1/version', allowed: everyone },
  { method: 'POST', path: '/v1/check', url: '/v1/check', allowed: engineers, payload: {} },
  { method: 'POST', path: '/v1/policies/validate', url: '/v1/policies/validate', allowed: engineers, payload: { policies: [{ name: 'p.yaml', content: 'x: 1' }] } },
  { method: 'GET', path: '/v1/log', url: '/v1/log', allowed: everyone },
  { method: 'GET', path: '/v1/lineage/{ref}', url: '/v1/lineage/credit@1.0.0', allowed: everyone },
  { method: 'GET', path: '/v1/state', url: '/v1/state', allowed: everyone },
  { method: 'GET', path: '/v1/checkpoint', url: '/v1/checkpoint', allowed: auditors },
  { method: 'GET', path: '/v1/verify', url: '/v1/verify', allowed: auditors },
  { method: 'GET', path: '/v1/proofs/inclusion/{id}', url: '/v1/proofs/inclusion/0', allowed: auditors },
  { method: 'GET', path: '/v1/proofs/consistency', url: '/v1/proofs/consistency?first=0', allowed: auditors },
  { method: 'GET', path: '/v1/export', url: '/v1/export', allowed: auditors },
  { method: 'GET', path: '/v1/bom/{ref}', url: '/v1/bom/credit@1.0.0', allowed: everyone },
  { method: 'POST', path: '/v1/records/datasets', url: '/v1/records/datasets', allowed: engineers, payload: { name: 'loans', digest: `sha256:${'0'.repeat(64)}`, source: 'loans.csv', bytes: 1 } },
  { method: 'POST', path: '/v1/records/runs', url: '/v1/records/runs', allowed: engineers, payload: { id: 'run-1', datasets: ['loans'] } },
  { method: 'POST', path: '/v1/records/versions', url: '/v1/records/versions', allowed: engineers, payload: { ref: 'credit@1.0.0', artifact: { digest: `sha256:${'1'.repeat(64)}`, bytes: 1 } } },
  { method: 'POST', path: '/v1/records/deployments', url: '/v1/records/deployments', allowed: engineers, payload: { ref: 'credit@1.0.0', environment: 'production' } },
  { method: 'POST', path: '/v1/approvals', url: '/v1/approvals', allowed: approvers, payload: { ref: 'credit@1.0.0', decision: 'approved', comment: 'walked by the matrix' } },
  { method: 'POST', path: '/v1/policies', url: '/v1/policies', allowed: engineers, payload: { name: 'p.yaml', content: 'x: 1' } },
  { method: 'GET', path: '/v1/tokens', url: '/v1/tokens', allowed: ['admin'] },
  { method: 'POST', path: '/v1/tokens', url: '/v1/tokens', allowed: ['admin'], payload: { name: 'made-in-matrix', role: 'viewer' } },
  { method: 'DELETE', path: '/v1/tokens/{nameOrId}', url: '/v1/tokens/made-in-matrix', allowed: ['admin'] },
  { method: 'POST', path: '/v1/decisions', url: '/v1/decisions', allowed: engineers, payload: [] },
  { method: 'POST', path: '/v1/labels', url: '/v1/labels', allowed: engineers, payload: [] },
  { method: 'GET', path: '/v1/decisions/{id}/trace', url: '/v1/decisions/d-unknown/trace', allowed: everyone },
];

let t: TestServer;
before(async () => {
  t = await startTestServer();
});
after(() => t.close());

async function call(route: RouteCase, headers: Record<string, string>) {
  return t.server.app.inject({ method: route.method, url: route.url, headers, ...(route.payload === undefined ? {} : { payload: route.payload }) });
}

test('the matrix covers every route the OpenAPI document lists, and nothing else', async () => {
  const response = await t.server.app.inject({ method: 'GET', url: '/openapi.json', headers: bearer(t.byRole.viewer) });
  const document = response.json() as { paths: Record<string, Record<string, unknown>> };
  const listed = Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
  const covered = routes.map((route) => `${route.method} ${route.path}`);
  assert.deepEqual([...listed].sort(), [...covered].sort());
});

test('every route × every role × (no, malformed, unknown, revoked, expired token) answers as the role table says', async () => {
  const failures: string[] = [];
  const expect = (label: string, status: number, ok: (status: number) => boolean, wanted: string) => {
    if (!ok(status)) failures.push(`${label}: got ${status}, wanted ${wanted}`);
  };
  for (const route of routes) {
    const name = `${route.method} ${route.url}`;
    const denied = [
      ['no token', {}, 'AUTH_MISSING_TOKEN'],
      ['malformed header', { authorization: 'Basic abc' }, 'AUTH_INVALID_TOKEN'],
      ['unknown token', bearer(t.unknown), 'AUTH_INVALID_TOKEN'],
      ['revoked token', bearer(t.revoked), 'AUTH_TOKEN_REVOKED'],
      ['expired token', bearer(t.expired), 'AUTH_TOKEN_EXPIRED'],
    ] as const;
    for (const [label, headers, code] of denied) {
      const response = await call(route, headers);
      if (route.allowed === 'public') {
        expect(`${name} ${label}`, response.statusCode, (s) => s === 200, '200 (public)');
      } else {
        expect(`${name} ${label}`, response.statusCode, (s) => s === 401, '401');
        const body = response.json() as { error?: { code?: string } };
        if (body.error?.code !== code) failures.push(`${name} ${label}: code ${body.error?.code}, wanted ${code}`);
      }
    }
    for (const role of roles) {
      const response = await call(route, bearer(t.byRole[role]));
      const mayCall = route.allowed === 'public' || route.allowed.includes(role);
      if (mayCall) expect(`${name} as ${role}`, response.statusCode, (s) => s !== 401 && s !== 403 && s < 500, 'not 401/403/5xx');
      else {
        expect(`${name} as ${role}`, response.statusCode, (s) => s === 403, '403');
        if ((response.json() as { error?: { code?: string } }).error?.code !== 'AUTH_FORBIDDEN') failures.push(`${name} as ${role}: not AUTH_FORBIDDEN`);
      }
    }
  }
  assert.deepEqual(failures, []);
});

test('an unknown path needs a token before it is reported as not found', async () => {
  const anonymous = await t.server.app.inject({ method: 'GET', url: '/v1/nowhere' });
  const viewer = await t.server.app.inject({ method: 'GET', url: '/v1/nowhere', headers: bearer(t.byRole.viewer) });
  assert.equal(anonymous.statusCode, 401);
  assert.equal(viewer.statusCode, 404);
  assert.equal((viewer.json() as { error: { code: string } }).error.code, 'SERVER_NOT_FOUND');
});

test('a 401 carries a coded error body, a WWW-Authenticate challenge and the request id', async () => {
  const response = await t.server.app.inject({ method: 'GET', url: '/v1/version', headers: { 'x-request-id': 'trace-123' } });
  assert.equal(response.statusCode, 401);
  assert.equal(response.headers['www-authenticate'], 'Bearer');
  assert.equal(response.headers['x-request-id'], 'trace-123');
  assert.deepEqual(response.json(), {
    error: { code: 'AUTH_MISSING_TOKEN', message: 'this route needs an Authorization: Bearer <token> header', hint: 'create a token with `steward token create`', requestId: 'trace-123' },
  });
});
