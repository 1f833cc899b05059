import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openStore, type AppendItem, type DecisionRow, type DeliveryRow, type LabelRow, type Store, type WindowClaim } from '../../src/store/index.ts';
import { withStore } from './conformance.ts';
import type { StoreHarness } from './harness.ts';
import { sha256TreeHasher } from './hasher.ts';

function decision(id: string, decidedAt: string, ledgerIndex: number, position: number, model = 'credit', version = '1.0.0'): DecisionRow {
  return { id, model, version, decidedAt, ledgerIndex, position, record: JSON.stringify({ decision_id: id }) };
}

function label(decisionId: string, ledgerIndex: number): LabelRow {
  return { decisionId, recordedAt: '2026-03-09T00:00:00.000Z', ledgerIndex, position: 0, record: JSON.stringify({ decision_id: decisionId, label: 1 }) };
}

const claim = (owner: string, claimedAt = '2026-03-02T00:00:00.000Z'): WindowClaim => ({ monitor: 'm', seq: 7, name: '#7', owner, claimedAt });
const fresh = { staleBefore: '2026-03-01T23:55:00.000Z' };

function delivery(id: string, nextAt: string, monitor = 'm'): DeliveryRow {
  return { ...sent(id, nextAt, monitor), state: 'pending', attempts: 4, lastError: 'ECONNREFUSED' };
}

function sent(id: string, nextAt: string, monitor = 'm'): Omit<DeliveryRow, 'state' | 'attempts'> {
  return { id, monitor, rule: 'dataset_drift', alertIndex: Number(id.split(':')[0]), slot: 0, target: 'webhook', origin: 'http://127.0.0.1:9', notice: '{"rule":"dataset_drift"}', nextAt, updatedAt: '2026-03-02T00:00:00.000Z' };
}

async function seed(store: Store): Promise<void> {
  await store.decisions.insertDecisions([
    decision('a', '2026-03-01T10:00:00.000Z', 3, 1),
    decision('b', '2026-03-01T10:59:59.999Z', 3, 0),
    decision('c', '2026-03-01T10:30:00.000Z', 5, 0),
    decision('d', '2026-03-01T11:00:00.000Z', 5, 1),
    decision('e', '2026-03-01T10:15:00.000Z', 6, 0, 'credit', '2.0.0'),
    decision('x', '2026-03-01T10:20:00.000Z', 6, 1, 'other'),
  ]);
  await store.decisions.insertLabels([label('a', 8), label('d', 9)]);
}

