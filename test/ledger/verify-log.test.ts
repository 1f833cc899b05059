import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MemoryTree } from '../../src/ledger/memory-tree.ts';
import { verifyLog, type LogCheck } from '../../src/ledger/verify-log.ts';
import { hexOf } from './vectors.ts';

const makeLeaves = (n: number): Uint8Array[] => Array.from({ length: n }, (_, i) => new TextEncoder().encode(`{"event":${i}}`));
const hashesOf = (tree: MemoryTree): Uint8Array[] => Array.from({ length: tree.size }, (_, i) => tree.leafHash(i));
const tamper = (leaves: Uint8Array[], index: number): Uint8Array[] =>
  leaves.map((leaf, i) => (i === index ? Uint8Array.of(...leaf, 0x20) : leaf));
const summary = (check: LogCheck): string =>
  check.ok ? `ok ${check.size}` : `${check.code} ${'index' in check ? check.index : check.size}`;

async function* slowly(items: Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const item of items) {
    if (item.length % 7 === 0) await Promise.resolve();
    yield item;
  }
}

for (const workers of [0, 2]) {
  const mode = workers === 0 ? 'on the calling thread' : 'on 2 worker threads';

  test(`an intact log verifies and yields the same root as the in-memory tree (${mode})`, async () => {
    const leaves = makeLeaves(5000);
    const tree = MemoryTree.fromLeaves(leaves);
    const heads = [1, 255, 256, 257, 4096, 5000].map((size) => ({ size, root: tree.root(size) }));
    const check = await verifyLog(slowly(leaves), hashesOf(tree), heads, { workers, chunkSize: 256 });
    assert.ok(check.ok, JSON.stringify(check));
    assert.equal(check.size, 5000);
    assert.equal(hexOf(check.root), hexOf(tree.root()));
  });

  test(`a changed leaf is named by its index; with two changes the first is named (${mode})`, async () => {
    const leaves = makeLeaves(3000);
    const stored = hashesOf(MemoryTree.fromLeaves(leaves));
    assert.equal(summary(await verifyLog(tamper(leaves, 1234), stored, [], { workers, chunkSize: 100 })), 'LEDGER_LEAF_MISMATCH 1234');
    const twice = tamper(tamper(leaves, 2999), 700);
    assert.equal(summary(await verifyLog(twice, stored, [], { workers, chunkSize: 128 })), 'LEDGER_LEAF_MISMATCH 700');
  });

  test(`without stored hashes a changed leaf fails the first checkpoint that covers it (${mode})`, async () => {
    const leaves = makeLeaves(2000);
    const tree = MemoryTree.fromLeaves(leaves);
    const heads = [100, 500, 1500, 2000].map((size) => ({ size, root: tree.root(size) }));
    const check = await verifyLog(tamper(leaves, 777), undefined, heads, { workers, chunkSize: 64 });
    assert.deepEqual(check.ok ? 'ok' : [check.code, 'after' in check ? check.after : -1, 'size' in check ? check.size : -1], ['LEDGER_ROOT_MISMATCH', 500, 1500]);
  });

  test(`a checkpoint larger than the log reports truncation; missing or extra stored hashes name the index (${mode})`, async () => {
    const leaves = makeLeaves(300);
    const tree = MemoryTree.fromLeaves(leaves);
    const stored = hashesOf(tree);
    const head = { size: 300, root: tree.root() };
    assert.equal(summary(await verifyLog(leaves.slice(0, 290), undefined, [head], { workers })), 'LEDGER_LOG_TRUNCATED 300');
    assert.equal(summary(await verifyLog(leaves, stored.slice(0, 250), [], { workers, chunkSize: 64 })), 'LEDGER_LEAF_MISMATCH 250');
    assert.equal(summary(await verifyLog(leaves.slice(0, 200), stored, [], { workers, chunkSize: 64 })), 'LEDGER_LEAF_MISMATCH 200');
  });
}

test('an empty log has the empty root, and a size-0 checkpoint with another root is a root mismatch', async () => {
  const tree = new MemoryTree();
  const check = await verifyLog([], [], [{ size: 0, root: tree.root() }], { workers: 0 });
  assert.equal(summary(check), 'ok 0');
  const wrong = await verifyLog([], [], [{ size: 0, root: new Uint8Array(32) }], { workers: 0 });
  assert.equal(summary(wrong), 'LEDGER_ROOT_MISMATCH 0');
});

test('for any log, chunking and tampered index, the first tampered index is the one reported', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 1, max: 400 }).chain((n) => fc.tuple(fc.constant(n), fc.nat(n - 1), fc.integer({ min: 1, max: 70 }))),
      async ([n, index, chunkSize]) => {
        const leaves = makeLeaves(n);
        const tree = MemoryTree.fromLeaves(leaves);
        const sizes = [...new Set([index, index + 1, n, Math.floor(n / 2)])].filter((s) => s > 0);
        const heads = sizes.map((size) => ({ size, root: tree.root(size) }));
        assert.equal(summary(await verifyLog(leaves, hashesOf(tree), heads, { workers: 0, chunkSize })), `ok ${n}`);
        const bad = tamper(leaves, index);
        assert.equal(summary(await verifyLog(bad, hashesOf(tree), heads, { workers: 0, chunkSize })), `LEDGER_LEAF_MISMATCH ${index}`);
        const rootCheck = await verifyLog(bad, undefined, heads, { workers: 0, chunkSize });
        assert.equal(summary(rootCheck), `LEDGER_ROOT_MISMATCH ${index + 1}`);
      },
    ),
    { numRuns: 60 },
  );
});
