import { fail } from '../core/errors.ts';
import { splitPoint } from './hashing.ts';

/**
 * Which subtree hashes a proof consists of, before any hash is looked up. Each element is MTH(D[start:end]) of a
 * range that RFC 9162's recursion names; `alignedRangeIds` turns a range into the O(log n) stored nodes it folds.
 * Splitting "what" from "fetch" lets a PostgreSQL store answer a whole proof with one query.
 */
export interface ProofRange {
  readonly start: number;
  readonly end: number;
}

/**
 * RFC 9162 §2.1.3.1: the inclusion path of leaf m in D[n], deepest sibling first.
 *   PATH(m, {d(0)}) = {}
 *   PATH(m, D[n]) = PATH(m, D[0:k]) : MTH(D[k:n])        for m < k
 *   PATH(m, D[n]) = PATH(m - k, D[k:n]) : MTH(D[0:k])    for m >= k
 */
export function planInclusion(index: number, size: number): ProofRange[] {
  checkSize(size, 'tree size');
  if (!Number.isSafeInteger(index) || index < 0 || index >= size) {
    fail('LEDGER_INDEX_OUT_OF_RANGE', `leaf index ${index} is outside a tree of ${size} leaves`, {
      expected: `an integer from 0 to ${size - 1}`,
    });
  }
  const path: ProofRange[] = [];
  let offset = 0;
  let m = index;
  let n = size;
  while (n > 1) {
    const k = splitPoint(n);
    if (m < k) {
      path.push({ start: offset + k, end: offset + n }); // MTH(D[k:n])
      n = k; // recurse into D[0:k]
    } else {
      path.push({ start: offset, end: offset + k }); // MTH(D[0:k])
      offset += k; // recurse into D[k:n]
      m -= k;
      n -= k;
    }
  }
  return path.reverse(); // the recursion appends on the way back up: deepest element first
}

/**
 * RFC 9162 §2.1.4.1: the consistency proof between sizes m and n, PROOF(m, D[n]) = SUBPROOF(m, D[n], true).
 *   SUBPROOF(m, D[m], true) = {}
 *   SUBPROOF(m, D[m], false) = {MTH(D[m])}
 *   SUBPROOF(m, D[n], b) = SUBPROOF(m, D[0:k], b) : MTH(D[k:n])          for m <= k
 *   SUBPROOF(m, D[n], b) = SUBPROOF(m - k, D[k:n], false) : MTH(D[0:k])  for m > k
 * m = 0 and m = n have empty proofs (every tree extends the empty tree and itself).
 */
export function planConsistency(first: number, second: number): ProofRange[] {
  checkSize(second, 'second tree size');
  if (!Number.isSafeInteger(first) || first < 0 || first > second) {
    fail('LEDGER_INDEX_OUT_OF_RANGE', `first tree size ${first} is not between 0 and the second size ${second}`, {
      expected: `an integer from 0 to ${second}`,
    });
  }
  if (first === 0 || first === second) return [];
  const proof: ProofRange[] = [];
  let offset = 0;
  let m = first;
  let n = second;
  let haveRoot = true; // the b flag: is MTH(D[m]) of this subtree already known to the verifier?
  while (m !== n) {
    const k = splitPoint(n);
    if (m <= k) {
      proof.push({ start: offset + k, end: offset + n }); // MTH(D[k:n])
      n = k;
    } else {
      proof.push({ start: offset, end: offset + k }); // MTH(D[0:k])
      offset += k;
      m -= k;
      n -= k;
      haveRoot = false;
    }
  }
  if (!haveRoot) proof.push({ start: offset, end: offset + m }); // SUBPROOF(m, D[m], false) = {MTH(D[m])}
  return proof.reverse();
}

function checkSize(size: number, what: string): void {
  if (!Number.isSafeInteger(size) || size < 0) {
    fail('LEDGER_INDEX_OUT_OF_RANGE', `${what} ${size} is not a non-negative integer`, { expected: 'a non-negative integer' });
  }
}
