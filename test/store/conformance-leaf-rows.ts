import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AppendItem, LeafRows } from '../../src/store/index.ts';
import { withStore } from './conformance.ts';
import type { StoreHarness } from './harness.ts';
import { items } from './items.ts';

/** One ingest-like leaf carrying `rows`. */
function leafWith(tag: string, rows: LeafRows): AppendItem {
  return { ...(items(tag, 1)[0] as AppendItem), rows };
}

function decisions(...ids: string[]): LeafRows {
  return {
    table: 'decisions',
    rows: ids.map((id, position) => ({ id, model: 'credit', version: '1.0.0', decidedAt: '2026-03-01T12:00:00.000Z', position, record: JSON.stringify({ decision_id: id }) })),
  };
}

function labels(...ids: string[]): LeafRows {
  return { table: 'labels', rows: ids.map((decisionId, position) => ({ decisionId, recordedAt: '2026-03-05T08:30:00.000Z', position, record: JSON.stringify({ decision_id: decisionId, label: 1 }) })) };
}

/** Rows carried by append items (decision ingest): stored in the append's own transaction, with the leaf's index. */
export function registerLeafRowConformance(harness: StoreHarness): void {
  test('rows carried by appended leaves are stored with each leaf\'s index, and each item is told which of its rows went in', () =>
    withStore(harness, async (store) => {
      await store.appendLeaves(items('before', 3));
      await store.decisions.insertDecisions([{ id: 'd0', model: 'credit', version: '1.0.0', decidedAt: '2026-03-01T12:00:00.000Z', ledgerIndex: 0, position: 0, record: '{}' }]);
      const result = await store.appendLeaves([...items('plain', 1), leafWith('d', decisions('d1', 'd2')), leafWith('l', labels('d0'))]);
      assert.deepEqual(result, { first: 3, count: 3, size: 6, inserted: [undefined, ['d1', 'd2'], ['d0']] });
      assert.deepEqual(
        (await store.decisions.decisionsInLeaf(4)).map((row) => [row.id, row.ledgerIndex, row.position]),
        [['d1', 4, 0], ['d2', 4, 1]],
      );
      assert.equal((await store.decisions.labels(['d0'])).get('d0')?.ledgerIndex, 5);
      assert.equal((await store.appendLeaves(items('no-rows', 2))).inserted, undefined, 'appends without rows report nothing');
    }));

  test('a retried batch appends its leaf but stores no row twice: rows stored before keep their leaf', () =>
    withStore(harness, async (store) => {
      const first = await store.appendLeaves([leafWith('a', decisions('r1', 'r2'))]);
      const retry = await store.appendLeaves([leafWith('b', decisions('r2', 'r3'))]);
      assert.deepEqual(retry.inserted, [['r3']]);
      assert.equal((await store.decisions.decision('r2'))?.ledgerIndex, first.first);
      assert.equal((await store.decisions.decision('r3'))?.ledgerIndex, retry.first);
      assert.equal(await store.decisions.countDecisions(), 3);
    }));

  test('two callers carrying the same id at once: exactly one is told it stored it, the one whose leaf the row names', () =>
    withStore(harness, async (store) => {
      const [a, b] = await Promise.all([store.appendLeaves([leafWith('a', decisions('same', 'a-only'))]), store.appendLeaves([leafWith('b', decisions('same'))])]);
      const holder = (await store.decisions.decision('same'))?.ledgerIndex;
      const claims = [a, b].filter((result) => result.inserted?.[0]?.includes('same'));
      assert.equal(claims.length, 1);
      assert.equal(claims[0]?.first, holder);
      assert.deepEqual(a.inserted?.[0]?.includes('a-only'), true);
    }));

  test('when a leaf\'s rows cannot be stored the whole append rolls back: no leaf and no row of that call', () =>
    withStore(harness, async (store) => {
      await store.appendLeaves(items('before', 2));
      // A label for a decision that is not stored breaks the foreign key inside the append transaction.
      await assert.rejects(store.appendLeaves([leafWith('d', decisions('kept-out')), leafWith('l', labels('ghost'))]));
      assert.equal(await store.size(), 2);
      assert.equal((await store.decisions.existingDecisions(['kept-out'])).size, 0);
      await assert.rejects(store.appendLeaves([{ ...(items('x', 1)[0] as AppendItem), rows: { table: 'nope', rows: [] } as unknown as LeafRows }]), {
        code: 'STORE_INVALID_APPEND',
        message: /items\[0\]\.rows/,
      });
      const after = await store.appendLeaves([leafWith('d', decisions('kept-out'))]);
      assert.deepEqual([after.first, after.inserted], [2, [['kept-out']]], 'the log has no gap and the row was not stored before');
    }));
}
