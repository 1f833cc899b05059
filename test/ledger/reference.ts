/**
 * A slow, literal transcription of the RFC 6962 §2.1 definitions (MTH, PATH, PROOF/SUBPROOF) over leaf arrays, used
 * only to cross-check the fast implementations in src/ledger. It recurses exactly as the RFC text does.
 */
import { createHash } from 'node:crypto';

const sha256 = (...parts: Uint8Array[]): Uint8Array => {
  const h = createHash('sha256');
  for (const part of parts) h.update(part);
  return new Uint8Array(h.digest());
};

/** The largest power of two smaller than n. */
function k(n: number): number {
  let power = 1;
  while (power * 2 < n) power *= 2;
  return power;
}

export function referenceMth(leaves: readonly Uint8Array[]): Uint8Array {
  const n = leaves.length;
  if (n === 0) return sha256();
  if (n === 1) return sha256(Uint8Array.of(0), leaves[0] as Uint8Array);
  const split = k(n);
  return sha256(Uint8Array.of(1), referenceMth(leaves.slice(0, split)), referenceMth(leaves.slice(split)));
}

export function referencePath(m: number, leaves: readonly Uint8Array[]): Uint8Array[] {
  const n = leaves.length;
  if (n <= 1) return [];
  const split = k(n);
  if (m < split) return [...referencePath(m, leaves.slice(0, split)), referenceMth(leaves.slice(split))];
  return [...referencePath(m - split, leaves.slice(split)), referenceMth(leaves.slice(0, split))];
}

export function referenceProof(m: number, leaves: readonly Uint8Array[]): Uint8Array[] {
  if (m === 0 || m === leaves.length) return [];
  return subproof(m, leaves, true);
}

function subproof(m: number, leaves: readonly Uint8Array[], b: boolean): Uint8Array[] {
  const n = leaves.length;
  if (m === n) return b ? [] : [referenceMth(leaves)];
  const split = k(n);
  if (m <= split) return [...subproof(m, leaves.slice(0, split), b), referenceMth(leaves.slice(split))];
  return [...subproof(m - split, leaves.slice(split), false), referenceMth(leaves.slice(0, split))];
}
