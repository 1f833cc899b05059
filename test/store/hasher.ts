import { createHash } from 'node:crypto';
import type { TreeHasher } from '../../src/store/index.ts';

/**
 * RFC 6962 §2.1 hashing written out here, independently of src/ledger, for the store tests:
 * leaf hash = SHA-256(0x00 ‖ leaf), node hash = SHA-256(0x01 ‖ left ‖ right).
 */
export const sha256TreeHasher: TreeHasher = {
  leafHash(leaf) {
    return new Uint8Array(createHash('sha256').update(Uint8Array.of(0x00)).update(leaf).digest());
  },
  nodeHash(left, right) {
    return new Uint8Array(createHash('sha256').update(Uint8Array.of(0x01)).update(left).update(right).digest());
  },
};

/** MTH of leaf hashes [start, end) by the RFC 6962 recursion (split at the largest power of two below the size). */
export function subtreeHash(leafHashes: readonly Uint8Array[], start: number, end: number): Uint8Array {
  if (end - start === 1) return leafHashes[start] as Uint8Array;
  let k = 1;
  while (k * 2 < end - start) k *= 2;
  return sha256TreeHasher.nodeHash(subtreeHash(leafHashes, start, start + k), subtreeHash(leafHashes, start + k, end));
}
