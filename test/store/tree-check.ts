import assert from 'node:assert/strict';
import type { NodeId, Store, StoredLeaf } from '../../src/store/index.ts';
import { sha256TreeHasher, subtreeHash } from './hasher.ts';

/** Every stored leaf, in order. */
export async function allLeaves(store: Store): Promise<StoredLeaf[]> {
  const leaves: StoredLeaf[] = [];
  for await (const leaf of store.readLeaves(0, await store.size())) leaves.push(leaf);
  return leaves;
}

/**
 * Checks the store's whole tree against a recomputation from its leaves: indices 0..n−1 each present once, every
 * leaf hash = H(0x00 ‖ leaf), every perfect subtree (level, i) with (i+1)·2^level ≤ n stored with the hash the RFC
 * 6962 recursion gives, and no node stored for the first incomplete subtree of each level.
 */
export async function assertTreeConsistent(store: Store): Promise<StoredLeaf[]> {
  const size = await store.size();
  const leaves = await allLeaves(store);
  assert.equal(leaves.length, size, 'the store size equals the number of stored leaves');
  leaves.forEach((leaf, k) => assert.equal(leaf.index, k, `leaf ${k} is at index ${k}`));
  const hashes = leaves.map((leaf) => sha256TreeHasher.leafHash(leaf.leaf));
  leaves.forEach((leaf, k) => assert.deepEqual(leaf.leafHash, hashes[k], `leaf hash ${k}`));
  const ids: NodeId[] = [];
  for (let level = 0; 2 ** level <= Math.max(size, 1); level++) {
    const complete = Math.floor(size / 2 ** level);
    for (let index = 0; index <= complete; index++) ids.push({ level, index });
  }
  const stored = await store.nodes(ids);
  ids.forEach((id, k) => {
    const width = 2 ** id.level;
    const expected = (id.index + 1) * width <= size ? subtreeHash(hashes, id.index * width, (id.index + 1) * width) : undefined;
    assert.deepEqual(stored[k], expected, `node (level ${id.level}, index ${id.index}) of a log of ${size}`);
  });
  return leaves;
}
