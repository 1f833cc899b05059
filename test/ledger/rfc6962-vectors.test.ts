import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CompactRange } from '../../src/ledger/compact-range.ts';
import { leafHash } from '../../src/ledger/hashing.ts';
import { MemoryTree } from '../../src/ledger/memory-tree.ts';
import { consistencyProof, inclusionProof } from '../../src/ledger/proofs.ts';
import { verifyConsistency, verifyInclusion } from '../../src/ledger/verify-proofs.ts';
import { consistencyVectors, hexOf, inclusionVectors, leaves, nodes, roots } from './vectors.ts';

const tree = MemoryTree.fromLeaves(leaves);

test('the root of every reference tree size 0..8 equals the published RFC 6962 root', () => {
  for (let size = 0; size <= leaves.length; size++) {
    assert.deepEqual(hexOf(tree.root(size)), hexOf(roots[size] as Uint8Array), `size ${size}`);
    const streaming = new CompactRange(0);
    for (const leaf of leaves.slice(0, size)) streaming.appendLeafHash(leafHash(leaf));
    assert.deepEqual(hexOf(streaming.root()), hexOf(roots[size] as Uint8Array), `streaming size ${size}`);
  }
});

test('every stored perfect-subtree node equals the published node hash', () => {
  nodes.forEach((level, l) => {
    assert.deepEqual(hexOf(tree.getNodes(level.map((_, index) => ({ level: l, index })))), hexOf(level), `level ${l}`);
  });
});

test('generated inclusion proofs equal the published ones and verify', () => {
  for (const v of inclusionVectors) {
    assert.deepEqual(hexOf(inclusionProof(tree, v.leafIndex, v.treeSize)), hexOf(v.proof), `${v.leafIndex}@${v.treeSize}`);
    const leaf = leafHash(leaves[v.leafIndex] as Uint8Array);
    assert.deepEqual(verifyInclusion(leaf, v.leafIndex, v.treeSize, v.proof, roots[v.treeSize] as Uint8Array), { ok: true });
  }
});

test('generated consistency proofs equal the published ones and verify', () => {
  for (const v of consistencyVectors) {
    assert.deepEqual(hexOf(consistencyProof(tree, v.first, v.second)), hexOf(v.proof), `${v.first}→${v.second}`);
    const check = verifyConsistency(v.first, v.second, v.proof, roots[v.first] as Uint8Array, roots[v.second] as Uint8Array);
    assert.deepEqual(check, { ok: true }, `${v.first}→${v.second}`);
  }
});

test('a published inclusion proof checked against the wrong leaf, index or size fails with LEDGER_BAD_PROOF', () => {
  const v = inclusionVectors.find((p) => p.proof.length === 3);
  assert.ok(v);
  const leaf = leafHash(leaves[v.leafIndex] as Uint8Array);
  const root = roots[v.treeSize] as Uint8Array;
  const cases = [
    verifyInclusion(leafHash(Uint8Array.of(0xff)), v.leafIndex, v.treeSize, v.proof, root),
    verifyInclusion(leaf, v.leafIndex + 1, v.treeSize, v.proof, root),
    verifyInclusion(leaf, v.leafIndex, v.treeSize * 2, v.proof, root),
    verifyInclusion(leaf, v.leafIndex, v.treeSize, [...v.proof, root], root),
    verifyInclusion(leaf, v.leafIndex, v.treeSize, v.proof.slice(1), root),
  ];
  for (const check of cases) assert.equal(check.ok ? 'ok' : check.code, 'LEDGER_BAD_PROOF');
});
