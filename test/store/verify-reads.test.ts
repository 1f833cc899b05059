import assert from 'node:assert/strict';
import { test } from 'node:test';
import { forEachDialect } from '../app-ledger/dialects.ts';
import { withStore } from './conformance.ts';
import { items } from './items.ts';
import { allLeaves } from './tree-check.ts';

/** The two bulk reads of `steward verify`, on both stores: they must agree with the row-by-row reads. */
forEachDialect('verification reads', (harness) => {
  test('leafColumns returns the leaves of a range as columns, equal to readLeaves, at most `limit` of them', () =>
    withStore(harness, async (store) => {
      await store.appendLeaves(items('a', 37));
      const rows = await allLeaves(store);
      const page = await store.leafColumns(5, 30, 10);
      assert.deepEqual(page.indices, [5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
      assert.deepEqual(page.leaves.map((leaf) => Buffer.from(leaf).toString()), rows.slice(5, 15).map((row) => Buffer.from(row.leaf).toString()));
      assert.deepEqual(page.leafHashes.map((h) => Buffer.from(h).toString('hex')), rows.slice(5, 15).map((row) => Buffer.from(row.leafHash).toString('hex')));
      assert.deepEqual((await store.leafColumns(30, 100, 100)).indices, [30, 31, 32, 33, 34, 35, 36]);
    }));

  test('leafColumns leaves out a deleted row rather than shifting the others', () =>
    withStore(harness, async (store, url) => {
      await store.appendLeaves(items('b', 8));
      await harness.sql(url, 'DELETE FROM ledger_leaves WHERE idx = ?', [3]);
      assert.deepEqual((await store.leafColumns(0, 8, 8)).indices, [0, 1, 2, 4, 5, 6, 7]);
    }));

  test('nodeRanges returns every stored node in the ranges, the same hashes as nodes(), and nothing outside them', () =>
    withStore(harness, async (store) => {
      await store.appendLeaves(items('c', 85));
      // Levels 1–3 are not stored (rebuilt from leaf hashes by nodes()), so a range of them is empty.
      const found = await store.nodeRanges([
        { level: 1, from: 2, to: 6 },
        { level: 4, from: 1, to: 100 },
        { level: 5, from: 0, to: 1 },
        { level: 6, from: 0, to: 2 },
      ]);
      const ids = found.map((node) => `${node.level}/${node.index}`).sort();
      assert.deepEqual(ids, ['4/1', '4/2', '4/3', '4/4', '5/0', '6/0']);
      const single = await store.nodes(found);
      found.forEach((node, k) => assert.deepEqual(Buffer.from(node.hash), Buffer.from(single[k] as Uint8Array)));
    }));

  test('bad ranges are refused with LEDGER_INDEX_OUT_OF_RANGE', () =>
    withStore(harness, async (store) => {
      await assert.rejects(store.leafColumns(5, 2, 10), { code: 'LEDGER_INDEX_OUT_OF_RANGE' });
      await assert.rejects(store.leafColumns(0, 2, 0), { code: 'LEDGER_INDEX_OUT_OF_RANGE' });
      await assert.rejects(store.nodeRanges([{ level: 0, from: 0, to: 1 }]), { code: 'LEDGER_INDEX_OUT_OF_RANGE' });
      await assert.rejects(store.nodeRanges([{ level: 1, from: -1, to: 1 }]), { code: 'LEDGER_INDEX_OUT_OF_RANGE' });
    }));
});
