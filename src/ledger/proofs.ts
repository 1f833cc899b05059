import { fail } from '../core/errors.ts';
import { alignedRangeIds, foldRight, frontierIds } from './compact-range.ts';
import { EMPTY_ROOT } from './hashing.ts';
import type { AsyncHashSource, HashSource, NodeId } from './hash-source.ts';
import { planConsistency, planInclusion, type ProofRange } from './proof-plan.ts';

/**
 * Proof generation from stored perfect-subtree hashes: plan the ranges (pure), list the O(log n) node ids they fold,
 * fetch them in one call, fold each range. A log of 2^40 leaves needs at most ~80 lookups per proof.
 */

/** An inclusion proof (RFC 9162 §2.1.3.1) of leaf `index` in the tree of `size` leaves. */
export function inclusionProof(source: HashSource, index: number, size: number): Uint8Array[] {
  const plan = planInclusion(index, size);
  return assemble(plan, source.getNodes(planIds(plan)));
}

/** A consistency proof (RFC 9162 §2.1.4.1) between tree sizes `first` ≤ `second`. */
export function consistencyProof(source: HashSource, first: number, second: number): Uint8Array[] {
  const plan = planConsistency(first, second);
  return assemble(plan, source.getNodes(planIds(plan)));
}

export async function inclusionProofAsync(source: AsyncHashSource, index: number, size: number): Promise<Uint8Array[]> {
  const plan = planInclusion(index, size);
  return assemble(plan, await source.getNodes(planIds(plan)));
}

export async function consistencyProofAsync(source: AsyncHashSource, first: number, second: number): Promise<Uint8Array[]> {
  const plan = planConsistency(first, second);
  return assemble(plan, await source.getNodes(planIds(plan)));
}

/** The tree head of any earlier size, from the O(log n) perfect subtrees of its frontier. */
export function rootAt(source: HashSource, size: number): Uint8Array {
  return foldRight(source.getNodes(frontierIds(size))) ?? EMPTY_ROOT;
}

/** Every node id the plan needs, in plan order (the list `assemble` expects back, hash for hash). */
export function planIds(plan: readonly ProofRange[]): NodeId[] {
  return plan.flatMap((range) => alignedRangeIds(range.start, range.end));
}

/** Folds fetched node hashes (in `planIds` order) into one proof element per range. */
export function assemble(plan: readonly ProofRange[], hashes: readonly Uint8Array[]): Uint8Array[] {
  let at = 0;
  const proof = plan.map((range) => {
    const count = alignedRangeIds(range.start, range.end).length;
    const folded = foldRight(hashes.slice(at, at + count));
    at += count;
    if (folded === undefined || hashes.length < at) {
      fail('INTERNAL_INVARIANT', `hash source returned ${hashes.length} hashes for a proof that needs more`);
    }
    return folded;
  });
  if (at !== hashes.length) fail('INTERNAL_INVARIANT', `hash source returned ${hashes.length} hashes, expected ${at}`);
  return proof;
}
