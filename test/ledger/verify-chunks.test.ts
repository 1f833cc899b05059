import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { chunkNodeLayout, slotOf } from '../../src/ledger/chunk-nodes.ts';
import { MemoryTree } from '../../src/ledger/memory-tree.ts';
import type { NodeId } from '../../src/ledger/hash-source.ts';
import { verifyChunks, type LeafChunk } from '../../src/ledger/verify-chunks.ts';

const makeLeaves = (n: number): Uint8Array[] => Array.from({ length: n }, (_, i) => new TextEncoder().encode(`{"event":${i}}`));

/** The chunks of a log as a store would hand them over: leaves, stored leaf hashes and stored nodes from the tree. */
function chunksOf(tree: MemoryTree, leaves: Uint8Array[], size: number, damage?: NodeId): LeafChunk[] {
  const chunks: LeafChunk[] = [];
  for (let begin = 0; begin < leaves.length; begin += size) {
    const end = Math.min(begin + size, leaves.length);
    const layout = chunkNodeLayout(begin, end);
    const stored = new Uint8Array(layout.total * 32);
    for (const span of layout.levels) {
      for (let k = 0; k < span.count; k++) {
        const id = { level: span.level, index: span.first + k };
        const hash = tree.getNodes([id])[0] as Uint8Array;
        stored.set(damage?.level === id.level && damage.index === id.index ? hash.map((b) => b ^ 0xff) : hash, slotOf(layout, id));
      }
    }
    const expected = new Uint8Array((end - begin) * 32);
    for (let i = begin; i < end; i++) expected.set(tree.leafHash(i), (i - begin) * 32);
    chunks.push({ begin, leaves: leaves.slice(begin, end), expected, storedNodes: stored });
  }
  return chunks;
}

test('the layout of a run holds exactly the perfect subtrees wholly inside it, each at its own slot', () => {
  fc.assert(
    fc.property(fc.nat(500), fc.integer({ min: 1, max: 300 }), (begin, length) => {
      const end = begin + length;
      const layout = chunkNodeLayout(begin, end);
      const slots = new Set<number>();
      let inside = 0;
      for (let level = 1; 2 ** level <= length; level++) {
        for (let index = 0; (index + 1) * 2 ** level <= end; index++) {
          const whollyInside = index * 2 ** level >= begin;
          const slot = slotOf(layout, { level, index });
          assert.equal(slot >= 0, whollyInside, `level ${level} index ${index} in [${begin}, ${end})`);
          if (whollyInside) {
            inside++;
            slots.add(slot);
          }
        }
      }
      assert.equal(layout.total, inside);
      assert.equal(slots.size, inside);
    }),
  );
});

for (const workers of [0, 2]) {
  const mode = workers === 0 ? 'on the calling thread' : 'on 2 worker threads';

  test(`an intact log with its stored nodes verifies with no node finding and the tree's root (${mode})`, async () => {
    const leaves = makeLeaves(1000);
    const tree = MemoryTree.fromLeaves(leaves);
    const bad: NodeId[] = [];
    const check = await verifyChunks(chunksOf(tree, leaves, 128), [{ size: 1000, root: tree.root() }], { workers, onNodeMismatch: (id) => bad.push(id) });
    assert.ok(check.ok, JSON.stringify(check));
    assert.deepEqual(bad, []);
  });

  test(`a damaged stored node inside a chunk is the one named, not its ancestors (${mode})`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 4, max: 400 }), fc.integer({ min: 2, max: 100 }), fc.nat(), fc.nat(), async (n, size, pickChunk, pickNode) => {
        const leaves = makeLeaves(n);
        const tree = MemoryTree.fromLeaves(leaves);
        const begin = (pickChunk % Math.ceil(n / size)) * size;
        const layout = chunkNodeLayout(begin, Math.min(begin + size, n));
        fc.pre(layout.total > 0);
        const all = layout.levels.flatMap((span) => Array.from({ length: span.count }, (_, k) => ({ level: span.level, index: span.first + k })));
        const damage = all[pickNode % all.length] as NodeId;
        const bad: NodeId[] = [];
        await verifyChunks(chunksOf(tree, leaves, size, damage), [], { workers, onNodeMismatch: (id) => bad.push(id) });
        assert.deepEqual(bad, [damage]);
      }),
      { numRuns: workers === 0 ? 150 : 10 },
    );
  });
}

test('nodes completed above the chunks are handed to the caller with their recomputed hashes', async () => {
  const leaves = makeLeaves(1024);
  const tree = MemoryTree.fromLeaves(leaves);
  const seen: { level: number; index: number; hash: Uint8Array }[] = [];
  await verifyChunks(chunksOf(tree, leaves, 256), [], { workers: 0, onNode: (level, index, hash) => seen.push({ level, index, hash }) });
  assert.deepEqual(seen.map(({ level, index }) => `${level}/${index}`).sort(), ['10/0', '9/0', '9/1']);
  for (const node of seen) assert.deepEqual(node.hash, tree.getNodes([node])[0]);
});
