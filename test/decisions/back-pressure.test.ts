import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BoundedQueue, type QueuedJob } from '../../src/app/decisions/bounded-queue.ts';
import { decision, deploy, startIngestServer } from './harness.ts';

test('a full queue refuses a new job before taking any of it, and every accepted job is written', async () => {
  const written: number[] = [];
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const queue = new BoundedQueue<number, number>(async (group: QueuedJob<number, number>[]) => {
    await gate;
    for (const entry of group) {
      written.push(entry.job);
      entry.resolve(entry.job);
    }
  }, 10, 4);
  const accepted = [queue.submit(1, 4), queue.submit(2, 4)];
  assert.throws(() => queue.submit(3, 4), { code: 'INGEST_QUEUE_FULL' });
  release();
  const closing = queue.close();
  assert.throws(() => queue.submit(4, 1), { code: 'INGEST_SHUTTING_DOWN' });
  await closing;
  assert.deepEqual(await Promise.all(accepted), [1, 2]);
  assert.deepEqual(written, [1, 2]);
  assert.equal(queue.queued, 0);
});

test('over HTTP a full queue answers 429 with Retry-After, and every acknowledged decision is stored', async () => {
  const t = await startIngestServer({ capacity: 1_000, maxGroup: 1_000 });
  try {
    await deploy(t.ledger, 'credit', '1.0.0', '2026-05-01T00:00:00Z');
    const batches = Array.from({ length: 12 }, (_, b) => Array.from({ length: 500 }, (_, k) => decision(`bp-${b}-${k}`)));
    const responses = await Promise.all(batches.map((payload) => t.server.app.inject({ method: 'POST', url: '/v1/decisions', headers: t.engineer, payload })));
    const refused = responses.filter((r) => r.statusCode === 429);
    assert.ok(refused.length > 0, 'some batches meet back-pressure');
    for (const r of refused) {
      assert.equal(r.headers['retry-after'], '1');
      assert.equal(r.json().error.code, 'INGEST_QUEUE_FULL');
    }
    const acknowledged = responses.filter((r) => r.statusCode === 200).reduce((sum, r) => sum + (r.json() as { accepted: number }).accepted, 0);
    assert.equal(acknowledged, (12 - refused.length) * 500);
    assert.equal(await t.ledger.store.decisions.countDecisions(), acknowledged);
  } finally {
    await t.close();
  }
});
