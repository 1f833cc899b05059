import assert from 'node:assert/strict';
import { test } from 'node:test';
import { forEachDialect } from '../app-ledger/dialects.ts';
import { withStore } from './conformance.ts';
import { items } from './items.ts';
import { allLeaves } from './tree-check.ts';

/** The bulk reads of `steward verify`, on both stores: they must agree with the row-by-row reads. */
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

  test('leafBlock packs the leaves of a range behind one zero byte each, with their stored hashes, as leafColumns reads them', () =>
    withStore(harness, async (store) => {
      await store.appendLeaves(items('d', 37));
      const page = await store.leafColumns(5, 30, 25);
      const block = await store.leafBlock(5, 30);
      assert.ok(block !== undefined);
      assert.equal(block.offsets.length, 26);
      page.leaves.forEach((leaf, k) => {
        const from = block.offsets[k] as number;
        assert.equal(block.data[from], 0);
        assert.deepEqual(Buffer.from(block.data.subarray(from + 1, block.offsets[k + 1])), Buffer.from(leaf));
      });
      assert.equal(block.offsets[25], block.data.length);
      assert.deepEqual(Buffer.from(block.leafHashes), Buffer.concat(page.leafHashes));
      assert.equal((await store.leafBlock(36, 37))?.offsets.length, 2);
    }));

  test('leafBlock is undefined when a row of the range is missing, lies beyond the log or has a hash that is not 32 bytes', () =>
    withStore(harness, async (store, url) => {
      await store.appendLeaves(items('e', 12));
      assert.notEqual(await store.leafBlock(0, 12), undefined);
      assert.equal(await store.leafBlock(0, 13), undefined);
      await harness.sql(url, 'DELETE FROM ledger_leaves WHERE idx = ?', [3]);
      assert.equal(await store.leafBlock(0, 8), undefined);
      assert.equal(await store.leafBlock(3, 4), undefined);
      assert.notEqual(await store.leafBlock(4, 12), undefined);
      await harness.sql(url, 'UPDATE ledger_leaves SET leaf_hash = ? WHERE idx = ?', [Buffer.alloc(31, 7), 9]);
      assert.equal(await store.leafBlock(4, 12), undefined);
      assert.notEqual(await store.leafBlock(4, 9), undefined);
    }));

  test('nodeBlock packs the stored nodes of the ranges in range order, as nodeRanges finds them, or is undefined when one is missing', () =>
    withStore(harness, async (store, url) => {
      await store.appendLeaves(items('f', 85));
      const ranges = [
        { level: 5, from: 0, to: 2 },
        { level: 4, from: 1, to: 5 },
        { level: 6, from: 0, to: 0 },
      ];
      const found = await store.nodeRanges(ranges);
      const expected = ranges.flatMap(({ level, from, to }) =>
        found.filter((node) => node.level === level && node.index >= from && node.index < to).sort((a, b) => a.index - b.index),
      );
      assert.equal(expected.length, 6);
      assert.deepEqual(Buffer.from((await store.nodeBlock(ranges)) ?? []), Buffer.concat(expected.map((node) => node.hash)));
      assert.equal((await store.nodeBlock([{ level: 4, from: 4, to: 6 }])), undefined); // node 4/5 is not complete
      await harness.sql(url, 'DELETE FROM ledger_nodes WHERE level = ? AND idx = ?', [4, 2]);
      assert.equal(await store.nodeBlock(ranges), undefined);
      assert.notEqual(await store.nodeBlock([{ level: 5, from: 0, to: 2 }]), undefined);
    }));

  test('bad ranges are refused with LEDGER_INDEX_OUT_OF_RANGE', () =>
    withStore(harness, async (store) => {
      await assert.rejects(store.leafColumns(5, 2, 10), { code: 'LEDGER_INDEX_OUT_OF_RANGE' });
      await assert.rejects(store.leafColumns(0, 2, 0), { code: 'LEDGER_INDEX_OUT_OF_RANGE' });
      await assert.rejects(store.nodeRanges([{ level: 0, from: 0, to: 1 }]), { code: 'LEDGER_INDEX_OUT_OF_RANGE' });
      await assert.rejects(store.nodeRanges([{ level: 1, from: -1, to: 1 }]), { code: 'LEDGER_INDEX_OUT_OF_RANGE' });
      await assert.rejects(store.leafBlock(5, 5), { code: 'LEDGER_INDEX_OUT_OF_RANGE' });
      await assert.rejects(store.nodeBlock([{ level: 0, from: 0, to: 1 }]), { code: 'LEDGER_INDEX_OUT_OF_RANGE' });
    }));
});
