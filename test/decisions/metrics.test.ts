import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decision, deploy, startIngestServer } from './harness.ts';

test('/metrics counts ingested records by kind and outcome and shows the queue depth', async () => {
  const t = await startIngestServer();
  try {
    await deploy(t.ledger, 'credit', '1.0.0', '2026-05-01T00:00:00Z');
    await t.server.app.inject({ method: 'POST', url: '/v1/decisions', headers: t.engineer, payload: [decision('k1'), decision('k2'), decision('k3', { score: 'x' })] });
    await t.server.app.inject({ method: 'POST', url: '/v1/decisions', headers: t.engineer, payload: [decision('k1')] });
    await t.server.app.inject({ method: 'POST', url: '/v1/labels', headers: t.engineer, payload: [{ decision_id: 'k1', label: 1 }] });
    const text = (await t.server.app.inject({ method: 'GET', url: '/metrics', headers: t.viewer })).body;
    const value = (series: string): number => Number(new RegExp(`^${series.replace(/[{}]/g, '\\$&')} (\\S+)$`, 'm').exec(text)?.[1]);
    assert.equal(value('steward_ingest_records_total{kind="decisions",outcome="accepted"}'), 2);
    assert.equal(value('steward_ingest_records_total{kind="decisions",outcome="duplicate"}'), 1);
    assert.equal(value('steward_ingest_records_total{kind="decisions",outcome="rejected"}'), 1);
    assert.equal(value('steward_ingest_records_total{kind="labels",outcome="accepted"}'), 1);
    assert.equal(value('steward_ingest_queue_records'), 0);
  } finally {
    await t.close();
  }
});
