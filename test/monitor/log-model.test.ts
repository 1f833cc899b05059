import assert from 'node:assert/strict';
import { test } from 'node:test';
import { logLine } from '../../src/app/lineage/describe-event.ts';
import { filterLog } from '../../src/app/lineage/log-filter.ts';
import type { AlertEvent, DeliveryEvent, Digest, LedgerEvent, ReferenceEvent } from '../../src/core/index.ts';

const digest: Digest = `sha256:${'ab'.repeat(32)}`;
const reference = (model: string): ReferenceEvent => ({ v: 1, type: 'reference', recordedAt: '2026-03-01T00:00:00Z', monitor: 'drift', model, version: '1.0.0', profile: digest, data: digest, rows: 10 });
const alert = (model: string | undefined): AlertEvent => ({ v: 1, type: 'alert', recordedAt: '2026-03-02T00:00:00Z', action: 'opened', monitor: 'drift', rule: 'dataset_drift', ...(model === undefined ? {} : { model }), window: '#3', severity: 'error', evidence: digest, deliveries: [] });
const delivery: DeliveryEvent = { v: 1, type: 'delivery', recordedAt: '2026-03-03T00:00:00Z', monitor: 'drift', rule: 'dataset_drift', model: 'credit@1.0.0', alert: 1, slot: 0, round: 2, outcome: 'failed', delivery: { target: 'webhook', url: 'http://127.0.0.1:9', ok: false, attempts: 3, error: 'ECONNREFUSED' } };

test('steward log --model lists the model\'s reference, alert and delivery events (an alert naming model@version counts for the model)', () => {
  const events: LedgerEvent[] = [reference('credit'), alert('credit@1.0.0'), reference('other'), alert('other'), alert(undefined), delivery];
  const recorded = events.map((event, index) => ({ index, event, leafHash: '' }));
  assert.deepEqual(filterLog(recorded, { model: 'credit' }).map((e) => e.index), [0, 1, 5]);
  assert.deepEqual(filterLog(recorded, { model: 'other' }).map((e) => e.index), [2, 3]);
  assert.deepEqual(filterLog(recorded, { kind: 'delivery' }).map((e) => e.index), [5]);
  assert.equal(logLine({ index: 5, event: delivery, leafHash: '' }), '#5  2026-03-03T00:00:00Z  delivery    monitor:drift:dataset_drift  alert #1 redelivery 2 to webhook http://127.0.0.1:9: failed (ECONNREFUSED)');
});
