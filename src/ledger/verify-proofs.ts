import { bytesEqual, isHash } from './bytes.ts';
import { EMPTY_ROOT, nodeHash } from './hashing.ts';

/**
 * Proof verification as RFC 9162 specifies it, for verifiers that distrust every input: wrong types, sizes, hash
 * lengths and proof lengths are findings, never exceptions (as sigstore-js returns coded verification errors).
 * Shifts are done with arithmetic because JavaScript's bit operators truncate to 32 bits.
 */
export type ProofCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly code: 'LEDGER_BAD_PROOF'; readonly reason: string };

const OK: ProofCheck = { ok: true };
const bad = (reason: string): ProofCheck => ({ ok: false, code: 'LEDGER_BAD_PROOF', reason });

/** A tree has at most 2^53 leaves here, so no valid proof is longer than 53 hashes (plus one for consistency). */
const MAX_PROOF_LENGTH = 64;

const lsb = (x: number): boolean => x % 2 === 1;
const shift = (x: number): number => Math.floor(x / 2);

/** RFC 9162 §2.1.3.2: does `proof` show that `leaf` (a leaf hash) is at `index` in the tree of `size` with `root`? */
export function verifyInclusion(
  leaf: Uint8Array,
  index: number,
  size: number,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): ProofCheck {
  const problem = checkInputs(proof, { leaf, root });
  if (problem !== undefined) return bad(problem);
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || size < 0) {
    return bad(`leaf index ${String(index)} and tree size ${String(size)} must be non-negative integers`);
  }
  // 1. Compare leaf_index from the inclusion_proof_v2 structure against tree_size. If leaf_index is greater than or
  //    equal to tree_size, then fail the proof verification.
  if (index >= size) return bad(`leaf index ${index} is not below the tree size ${size}`);
  // 2. Set fn to leaf_index and sn to tree_size - 1.
  let fn = index;
  let sn = size - 1;
  // 3. Set r to hash.
  let r = leaf;
  // 4. For each value p in the inclusion_path array:
  for (const p of proof) {
    // a. If sn is 0, then stop the iteration and fail the proof verification.
    if (sn === 0) return bad(`the proof has ${proof.length} hashes, more than a tree of ${size} leaves needs`);
    // b. If LSB(fn) is set, or if fn is equal to sn, then:
    if (lsb(fn) || fn === sn) {
      // i. Set r to HASH(0x01 || p || r).
      r = nodeHash(p, r);
      // ii. If LSB(fn) is not set, then right-shift both fn and sn equally until either LSB(fn) is set or fn is 0.
      while (!lsb(fn) && fn !== 0) {
        fn = shift(fn);
        sn = shift(sn);
      }
    } else {
      // Otherwise: i. Set r to HASH(0x01 || r || p).
      r = nodeHash(r, p);
    }
    // c. Finally, right-shift both fn and sn one time.
    fn = shift(fn);
    sn = shift(sn);
  }
  // 5. Compare sn to 0. Compare r against the root_hash. If sn is equal to 0 and r and the root_hash are equal, then
  //    the log has proven the inclusion of hash. Otherwise, fail the proof verification.
  if (sn !== 0) return bad(`the proof has ${proof.length} hashes, fewer than a tree of ${size} leaves needs`);
  if (!bytesEqual(r, root)) return bad('the proof does not lead to the expected root hash');
  return OK;
}

/**
 * RFC 9162 §2.1.4.2: does `proof` show that the tree of `second` leaves with `secondRoot` extends the tree of `first`
 * leaves with `firstRoot`? Edge cases the RFC leaves to the caller: first = 0 needs an empty proof and firstRoot =
 * SHA-256() (every log extends the empty log); first = second needs an empty proof and equal roots; first > second fails.
 */
