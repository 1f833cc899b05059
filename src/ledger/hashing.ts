import { hash } from 'node:crypto';

/**
 * RFC 6962 §2.1 / RFC 9162 §2.1 hashing. These three functions are the whole definition of the tree's bytes; every
 * other file of the ledger builds on them, so a third-party RFC 6962 verifier agrees with ours.
 */

/** SHA-256 output size: every leaf, node and root hash is 32 bytes (RFC 9162 §2.1: HASH is SHA-256 for v1 logs). */
export const HASH_SIZE = 32;

/** RFC 6962 §2.1: "The hash of an empty list is the hash of an empty string: MTH({}) = SHA-256()." */
export const EMPTY_ROOT: Uint8Array = hash('sha256', new Uint8Array(0), 'buffer');

let leafInput = new Uint8Array(1024);

/** RFC 6962 §2.1: "The hash of a list with one entry (also known as a leaf hash) is MTH({d(0)}) = SHA-256(0x00 || d(0))." */
export function leafHash(leaf: Uint8Array): Uint8Array {
  // One scratch buffer, grown as needed, instead of a new one per leaf (appends hash every leaf): hashing is
  // synchronous, so no other call can see it half-written.
  if (leafInput.length < leaf.length + 1) leafInput = new Uint8Array(Math.max(leaf.length + 1, 2 * leafInput.length));
  leafInput[0] = 0x00; // the 0x00 prefix separates leaves from nodes (RFC 6962 §2.1, second-preimage resistance)
  leafInput.set(leaf, 1);
  return hash('sha256', leafInput.subarray(0, leaf.length + 1), 'buffer');
}


const nodeInput = new Uint8Array(1 + 2 * HASH_SIZE);
nodeInput[0] = 0x01;

/** RFC 6962 §2.1: "MTH(D[n]) = SHA-256(0x01 || MTH(D[0:k]) || MTH(D[k:n]))" for an interior node. */
export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  if (left.length === HASH_SIZE && right.length === HASH_SIZE) {
    // The common case reuses one buffer: hashing is synchronous, so no other call can see it half-written.
    nodeInput.set(left, 1);
    nodeInput.set(right, 1 + HASH_SIZE);
    return hash('sha256', nodeInput, 'buffer');
  }
  const input = new Uint8Array(1 + left.length + right.length);
  input[0] = 0x01; // interior nodes are prefixed 0x01 (RFC 6962 §2.1)
  input.set(left, 1);
  input.set(right, 1 + left.length);
  return hash('sha256', input, 'buffer');
}

/**
 * RFC 6962 §2.1: "k is the largest power of two smaller than n (i.e., k < n <= 2k)", the split point of a tree of
 * n > 1 leaves. Arithmetic instead of bit operators, which JavaScript truncates to 32 bits.
 */
export function splitPoint(n: number): number {
  if (!Number.isSafeInteger(n) || n < 2) throw new RangeError(`splitPoint: n must be an integer ≥ 2, got ${n}`);
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}
