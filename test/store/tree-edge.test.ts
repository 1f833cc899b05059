import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { completedNodes, frontierIds } from '../../src/store/tree-edge.ts';
import { sha256TreeHasher, subtreeHash } from './hasher.ts';

const leafHashes = (n: number) => Array.from({ length: n }, (_, k) => sha256TreeHasher.leafHash(Uint8Array.of(k % 256, k >> 8)));

test('the frontier of a log is one perfect subtree per 1-bit of its size, largest first, tiling [0, size)', () => {
  assert.deepEqual(frontierIds(0), []);
  assert.deepEqual(frontierIds(13), [{ level: 3, index: 0 }, { level: 2, index: 2 }, { level: 0, index: 12 }]);
  fc.assert(
    fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (size) => {
      let at = 0;
      for (const id of frontierIds(size)) {
        assert.equal(id.index * 2 ** id.level, at);
        at += 2 ** id.level;
      }
      assert.equal(at, size);
    }),
  );
});

test('appending in any split yields exactly the perfect subtrees completed, with their RFC 6962 hashes', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 70 }), fc.integer({ min: 0, max: 70 }), (before, added) => {
      const hashes = leafHashes(before + added);
      const frontier = frontierIds(before).map((id) => subtreeHash(hashes, id.index * 2 ** id.level, (id.index + 1) * 2 ** id.level));
      const created = completedNodes(before, frontier, hashes.slice(before), sha256TreeHasher);
      const expected = [];
      for (let level = 1; 2 ** level <= before + added; level++) {
        const width = 2 ** level;
        for (let index = Math.floor(before / width); (index + 1) * width <= before + added; index++) {
          if ((index + 1) * width > before) expected.push({ level, index, hash: subtreeHash(hashes, index * width, (index + 1) * width) });
        }
      }
      const key = (n: { level: number; index: number }) => n.level * 1e6 + n.index;
      assert.deepEqual([...created].sort((a, b) => key(a) - key(b)), expected.sort((a, b) => key(a) - key(b)));
    }),
  );
});

test('a frontier of the wrong length is refused', () => {
  assert.throws(() => completedNodes(3, [new Uint8Array(32)], [], sha256TreeHasher), RangeError);
});