export function verifyConsistency(
  first: number,
  second: number,
  proof: readonly Uint8Array[],
  firstRoot: Uint8Array,
  secondRoot: Uint8Array,
): ProofCheck {
  const problem = checkInputs(proof, { 'first root': firstRoot, 'second root': secondRoot });
  if (problem !== undefined) return bad(problem);
  if (!Number.isSafeInteger(first) || !Number.isSafeInteger(second) || first < 0 || second < 0) {
    return bad(`tree sizes ${String(first)} and ${String(second)} must be non-negative integers`);
  }
  if (first > second) return bad(`the first tree size ${first} is larger than the second ${second}`);
  if (first === 0 || first === second) {
    if (proof.length !== 0) return bad(`a proof from size ${first} to ${second} must be empty`);
    const expected = first === 0 ? EMPTY_ROOT : secondRoot;
    return bytesEqual(firstRoot, expected) ? OK : bad(first === 0 ? 'the root of an empty tree must be SHA-256()' : 'equal sizes with different roots');
  }
  // 1. If consistency_path is an empty array, then stop and fail the proof verification.
  if (proof.length === 0) return bad(`a proof from size ${first} to ${second} cannot be empty`);
  // 2. If first is an exact power of 2, then prepend first_hash to the consistency_path array.
  const path = isPowerOfTwo(first) ? [firstRoot, ...proof] : [...proof];
  // 3. Set fn to first - 1 and sn to second - 1.
  let fn = first - 1;
  let sn = second - 1;
  // 4. If LSB(fn) is set, then right-shift both fn and sn equally until LSB(fn) is not set.
  while (lsb(fn)) {
    fn = shift(fn);
    sn = shift(sn);
  }
  // 5. Set both fr and sr to the first value in the consistency_path array.
  let fr = path[0] as Uint8Array;
  let sr = fr;
  // 6. For each subsequent value c in the consistency_path array:
  for (const c of path.slice(1)) {
    // a. If sn is 0, then stop the iteration and fail the proof verification.
    if (sn === 0) return bad(`the proof has ${proof.length} hashes, more than sizes ${first} → ${second} need`);
    // b. If LSB(fn) is set, or if fn is equal to sn, then:
    if (lsb(fn) || fn === sn) {
      fr = nodeHash(c, fr); // i. Set fr to HASH(0x01 || c || fr).
      sr = nodeHash(c, sr); // ii. Set sr to HASH(0x01 || c || sr).
      // iii. If LSB(fn) is not set, then right-shift both fn and sn equally until either LSB(fn) is set or fn is 0.
      while (!lsb(fn) && fn !== 0) {
        fn = shift(fn);
        sn = shift(sn);
      }
    } else {
      sr = nodeHash(sr, c); // Otherwise: i. Set sr to HASH(0x01 || sr || c).
    }
    // c. Finally, right-shift both fn and sn one time.
    fn = shift(fn);
    sn = shift(sn);
  }
  // 7. Verify that fr equals first_hash, sr equals second_hash, and sn is 0.
  if (sn !== 0) return bad(`the proof has ${proof.length} hashes, fewer than sizes ${first} → ${second} need`);
  if (!bytesEqual(fr, firstRoot)) return bad('the proof does not lead to the first root hash');
  if (!bytesEqual(sr, secondRoot)) return bad('the proof does not lead to the second root hash');
  return OK;
}

function isPowerOfTwo(x: number): boolean {
  let v = x;
  while (v > 1 && v % 2 === 0) v /= 2;
  return v === 1;
}

function checkInputs(proof: readonly Uint8Array[], hashes: Record<string, Uint8Array>): string | undefined {
  for (const [name, value] of Object.entries(hashes)) {
    if (!isHash(value)) return `the ${name} hash is not 32 bytes`;
  }
  if (!Array.isArray(proof)) return 'the proof is not an array of hashes';
  if (proof.length > MAX_PROOF_LENGTH) return `the proof has ${proof.length} hashes, more than any tree needs`;
  const wrong = proof.findIndex((element) => !isHash(element));
  return wrong === -1 ? undefined : `proof element ${wrong} is not a 32-byte hash`;
}
