import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { readLog } from '../../src/app/index.ts';
import { bearer, startTestServer, type TestServer } from './harness.ts';

let t: TestServer;
let verdictIndex: number;
before(async () => {
  t = await startTestServer();
  const appended = await t.ledger.append([
    { v: 1, type: 'version', recordedAt: '2026-11-01T00:00:00Z', model: 'credit', version: '1.0.0', artifact: { digest: `sha256:${'1'.repeat(64)}`, bytes: 1 } },
    { v: 1, type: 'version', recordedAt: '2026-11-01T00:00:00Z', model: 'credit', version: '2.0.0', artifact: { digest: `sha256:${'2'.repeat(64)}`, bytes: 1 } },
    {
      v: 1, type: 'verdict', recordedAt: '2026-11-01T01:00:00Z', model: 'credit', version: '2.0.0', policy: { name: 'fair', digest: `sha256:${'3'.repeat(64)}` }, inputs: [], outcome: 'pass',
      summary: { pass: 1, fail: 0, warn: 0, insufficient_evidence: 0, waived: 0 }, verdictDigest: `sha256:${'4'.repeat(64)}`, findings: [],
    },
  ]);
  verdictIndex = appended.first + 2;
});
after(() => t.close());

const approve = (token: string, payload: object) => t.server.app.inject({ method: 'POST', url: '/v1/approvals', headers: bearer(token), payload });
const approvals = async () => (await readLog(t.ledger, { kind: 'approval' })).map(({ event }) => event);

test('an approver token records the approval under the token name, with the verdict and the time given', async () => {
  const response = await approve(t.byRole.approver, { ref: 'credit@2.0.0', decision: 'approved', comment: 'gap accepted (R-12)', verdict: verdictIndex, at: '2026-11-02T10:00:00Z', ci: { provider: 'github', actor: 'someone-else' } });
  assert.equal(response.statusCode, 201);
  const body = response.json() as { index: number; event: Record<string, unknown>; warnings: string[] };
  assert.deepEqual(body.event, {
    v: 1,
    recordedAt: '2026-11-02T10:00:00.000Z',
    ci: { provider: 'github', actor: 'someone-else' },
    type: 'approval',
    model: 'credit',
    version: '2.0.0',
    decision: 'approved',
    approver: 't-approver',
    comment: 'gap accepted (R-12)',
    verdict: verdictIndex,
  });
  assert.deepEqual(await approvals(), [body.event]);
});

test('an engineer token is refused with 403 AUTH_FORBIDDEN and nothing is recorded', async () => {
  const before = await approvals();
  const response = await approve(t.byRole.engineer, { ref: 'credit@2.0.0', decision: 'approved', comment: 'self-approved' });
  assert.equal(response.statusCode, 403);
  assert.equal((response.json() as { error: { code: string } }).error.code, 'AUTH_FORBIDDEN');
  assert.deepEqual(await approvals(), before);
});

test('a body naming its own approver is refused as an unknown field, even for an admin', async () => {
  const before = await approvals();
  const response = await approve(t.byRole.admin, { ref: 'credit@2.0.0', decision: 'approved', comment: 'ok', approver: 'ceo' });
  assert.equal(response.statusCode, 400);
  const { error } = response.json() as { error: { code: string; message: string } };
  assert.equal(error.code, 'SERVER_INVALID_REQUEST');
  assert.match(error.message, /approver/);
  assert.deepEqual(await approvals(), before);
});

test('refusals name the request field: verdict of another version, empty comment, unknown version', async () => {
  const before = await approvals();
  const cases = [
    [{ ref: 'credit@1.0.0', decision: 'approved', comment: 'ok', verdict: verdictIndex }, 422, 'RECORD_UNKNOWN_VERDICT', 'verdict'],
    [{ ref: 'credit@2.0.0', decision: 'rejected', comment: '   ' }, 400, 'RECORD_EMPTY_FIELD', 'comment'],
    [{ ref: 'credit@9.0.0', decision: 'approved', comment: 'ok' }, 404, 'RECORD_UNKNOWN_VERSION', 'ref'],
  ] as const;
  for (const [payload, status, code, field] of cases) {
    const response = await approve(t.byRole.approver, payload);
    assert.equal(response.statusCode, status, code);
    assert.deepEqual([(response.json() as { error: { code: string; field: string } }).error.code, (response.json() as { error: { field: string } }).error.field], [code, field]);
  }
  assert.deepEqual(await approvals(), before);
});

test('the approval route and its request schema are in the OpenAPI document, without an approver field', async () => {
  const document = (await t.server.app.inject({ method: 'GET', url: '/openapi.json', headers: bearer(t.byRole.viewer) })).json() as {
    paths: Record<string, { post?: { requestBody?: { content: Record<string, { schema: { $ref?: string } }> } } }>;
    components: { schemas: Record<string, { properties: Record<string, unknown>; required?: string[] }> };
  };
  assert.ok(document.paths['/v1/approvals']?.post !== undefined);
  const request = document.components.schemas.ApprovalRequest;
  assert.deepEqual(Object.keys(request?.properties ?? {}).sort(), ['at', 'ci', 'comment', 'decision', 'ref', 'verdict']);
  assert.deepEqual([...(request?.required ?? [])].sort(), ['comment', 'decision', 'ref']);
});
