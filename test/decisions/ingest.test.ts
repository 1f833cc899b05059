import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { batchRoot } from '../../src/app/decisions/index.ts';
import { decision, deploy, startIngestServer, type IngestServer } from './harness.ts';

let t: IngestServer;
before(async () => {
  t = await startIngestServer();
  await deploy(t.ledger, 'credit', '1.0.0', '2026-05-01T00:00:00Z');
});
after(() => t.close());

const post = (url: string, payload: unknown, headers: Record<string, string> = t.engineer) => t.server.app.inject({ method: 'POST', url, headers, payload: payload as object });

test('a good batch is stored and ledgered as one leaf whose root is the in-batch tree of the stored records', async () => {
  const response = await post('/v1/decisions', [decision('a1'), decision('a2'), decision('a3')]);
  assert.equal(response.statusCode, 200);
  const body = response.json() as { accepted: number; duplicates: number; rejected: unknown[]; ledgerIndex: number };
  assert.deepEqual({ ...body, ledgerIndex: undefined }, { accepted: 3, duplicates: 0, rejected: [], ledgerIndex: undefined });
  const rows = await t.ledger.store.decisions.decisionsInLeaf(body.ledgerIndex);
  assert.deepEqual(rows.map((row) => row.id), ['a1', 'a2', 'a3']);
  let leaf: unknown;
  for await (const recorded of t.ledger.events(body.ledgerIndex, body.ledgerIndex + 1)) leaf = recorded.event;
  assert.deepEqual(leaf, { v: 1, type: 'decisions', recordedAt: (leaf as { recordedAt: string }).recordedAt, count: 3, root: batchRoot(rows.map((row) => row.record)), versions: ['credit@1.0.0'] });
});

test('a retried batch creates no duplicates and reports them', async () => {
  const batch = [decision('r1'), decision('r2')];
  assert.equal((await post('/v1/decisions', batch)).json().accepted, 2);
  const before = await t.ledger.size();
  const again = await post('/v1/decisions', { decisions: [...batch, decision('r3'), decision('r3')] });
  assert.equal(again.statusCode, 200);
  assert.deepEqual({ accepted: again.json().accepted, duplicates: again.json().duplicates }, { accepted: 1, duplicates: 3 });
  assert.equal(await t.ledger.size(), before + 1);
  assert.equal((await t.ledger.store.decisions.existingDecisions(['r1', 'r2', 'r3'])).size, 3);
});

test('bad records are rejected with index, field and code; the good ones are stored (207)', async () => {
  const batch = [
    decision('m0'),
    decision('m1', { timestamp: '2026-02-30T10:00:00Z' }),
    decision('m2', { version: '9.9.9' }),
    decision('m3', { timestamp: '2026-04-01T00:00:00Z' }),
    decision('m4', { features_digest: `sha256:${'0'.repeat(64)}` }),
    decision('m5', { colour: 'red' }),
    { decision_id: 'm6', model: 'credit' },
  ];
  const response = await post('/v1/decisions', batch);
  assert.equal(response.statusCode, 207);
  const body = response.json() as { accepted: number; rejected: { index: number; field: string; code: string }[] };
  assert.equal(body.accepted, 1);
  assert.deepEqual(
    body.rejected.map(({ index, field, code }) => [index, field, code]),
    [
      [1, 'timestamp', 'INGEST_INVALID_TIMESTAMP'],
      [2, 'version', 'INGEST_UNKNOWN_VERSION'],
      [3, 'version', 'INGEST_VERSION_NOT_DEPLOYED'],
      [4, 'features', 'INGEST_INVALID_RECORD'],
      [5, 'colour', 'INGEST_INVALID_RECORD'],
      [6, 'version', 'INGEST_INVALID_RECORD'],
    ],
  );
  assert.deepEqual([...(await t.ledger.store.decisions.existingDecisions(batch.map((d) => String(d.decision_id))))], ['m0']);
});

test('a batch with every record rejected is 422 and stores nothing', async () => {
  const response = await post('/v1/decisions', [decision('x1', { score: 'high' })]);
  assert.equal(response.statusCode, 422);
  assert.deepEqual(response.json().rejected.map((r: { field: string }) => r.field), ['score']);
  assert.equal(await t.ledger.store.decisions.decision('x1'), undefined);
});

test('NDJSON batches are read line by line; an unreadable line is rejected at its index', async () => {
  const text = `${JSON.stringify(decision('n1'))}\n{not json\n\n${JSON.stringify(decision('n2'))}\n`;
  const response = await t.server.app.inject({ method: 'POST', url: '/v1/decisions', headers: { ...t.engineer, 'content-type': 'application/x-ndjson' }, payload: text });
  assert.equal(response.statusCode, 207);
  assert.equal(response.json().accepted, 2);
  assert.deepEqual(response.json().rejected.map((r: { index: number; code: string }) => [r.index, r.code]), [[1, 'INGEST_INVALID_RECORD']]);
});

test('a body that is not a batch is refused whole, naming the body', async () => {
  const response = await post('/v1/decisions', { decision_id: 'lonely' });
  assert.equal(response.statusCode, 400);
  assert.equal(response.json().error.code, 'INGEST_MALFORMED_BODY');
});

test('a version deployed after the catalog was read is seen at once (the catalog refreshes on a miss)', async () => {
  assert.equal((await post('/v1/decisions', [decision('late1', { version: '2.0.0' })])).statusCode, 422);
  await deploy(t.ledger, 'credit', '2.0.0', '2026-05-15T00:00:00Z', 'staging');
  assert.equal((await post('/v1/decisions', [decision('late1', { version: '2.0.0' })])).statusCode, 200);
});

test('labels join decisions by id, are immutable, and reject unknown ids', async () => {
  await post('/v1/decisions', [decision('l1'), decision('l2')]);
  const first = await post('/v1/labels', [{ decision_id: 'l1', label: 1 }, { decision_id: 'ghost', label: 0 }]);
  assert.equal(first.statusCode, 207);
  assert.deepEqual(first.json().rejected.map((r: { index: number; code: string }) => [r.index, r.code]), [[1, 'INGEST_UNKNOWN_DECISION']]);
  const again = await post('/v1/labels', { labels: [{ decision_id: 'l1', label: 1 }, { decision_id: 'l1', label: 0 }, { decision_id: 'l2', label: 0, timestamp: '2026-06-03T00:00:00+02:00' }] });
  assert.equal(again.statusCode, 207);
  assert.deepEqual({ accepted: again.json().accepted, duplicates: again.json().duplicates }, { accepted: 1, duplicates: 1 });
  assert.deepEqual(again.json().rejected.map((r: { index: number; code: string }) => [r.index, r.code]), [[1, 'INGEST_LABEL_CONFLICT']]);
  const labels = await t.ledger.store.decisions.labels(['l1', 'l2']);
  assert.equal(JSON.parse(labels.get('l1')?.record ?? '{}').label, 1);
  assert.equal(labels.get('l2')?.recordedAt, '2026-06-02T22:00:00.000Z');
});

test('only engineers (and admins) may ingest; a viewer is refused and nothing is stored', async () => {
  const response = await post('/v1/decisions', [decision('v1')], t.viewer);
  assert.equal(response.statusCode, 403);
  assert.equal(await t.ledger.store.decisions.decision('v1'), undefined);
});
