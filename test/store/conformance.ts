import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { openStore, type Store } from '../../src/store/index.ts';
import type { StoreHarness } from './harness.ts';
import { sha256TreeHasher } from './hasher.ts';
import { items, text } from './items.ts';
import { assertTreeConsistent, allLeaves } from './tree-check.ts';
import { registerDecisionConformance } from './conformance-decisions.ts';
import { registerLeafRowConformance } from './conformance-leaf-rows.ts';
import { registerMigrationConformance } from './conformance-migrations.ts';
import { registerMonitorConformance } from './conformance-monitor.ts';
import { registerProcessConformance } from './conformance-processes.ts';
import { registerRecordConformance } from './conformance-records.ts';
import { registerTokenConformance } from './conformance-tokens.ts';
import { registerUniqueConformance } from './conformance-unique.ts';

/** Opens a fresh store of the harness's dialect, runs `body`, closes the store. */
export async function withStore<T>(harness: StoreHarness, body: (store: Store, url: string) => Promise<T>, maxBatch?: number): Promise<T> {
  const url = await harness.freshUrl();
  const store = await openStore(url, maxBatch === undefined ? { hasher: sha256TreeHasher } : { hasher: sha256TreeHasher, maxBatch });
  try {
    return await body(store, url);
  } finally {
    await store.close();
  }
}

/**
 * The one store test suite, registered once per implementation (test/store/sqlite.test.ts, postgres.test.ts):
 * whatever passes here behaves the same on the embedded and the shared store.
 */