/** Monitor windows and the delivery outbox (migration 4): one claim wins, windows read in bounded pages; same on both stores. */
export function registerMonitorConformance(harness: StoreHarness): void {
  test('a window is claimed once: a second claimer loses until the claim goes stale; the owner records the evaluation', () =>
    withStore(harness, async (store) => {
      assert.equal(await store.monitors.claimWindow(claim('r1'), fresh), true);
      assert.equal(await store.monitors.claimWindow(claim('r2'), fresh), false);
      assert.equal((await store.monitors.window('m', 7))?.owner, 'r1');
      // r1 died: a claim older than staleBefore is taken over (once)
      const later = { staleBefore: '2026-03-02T00:10:00.000Z' };
      assert.equal(await store.monitors.claimWindow(claim('r2', '2026-03-02T00:20:00.000Z'), later), true);
      assert.equal(await store.monitors.claimWindow(claim('r3', '2026-03-02T00:20:00.000Z'), later), false);
      await store.monitors.finishWindow({ ...claim('r2', '2026-03-02T00:20:00.000Z'), state: 'evaluated', first: { ledgerIndex: 3, position: 0 }, last: { ledgerIndex: 5, position: 1 }, rows: 4, labelled: 1, provisional: true, verdict: 'sha256:00', outcome: 'pass', evaluatedAt: '2026-03-02T00:21:00.000Z' });
      const stored = await store.monitors.window('m', 7);
      assert.deepEqual(stored, { monitor: 'm', seq: 7, name: '#7', state: 'evaluated', owner: 'r2', claimedAt: '2026-03-02T00:20:00.000Z', first: { ledgerIndex: 3, position: 0 }, last: { ledgerIndex: 5, position: 1 }, rows: 4, labelled: 1, provisional: true, verdict: 'sha256:00', outcome: 'pass', evaluatedAt: '2026-03-02T00:21:00.000Z' });
      // an evaluated window is never taken over as stale
      assert.equal(await store.monitors.claimWindow(claim('r4', '2026-03-09T00:00:00.000Z'), { staleBefore: '2026-03-09T00:00:00.000Z' }), false);
    }));

  test('two replicas on one store claiming the same windows at once: each window has exactly one winner', () =>
    withStore(harness, async (store, url) => {
      const other = await openStore(url, { hasher: sha256TreeHasher });
      try {
        const seqs = Array.from({ length: 20 }, (_, k) => k);
        const results = await Promise.all(seqs.flatMap((seq) => [store, other].map((replica, r) => replica.monitors.claimWindow({ monitor: 'm', seq, name: `#${seq}`, owner: `r${r}`, claimedAt: '2026-03-02T00:00:00.000Z' }, fresh))));
        for (const seq of seqs) assert.equal([results[2 * seq], results[2 * seq + 1]].filter(Boolean).length, 1, `window ${seq}`);
      } finally {
        await other.close();
      }
    }));

  test('a provisional window is re-claimed only by the caller that saw its current label count', () =>
    withStore(harness, async (store) => {
      await store.monitors.claimWindow(claim('r1'), fresh);
      await store.monitors.finishWindow({ ...claim('r1'), state: 'evaluated', rows: 10, labelled: 3, provisional: true });
      assert.equal(await store.monitors.claimWindow(claim('r2'), { ...fresh, relabel: 2 }), false);
      assert.equal(await store.monitors.claimWindow(claim('r2'), { ...fresh, relabel: 3 }), true);
      assert.equal(await store.monitors.claimWindow(claim('r3'), { ...fresh, relabel: 3 }), false);
      await store.monitors.finishWindow({ ...claim('r2'), state: 'evaluated', rows: 10, labelled: 9, provisional: false });
      assert.equal(await store.monitors.claimWindow(claim('r3'), { ...fresh, relabel: 9 }), false, 'a final window is not re-evaluated');
      await store.monitors.claimWindow({ ...claim('r1'), seq: 9, name: '#9' }, fresh);
      assert.deepEqual((await store.monitors.windows('m', 5)).map((w) => w.seq), [9, 7]);
      assert.deepEqual(await store.monitors.windows('other', 5), []);
    }));

  test('time windows read [from, to) of one model in (decidedAt, id) pages with their labels', () =>
    withStore(harness, async (store) => {
      await seed(store);
      const sel = { model: 'credit' };
      const page1 = await store.monitors.decisionsInTime(sel, '2026-03-01T10:00:00.000Z', '2026-03-01T11:00:00.000Z', undefined, 2);
      assert.deepEqual(page1.map((d) => [d.id, d.label !== undefined]), [['a', true], ['e', false]]);
      const last = page1[1];
      assert.ok(last !== undefined);
      const page2 = await store.monitors.decisionsInTime(sel, '2026-03-01T10:00:00.000Z', '2026-03-01T11:00:00.000Z', { decidedAt: last.decidedAt, id: last.id }, 10);
      assert.deepEqual(page2.map((d) => d.id), ['c', 'b']);
      assert.deepEqual(page2[1], { id: 'b', version: '1.0.0', decidedAt: '2026-03-01T10:59:59.999Z', key: { ledgerIndex: 3, position: 0 }, record: '{"decision_id":"b"}' });
      assert.deepEqual((await store.monitors.decisionsInTime({ model: 'credit', version: '2.0.0' }, '2026-03-01T00:00:00.000Z', '2026-03-02T00:00:00.000Z', undefined, 10)).map((d) => d.id), ['e']);
      assert.equal(await store.monitors.labelledInTime(sel, '2026-03-01T10:00:00.000Z', '2026-03-01T11:00:00.000Z'), 1);
      assert.equal(await store.monitors.labelledInTime(sel, '2026-03-01T10:00:00.000Z', '2026-03-01T11:00:00.001Z'), 2);
      assert.equal(await store.monitors.firstDecisionAt(sel, '2026-03-01T10:40:00.000Z'), '2026-03-01T10:59:59.999Z');
      assert.equal(await store.monitors.firstDecisionAt(sel, '2026-03-01T11:00:00.001Z'), undefined);
    }));

  test('count windows read in arrival order (ledger index, position) after a key, count labels between two keys and decisions after a key, and find the key at an offset', () =>
    withStore(harness, async (store) => {
      await seed(store);
      const sel = { model: 'credit' };
      const all = await store.monitors.decisionsInOrder(sel, undefined, 10);
      assert.deepEqual(all.map((d) => d.id), ['b', 'a', 'c', 'd', 'e']);
      assert.deepEqual((await store.monitors.decisionsInOrder(sel, { ledgerIndex: 3, position: 1 }, 2)).map((d) => d.id), ['c', 'd']);
      assert.equal(await store.monitors.labelledInOrder(sel, { ledgerIndex: 3, position: 0 }, { ledgerIndex: 5, position: 0 }), 1);
      assert.equal(await store.monitors.labelledInOrder(sel, { ledgerIndex: 3, position: 0 }, { ledgerIndex: 5, position: 1 }), 2);
      // is an open count window full? counted from the index, capped at the window size
      assert.equal(await store.monitors.countInOrder(sel, undefined, 10), 5);
      assert.equal(await store.monitors.countInOrder(sel, undefined, 3), 3);
      assert.equal(await store.monitors.countInOrder(sel, { ledgerIndex: 3, position: 1 }, 10), 3);
      assert.equal(await store.monitors.countInOrder({ model: 'credit', version: '2.0.0' }, { ledgerIndex: 5, position: 1 }, 10), 1);
      assert.equal(await store.monitors.countInOrder(sel, { ledgerIndex: 6, position: 0 }, 10), 0);
      // where a count window starts when the one before it was never recorded: the key `offset` places on
      assert.deepEqual(await store.monitors.decisionKeyAt(sel, undefined, 0), { ledgerIndex: 3, position: 0 });
      assert.deepEqual(await store.monitors.decisionKeyAt(sel, undefined, 2), { ledgerIndex: 5, position: 0 });
      assert.deepEqual(await store.monitors.decisionKeyAt(sel, { ledgerIndex: 3, position: 1 }, 1), { ledgerIndex: 5, position: 1 });
      assert.equal(await store.monitors.decisionKeyAt(sel, undefined, 5), undefined);
    }));

  test('alert leaves: only kind alert, of the subjects asked (or all), in log order, with their bytes', () =>
    withStore(harness, async (store) => {
      const leaf = (kind: string, subject: string, k: number): AppendItem => ({ leaf: new TextEncoder().encode(`${kind}/${subject}/${k}`), kind, subject, recordedAt: '2026-03-02T00:00:00Z' });
      await store.appendLeaves([leaf('alert', 'monitor:m:drift.a', 0), leaf('decisions', 'monitor:m:drift.a', 1), leaf('alert', 'monitor:m:drift.b', 2)]);
      await store.appendLeaves([leaf('alert', 'monitor:n:drift.a', 3), leaf('alert', 'monitor:m:drift.a', 4)]);
      const read = async (subjects?: string[]) => (await store.monitors.alertLeaves(subjects)).map(({ index, leaf: bytes }) => [index, new TextDecoder().decode(bytes)]);
      assert.deepEqual(await read(['monitor:m:drift.a']), [[0, 'alert/monitor:m:drift.a/0'], [4, 'alert/monitor:m:drift.a/4']]);
      assert.deepEqual((await read(['monitor:m:drift.a', 'monitor:m:drift.b'])).map(([index]) => index), [0, 2, 4]);
      assert.deepEqual((await read()).map(([index]) => index), [0, 2, 3, 4]);
      assert.deepEqual(await read([]), []);
      assert.deepEqual(await read(['monitor:m:drift']), [], 'a subject matches exactly, not as a prefix');
    }));

  test('the outbox: due deliveries in time order, a lease that only one caller wins, outcomes kept', () =>
    withStore(harness, async (store) => {
      await store.monitors.addDeliveries([delivery('4:0', '2026-03-02T00:05:00.000Z'), delivery('2:0', '2026-03-02T00:01:00.000Z'), delivery('9:0', '2026-03-02T09:00:00.000Z', 'n')]);
      await store.monitors.addDeliveries([delivery('1:0', '2026-03-02T00:00:00.000Z', 'other')]);
      await store.monitors.addDeliveries([{ ...delivery('4:0', '2026-03-01T00:00:00.000Z'), notice: 'changed' }]);
      const due = await store.monitors.dueDeliveries('2026-03-02T01:00:00.000Z', ['m', 'n'], 10);
      assert.deepEqual(due.map((d) => d.id), ['2:0', '4:0'], "another monitor's older due delivery is not among them");
      assert.deepEqual((await store.monitors.dueDeliveries('2026-03-02T01:00:00.000Z', ['m', 'other'], 1)).map((d) => d.id), ['1:0']);
      assert.deepEqual(await store.monitors.dueDeliveries('2026-03-02T01:00:00.000Z', [], 10), []);
      assert.deepEqual(due[1], delivery('4:0', '2026-03-02T00:05:00.000Z'));
      assert.equal(await store.monitors.leaseDelivery('2:0', '2026-03-02T00:01:00.000Z', '2026-03-02T01:01:00.000Z'), true);
      assert.equal(await store.monitors.leaseDelivery('2:0', '2026-03-02T00:01:00.000Z', '2026-03-02T01:01:00.000Z'), false);
      assert.deepEqual((await store.monitors.dueDeliveries('2026-03-02T01:00:00.000Z', ['m'], 10)).map((d) => d.id), ['4:0']);
      await store.monitors.updateDelivery({ ...sent('2:0', '2026-03-02T01:00:00.000Z'), state: 'delivered', attempts: 5, lastStatus: 200, updatedAt: '2026-03-02T01:00:00.000Z' });
      const rows = await store.monitors.deliveries('m');
      assert.deepEqual(rows.map((d) => [d.id, d.state, d.attempts, d.lastStatus ?? null]), [['4:0', 'pending', 4, null], ['2:0', 'delivered', 5, 200]]);
      assert.equal((await store.monitors.deliveries()).length, 4);
    }));
}
