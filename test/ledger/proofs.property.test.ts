import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CompactRange } from '../../src/ledger/compact-range.ts';
import { leafHash } from '../../src/ledger/hashing.ts';
import { MemoryTree } from '../../src/ledger/memory-tree.ts';
import { consistencyProof, inclusionProof } from '../../src/ledger/proofs.ts';
import { verifyConsistency, verifyInclusion } from '../../src/ledger/verify-proofs.ts';
import { referenceMth, referencePath, referenceProof } from './reference.ts';
import { hexOf } from './vectors.ts';

/** Leaves are their own index as 4 bytes, so every tree of a given size is the same and cheap to build. */
const leafAt = (i: number): Uint8Array => Uint8Array.of(i >>> 24, (i >>> 16) & 255, (i >>> 8) & 255, i & 255);
const treeOf = (size: number): { tree: MemoryTree; leaves: Uint8Array[] } => {
  const leaves = Array.from({ length: size }, (_, i) => leafAt(i));
  return { tree: MemoryTree.fromLeaves(leaves), leaves };
};
const bigTree = treeOf(300);

const flip = (bytes: Uint8Array, bit: number): Uint8Array => {
  const copy = Uint8Array.from(bytes);
  const at = Math.floor(bit / 8) % copy.length;
  copy[at] = (copy[at] ?? 0) ^ (1 << bit % 8);
  return copy;
};
const failed = (check: { ok: boolean }): boolean => !check.ok;

test('the streaming root of every size equals the literal recursive MTH of RFC 6962', () => {
  fc.assert(
    fc.property(fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 70 }), (leaves) => {
      const range = new CompactRange(0);
      for (const leaf of leaves) range.appendLeafHash(leafHash(leaf));
      assert.equal(hexOf(range.root()), hexOf(referenceMth(leaves)));
      assert.equal(hexOf(MemoryTree.fromLeaves(leaves).root()), hexOf(referenceMth(leaves)));
    }),
  );
});

test('every inclusion proof equals the RFC PATH and verifies', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 300 }).chain((size) => fc.tuple(fc.constant(size), fc.nat(size - 1))), ([size, index]) => {
      const proof = inclusionProof(bigTree.tree, index, size);
      assert.deepEqual(hexOf(proof), hexOf(referencePath(index, bigTree.leaves.slice(0, size))));
      const check = verifyInclusion(bigTree.tree.leafHash(index), index, size, proof, bigTree.tree.root(size));
      assert.deepEqual(check, { ok: true });
    }),
  );
});

test('every consistency proof (m ≤ n) equals the RFC PROOF and verifies', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 300 }).chain((n) => fc.tuple(fc.nat(n), fc.constant(n))), ([m, n]) => {
      const proof = consistencyProof(bigTree.tree, m, n);
      assert.deepEqual(hexOf(proof), hexOf(referenceProof(m, bigTree.leaves.slice(0, n))));
      assert.deepEqual(verifyConsistency(m, n, proof, bigTree.tree.root(m), bigTree.tree.root(n)), { ok: true });
    }),
  );
});

test('flipping any bit of an inclusion proof, the leaf or the root, or changing index or size, fails verification', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 2, max: 300 }).chain((size) => fc.tuple(fc.constant(size), fc.nat(size - 1))),
      fc.nat(255),
      fc.nat(),
      fc.integer({ min: 1, max: 400 }),
      ([size, index], bit, pick, delta) => {
        const { tree } = bigTree;
        const proof = inclusionProof(tree, index, size);
        const leaf = tree.leafHash(index);
        const root = tree.root(size);
        const which = pick % proof.length;
        const tampered = proof.map((p, k) => (k === which ? flip(p, bit) : p));
        assert.ok(failed(verifyInclusion(leaf, index, size, tampered, root)), 'proof bit');
        assert.ok(failed(verifyInclusion(flip(leaf, bit), index, size, proof, root)), 'leaf bit');
        assert.ok(failed(verifyInclusion(leaf, index, size, proof, flip(root, bit))), 'root bit');
        assert.ok(failed(verifyInclusion(leaf, (index + 1 + (delta % size)) % (size + 1), size, proof, root)), 'index');
        // The proof binds the tree's shape, the root binds its content: a claimed size is checked together with
        // that size's true root (as a checkpoint states both), which the old proof must not reach.
        const otherSize = size + delta;
        if (otherSize <= 300) assert.ok(failed(verifyInclusion(leaf, index, otherSize, proof, tree.root(otherSize))), 'size');
      },
    ),
  );
});

test('flipping any bit of a consistency proof or a root, or changing a size, fails verification', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 2, max: 300 }).chain((n) => fc.tuple(fc.integer({ min: 1, max: n - 1 }), fc.constant(n))),
      fc.nat(255),
      fc.nat(),
      fc.integer({ min: 1, max: 50 }),
      ([m, n], bit, pick, delta) => {
        const { tree } = bigTree;
        const proof = consistencyProof(tree, m, n);
        const first = tree.root(m);
        const second = tree.root(n);
        const which = pick % proof.length;
        const tampered = proof.map((p, k) => (k === which ? flip(p, bit) : p));
        assert.ok(failed(verifyConsistency(m, n, tampered, first, second)), 'proof bit');
        assert.ok(failed(verifyConsistency(m, n, proof, flip(first, bit), second)), 'first root bit');
        assert.ok(failed(verifyConsistency(m, n, proof, first, flip(second, bit))), 'second root bit');
        // Sizes are checked together with their true roots, as two checkpoints state them.
        const otherFirst = m + delta;
        const firstRoot = otherFirst <= n ? tree.root(otherFirst) : first;
        if (otherFirst !== n) assert.ok(failed(verifyConsistency(otherFirst, n, proof, firstRoot, second)), 'first size');
        const otherSecond = n + delta;
        if (otherSecond <= 300) assert.ok(failed(verifyConsistency(m, otherSecond, proof, first, tree.root(otherSecond))), 'second size');
      },
    ),
  );
});

test('verifiers return LEDGER_BAD_PROOF instead of throwing on inputs of the wrong type or shape', () => {
  const { tree } = treeOf(5);
  const proof = inclusionProof(tree, 1, 5);
  const root = tree.root();
  const leaf = tree.leafHash(1);
  const odd: unknown[] = [null, 'x', -1, 1.5, Number.NaN, 2 ** 60];
  for (const value of odd) {
    const a = verifyInclusion(leaf, value as number, 5, proof, root);
    const b = verifyConsistency(value as number, 5, [], root, root);
    assert.equal(a.ok ? 'ok' : a.code, 'LEDGER_BAD_PROOF');
    assert.equal(b.ok ? 'ok' : b.code, 'LEDGER_BAD_PROOF');
  }
  const shapes = [
    verifyInclusion(leaf.subarray(1), 1, 5, proof, root),
    verifyInclusion(leaf, 1, 5, [...proof.slice(0, 2), new Uint8Array(31)], root),
    verifyInclusion(leaf, 1, 5, 'nope' as unknown as Uint8Array[], root),
    verifyInclusion(leaf, 1, 5, Array.from({ length: 65 }, () => root), root),
  ];
  for (const check of shapes) assert.equal(check.ok ? 'ok' : check.code, 'LEDGER_BAD_PROOF');
});
