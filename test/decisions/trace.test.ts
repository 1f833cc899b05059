import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { fromHexForTest } from './hex.ts';
import { decision, deploy, startIngestServer, type IngestServer } from './harness.ts';
import { canonicalJson } from '../../src/core/index.ts';
import { leafHash, toHex, verifyInclusion } from '../../src/ledger/index.ts';

let t: IngestServer;
before(async () => {
  t = await startIngestServer();
  await t.ledger.append([
    { v: 1, type: 'version', recordedAt: '2026-05-01T00:00:00Z', model: 'credit', version: '1.0.0', artifact: { digest: `sha256:${'cd'.repeat(32)}`, bytes: 5 } },
    {
      v: 1,
      type: 'verdict',
      recordedAt: '2026-05-02T00:00:00Z',
      model: 'credit',
      version: '1.0.0',
      policy: { name: 'fair', digest: `sha256:${'ef'.repeat(32)}` },
      inputs: [],
      outcome: 'pass',
      summary: { pass: 1, fail: 0, warn: 0, insufficient_evidence: 0, waived: 0 },
      verdictDigest: `sha256:${'12'.repeat(32)}`,
      findings: [],
    },
    { v: 1, type: 'deployment', recordedAt: '2026-05-03T00:00:00Z', model: 'credit', version: '1.0.0', environment: 'production' },
  ]);
  await deploy(t.ledger, 'credit', '2.0.0', '2026-07-01T00:00:00Z');
  // Through the route, as an approver would: #5 approves verdict #1, #6 rejects later (both before the deployment of
  // 2026-05-03), #7 comes after that deployment and #8 is about another version: neither of the last two is traced.
  const approvals = [
    { ref: 'credit@1.0.0', decision: 'approved', comment: 'fairness within bounds', verdict: 1, at: '2026-05-02T12:00:00Z' },
    { ref: 'credit@1.0.0', decision: 'rejected', comment: 'wait for the Q2 baseline', at: '2026-05-02T18:00:00Z' },
    { ref: 'credit@1.0.0', decision: 'approved', comment: 'after the fact', at: '2026-05-04T00:00:00Z' },
    { ref: 'credit@2.0.0', decision: 'approved', comment: 'other version', at: '2026-06-30T00:00:00Z' },
  ];
  for (const payload of approvals) {
    const response = await t.server.app.inject({ method: 'POST', url: '/v1/approvals', headers: t.approver, payload });
    if (response.statusCode !== 201) throw new Error(`approval refused: ${response.body}`);
  }
});
after(() => t.close());

interface Proof { index: number; treeSize: number; leafHash: string; root: string; auditPath: string[]; checkpoint?: string }
interface Traced { record: { decision_id: string }; batch: { position: number; size: number; root: string; auditPath: string[] }; proof: Proof & { leaf: string } }

function assertProof(proof: Proof): void {
  const check = verifyInclusion(fromHexForTest(proof.leafHash), proof.index, proof.treeSize, proof.auditPath.map(fromHexForTest), fromHexForTest(proof.root));
  assert.deepEqual(check, { ok: true });
  assert.match(proof.checkpoint ?? '', /^test\.example\/steward\n/);
}

test('a trace proves the decision in its batch and the batch in the log, then the version, deployment, verdict and approvals in force', async () => {
  const batch = [decision('t0'), decision('t1', { timestamp: '2026-06-01T00:00:00Z' }), decision('t2')];
  assert.equal((await t.server.app.inject({ method: 'POST', url: '/v1/decisions', headers: t.engineer, payload: batch })).statusCode, 200);
  await t.server.app.inject({ method: 'POST', url: '/v1/labels', headers: t.engineer, payload: [{ decision_id: 't1', label: 0 }] });
  const response = await t.server.app.inject({ method: 'GET', url: '/v1/decisions/t1/trace', headers: t.viewer });
  assert.equal(response.statusCode, 200);
  const trace = response.json() as { decision: Traced; label: Traced; version: { event: { version: string }; proof: Proof }; deployments: { event: { version: string; environment: string }; proof: Proof }[]; verdicts: { event: { outcome: string }; proof: Proof }[]; approvals: { index: number; event: Record<string, unknown>; proof: Proof & { leaf: string } }[] };
  const { decision: traced } = trace;
  assert.equal(traced.record.decision_id, 't1');
  const stored = await t.ledger.store.decisions.decision('t1');
  const inBatch = verifyInclusion(leafHash(new TextEncoder().encode(stored?.record)), traced.batch.position, traced.batch.size, traced.batch.auditPath.map(fromHexForTest), fromHexForTest(traced.batch.root));
  assert.deepEqual(inBatch, { ok: true });
  assert.equal(JSON.parse(traced.proof.leaf).root, traced.batch.root);
  assertProof(traced.proof);
  assertProof(trace.label.proof);
  assert.equal(trace.version.event.version, '1.0.0');
  assertProof(trace.version.proof);
  assert.deepEqual(trace.deployments.map((d) => [d.event.version, d.event.environment]), [['1.0.0', 'production']]);
  assertProof(trace.deployments[0]?.proof as Proof);
  assert.deepEqual(trace.verdicts.map((v) => v.event.outcome), ['pass']);
  assert.deepEqual(
    trace.approvals.map(({ index, event }) => [index, event.decision, event.approver, event.verdict]),
    [[5, 'approved', 'risk-ana', 1], [6, 'rejected', 'risk-ana', undefined]],
    'the approval and the later rejection, in log order, under the token name; nothing after the deployment or of 2.0.0',
  );
  for (const approval of trace.approvals) {
    assertProof(approval.proof);
    assert.equal(approval.proof.index, approval.index);
    assert.equal(approval.proof.leaf, canonicalJson(approval.event), 'the proved leaf is the approval shown');
    assert.equal(toHex(leafHash(new TextEncoder().encode(approval.proof.leaf))), approval.proof.leafHash);
  }
});

test('an unknown decision id is a coded 404', async () => {
  const response = await t.server.app.inject({ method: 'GET', url: '/v1/decisions/nope/trace', headers: t.viewer });
  assert.equal(response.statusCode, 404);
  assert.equal(response.json().error.code, 'INGEST_UNKNOWN_DECISION');
});