export function storeConformance(harness: StoreHarness): void {
  test('a new store is empty: size 0, no leaves, no nodes, no checkpoint', () =>
    withStore(harness, async (store) => {
      assert.equal(store.dialect, harness.dialect);
      assert.equal(await store.size(), 0);
      assert.deepEqual(await allLeaves(store), []);
      assert.equal(await store.node(0, 0), undefined);
      assert.equal(await store.leafHash(0), undefined);
      assert.equal(await store.latestCheckpoint(), undefined);
      assert.equal(await store.lastShownCheckpoint(), undefined);
    }));

  test('appends get contiguous indices and read back byte for byte with kind, subject and UTC time', () =>
    withStore(harness, async (store) => {
      const first = await store.appendLeaves(items('a', 3, 'model@1'));
      const second = await store.appendLeaves([{ leaf: Uint8Array.of(0, 255, 7), kind: 'raw', recordedAt: '2026-03-01T14:30:00.1234+02:00' }]);
      assert.deepEqual(first, { first: 0, count: 3, size: 3 });
      assert.deepEqual(second, { first: 3, count: 1, size: 4 });
      const leaves = await allLeaves(store);
      assert.deepEqual(leaves.map((leaf) => leaf.index), [0, 1, 2, 3]);
      assert.equal(text(leaves[1]?.leaf ?? new Uint8Array()), '{"k":1,"tag":"a"}');
      assert.equal(leaves[0]?.subject, 'model@1');
      assert.deepEqual(leaves[3], {
        index: 3,
        leaf: Uint8Array.of(0, 255, 7),
        leafHash: sha256TreeHasher.leafHash(Uint8Array.of(0, 255, 7)),
        kind: 'raw',
        recordedAt: '2026-03-01T12:30:00.123Z',
      });
    }));

  test('every perfect subtree is stored with its RFC 6962 hash, whatever the batch sizes', () =>
    withStore(harness, async (store) => {
      await fc.assert(
        fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 6 }), async (batches) => {
          for (const count of batches) await store.appendLeaves(items(`p${count}`, count));
          await assertTreeConsistent(store);
        }),
        { numRuns: harness.dialect === 'sqlite' ? 25 : 12 },
      );
    }));

  test('proof nodes are fetched together, in the order asked, undefined where a subtree is incomplete', () =>
    withStore(harness, async (store) => {
      await store.appendLeaves(items('n', 6));
      const [a, b, c, d] = await store.nodes([{ level: 2, index: 0 }, { level: 0, index: 5 }, { level: 1, index: 3 }, { level: 1, index: 2 }]);
      assert.deepEqual(a, await store.node(2, 0));
      assert.deepEqual(b, await store.leafHash(5));
      assert.equal(c, undefined);
      assert.deepEqual(d, sha256TreeHasher.nodeHash((await store.leafHash(4)) as Uint8Array, (await store.leafHash(5)) as Uint8Array));
      await assert.rejects(store.nodes([{ level: -1, index: 0 }]), { code: 'LEDGER_INDEX_OUT_OF_RANGE' });
    }));

  test('concurrent appends are coalesced into fewer transactions and each caller gets its own leaves', () =>
    withStore(harness, async (store) => {
      const calls = Array.from({ length: 40 }, (_, c) => store.appendLeaves(items(`c${c}`, 1 + (c % 5))));
      const results = await Promise.all(calls);
      const leaves = await assertTreeConsistent(store);
      results.forEach((result, c) => {
        assert.equal(result.count, 1 + (c % 5));
        for (let k = 0; k < result.count; k++) assert.equal(text(leaves[result.first + k]?.leaf ?? new Uint8Array()), `{"k":${k},"tag":"c${c}"}`);
      });
      const covered = results.flatMap((r) => Array.from({ length: r.count }, (_, k) => r.first + k)).sort((x, y) => x - y);
      assert.deepEqual(covered, Array.from({ length: leaves.length }, (_, k) => k));
      assert.ok(new Set(results.map((r) => r.size)).size < calls.length, 'several callers shared one commit');
    }));

  test('a batch takes at most maxBatch leaves but never splits one call', () =>
    withStore(
      harness,
      async (store) => {
        const results = await Promise.all([4, 4, 4, 4, 4, 25].map((n, c) => store.appendLeaves(items(`m${c}`, n))));
        assert.deepEqual(results.map((r) => r.size), [8, 8, 16, 16, 20, 45]);
        assert.deepEqual(results.map((r) => r.first), [0, 4, 8, 12, 16, 20]);
        await assertTreeConsistent(store);
      },
      10,
    ));

  test('a malformed item is refused for its caller alone, naming the field, and nothing of it is written', () =>
    withStore(harness, async (store) => {
      const good = store.appendLeaves(items('ok', 2));
      const bad = store.appendLeaves([...items('bad', 1), { leaf: Uint8Array.of(1), kind: 'x', recordedAt: '2026-02-30T00:00:00Z' }]);
      await assert.rejects(bad, (error: { code?: string; problem?: { location?: { path?: string } } }) => {
        assert.equal(error.code, 'STORE_INVALID_APPEND');
        assert.equal(error.problem?.location?.path, 'items[1].recordedAt');
        return true;
      });
      assert.deepEqual(await good, { first: 0, count: 2, size: 2 });
      for (const item of [{ leaf: 'text', kind: 'x', recordedAt: '2026-03-01T00:00:00Z' }, { leaf: Uint8Array.of(1), kind: '', recordedAt: '2026-03-01T00:00:00Z' }, { leaf: Uint8Array.of(1), kind: 'x', recordedAt: '2026-03-01 00:00' }]) {
        await assert.rejects(store.appendLeaves([item as never]), { code: 'STORE_INVALID_APPEND' });
      }
      assert.equal(await store.size(), 2);
    }));

  test('readLeaves streams a range across pages in index order and refuses a range beyond the log', () =>
    withStore(harness, async (store) => {
      await store.appendLeaves(items('r', 4_500));
      const seen: number[] = [];
      for await (const leaf of store.readLeaves(1_999, 4_003)) seen.push(leaf.index);
      assert.deepEqual(seen, Array.from({ length: 4_003 - 1_999 }, (_, k) => 1_999 + k));
      const early: number[] = [];
      for await (const leaf of store.readLeaves(10, 4_500)) {
        early.push(leaf.index);
        if (early.length === 3) break;
      }
      assert.deepEqual(early, [10, 11, 12]);
      await assert.rejects(allOf(store.readLeaves(0, 4_501)), { code: 'LEDGER_INDEX_OUT_OF_RANGE' });
      await assert.rejects(allOf(store.readLeaves(5, 4)), { code: 'LEDGER_INDEX_OUT_OF_RANGE' });
    }));

  test('a reopened store keeps its leaves and tree, and appends continue from its right edge', async () => {
    const url = await harness.freshUrl();
    const first = await openStore(url, { hasher: sha256TreeHasher });
    await first.appendLeaves(items('before', 13));
    await first.close();
    const second = await openStore(url, { hasher: sha256TreeHasher });
    try {
      assert.equal(await second.size(), 13);
      assert.deepEqual(await second.appendLeaves(items('after', 7)), { first: 13, count: 7, size: 20 });
      await assertTreeConsistent(second);
    } finally {
      await second.close();
    }
  });

  test('close waits for appends in flight; a closed store refuses further use', async () => {
    const url = await harness.freshUrl();
    const store = await openStore(url, { hasher: sha256TreeHasher });
    const pending = store.appendLeaves(items('late', 5));
    await store.close();
    assert.deepEqual(await pending, { first: 0, count: 5, size: 5 });
    await assert.rejects(store.size(), { code: 'STORE_CLOSED' });
    await assert.rejects(store.appendLeaves(items('x', 1)), { code: 'STORE_CLOSED' });
    const again = await openStore(url, { hasher: sha256TreeHasher });
    assert.equal(await again.size(), 5);
    await again.close();
  });

  registerRecordConformance(harness);
  registerTokenConformance(harness);
  registerDecisionConformance(harness);
  registerLeafRowConformance(harness);
  registerMonitorConformance(harness);
  registerMigrationConformance(harness);
  registerProcessConformance(harness);
  registerUniqueConformance(harness);
}

async function allOf<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}
