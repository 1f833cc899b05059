import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DecisionRow, LabelRow } from '../../src/store/index.ts';
import { withStore } from './conformance.ts';
import type { StoreHarness } from './harness.ts';

function decisionOf(id: string, ledgerIndex: number, position: number): DecisionRow {
  return {
    id,
    model: 'credit',
    version: '1.0.0',
    decidedAt: '2026-03-01T12:00:00.000Z',
    ledgerIndex,
    position,
    record: JSON.stringify({ decision_id: id, prediction: position % 2 }),
  };
}

function labelOf(decisionId: string, ledgerIndex: number, position: number): LabelRow {
  return { decisionId, recordedAt: '2026-03-05T08:30:00.000Z', ledgerIndex, position, record: JSON.stringify({ decision_id: decisionId, label: 1 }) };
}

/** Decisions and labels (migration 3): insert-once by id, each caller told which rows were its own; same on both stores. */
export function registerDecisionConformance(harness: StoreHarness): void {
  test('decisions are stored once per id: a second insert of an id keeps the first row and reports only new ids', () =>
    withStore(harness, async (store) => {
      const first = [decisionOf('d1', 4, 0), decisionOf('d2', 4, 1)];
      assert.deepEqual(await store.decisions.insertDecisions(first), ['d1', 'd2']);
      const again = [{ ...decisionOf('d2', 9, 0), record: '{"changed":true}' }, decisionOf('d3', 9, 1)];
      assert.deepEqual(await store.decisions.insertDecisions(again), ['d3']);
      assert.deepEqual(await store.decisions.decision('d2'), first[1]);
      assert.equal(await store.decisions.countDecisions(), 3);
      assert.deepEqual([...(await store.decisions.existingDecisions(['d1', 'd3', 'nope']))].sort(), ['d1', 'd3']);
      assert.equal(await store.decisions.decision('nope'), undefined);
    }));

  test('the decisions of one ledger leaf come back in position order, whatever the insert order', () =>
    withStore(harness, async (store) => {
      await store.decisions.insertDecisions([decisionOf('b', 7, 1), decisionOf('a', 7, 0), decisionOf('c', 8, 0)]);
      assert.deepEqual((await store.decisions.decisionsInLeaf(7)).map((row) => row.id), ['a', 'b']);
      assert.deepEqual(await store.decisions.decisionsInLeaf(99), []);
    }));

  test('more ids than one statement takes are inserted and found in one call', () =>
    withStore(harness, async (store) => {
      const rows = Array.from({ length: 1_234 }, (_, k) => decisionOf(`bulk-${k}`, 1, k));
      assert.equal((await store.decisions.insertDecisions(rows)).length, 1_234);
      assert.equal((await store.decisions.existingDecisions(rows.map((row) => row.id))).size, 1_234);
    }));

  test('in a bulk insert, ids stored before (scattered over many statements) are reported as not this call\'s', () =>
    withStore(harness, async (store) => {
      const before = Array.from({ length: 40 }, (_, k) => decisionOf(`bulk-${k * 29}`, 2, k));
      await store.decisions.insertDecisions(before);
      const rows = Array.from({ length: 1_234 }, (_, k) => decisionOf(`bulk-${k}`, 3, k));
      const taken = new Set(before.map((row) => row.id));
      assert.deepEqual(await store.decisions.insertDecisions(rows), rows.map((row) => row.id).filter((id) => !taken.has(id)));
      assert.equal((await store.decisions.decision('bulk-29'))?.ledgerIndex, 2, 'the first row stored wins');
      assert.equal(await store.decisions.countDecisions(), 1_234);
    }));

  test('a label is set once per decision and refers to a stored decision', () =>
    withStore(harness, async (store) => {
      await store.decisions.insertDecisions([decisionOf('d1', 1, 0), decisionOf('d2', 1, 1)]);
      assert.deepEqual(await store.decisions.insertLabels([labelOf('d1', 2, 0)]), ['d1']);
      assert.deepEqual(await store.decisions.insertLabels([{ ...labelOf('d1', 3, 0), record: '{"label":0}' }, labelOf('d2', 3, 1)]), ['d2']);
      const labels = await store.decisions.labels(['d1', 'd2', 'd3']);
      assert.deepEqual(labels.get('d1'), labelOf('d1', 2, 0));
      assert.equal(labels.size, 2);
      assert.deepEqual((await store.decisions.labelsInLeaf(3)).map((row) => row.decisionId), ['d2']);
      await assert.rejects(store.decisions.insertLabels([labelOf('ghost', 4, 0)]));
      assert.equal((await store.decisions.labels(['ghost'])).size, 0);
    }));
}
