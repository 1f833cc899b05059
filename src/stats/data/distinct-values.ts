import { HashSet64 } from './hash-set64.ts';
import { fmix32 } from './value-hash.ts';

/** Keys that read as integers in [0, DENSE_LIMIT) go to the bitmap: at most 2^27 bits = 16 MiB. */
export const DENSE_LIMIT = 2 ** 27;

const scratch = new Float64Array(1);
const scratchWords = new Uint32Array(scratch.buffer);

/**
 * The distinct values of an id or unique column, by their 64-bit value words (value-hash.ts), for exact repeat counts.
 *
 * Ids are very often integers 1…n. In a hash set each of them lands in a random slot of a table far larger than the
 * CPU caches (128 MiB at 10M ids), a cache miss per row; so a key whose words are the IEEE-754 bits of an integer in
 * [0, 2^27) is a bit in a bitmap instead (n bits, walked in order for ordered ids), and every other key goes to a
 * HashSet64. The route is a function of the key alone, so a key is always looked up where it would have been stored
 * and the set is exactly the set of keys. The hash set is created, and sized, only when a key needs it.
 */
export class DistinctValues {
  #bits = new Uint32Array(0);
  #dense = 0;
  #hashed: HashSet64 | undefined;
  #expected = 0;

  get size(): number {
    return this.#dense + (this.#hashed?.size ?? 0);
  }

  /** Expects about `keys` keys: the hash set, when one is needed, is created at that size. */
  reserve(keys: number): void {
    this.#expected = keys;
    this.#hashed?.reserve(keys);
  }

  /** Adds a value by its words (a = low, b = high IEEE-754 word for numbers); true when it was new. */
  add(a: number, b: number): boolean {
    scratchWords[0] = a;
    scratchWords[1] = b;
    const x = scratch[0] as number;
    if (x >= 0 && x < DENSE_LIMIT && Math.floor(x) === x) return this.#addDense(x);
    let hashed = this.#hashed;
    if (hashed === undefined) {
      hashed = this.#hashed = new HashSet64();
      if (this.#expected > 0) hashed.reserve(this.#expected);
    }
    return hashed.add(fmix32(a ^ Math.imul(b, 0x85ebca6b)), fmix32(b ^ Math.imul(a, 0xc2b2ae35) ^ 0x27d4eb2f));
  }

  /** Adds every value of `other`; returns how many of them were already here (repeats across the two). */
  merge(other: DistinctValues): number {
    let repeats = 0;
    const theirs = other.#bits;
    if (theirs.length > 0) this.#growTo(theirs.length * 32 - 1);
    for (let word = 0; word < theirs.length; word++) {
      const mine = this.#bits[word] as number;
      const incoming = theirs[word] as number;
      repeats += popcount(mine & incoming);
      this.#dense += popcount(incoming & ~mine);
      this.#bits[word] = mine | incoming;
    }
    if (other.#hashed !== undefined) {
      this.#hashed ??= new HashSet64();
      for (const [hi, lo] of other.#hashed.keys()) if (!this.#hashed.add(hi, lo)) repeats++;
    }
    return repeats;
  }

  #addDense(x: number): boolean {
    const word = x >>> 5;
    if (word >= this.#bits.length) this.#growTo(x);
    const mask = 1 << (x & 31);
    const bits = this.#bits;
    const current = bits[word] as number;
    if ((current & mask) !== 0) return false;
    bits[word] = current | mask;
    this.#dense++;
    return true;
  }

  /** Grows the bitmap (doubling, so ordered ids cost O(n) copying in all) to hold bit `x`. */
  #growTo(x: number): void {
    const needed = (x >>> 5) + 1;
    if (needed <= this.#bits.length) return;
    let words = Math.max(64, this.#bits.length);
    while (words < needed) words *= 2;
    const bigger = new Uint32Array(Math.min(words, DENSE_LIMIT / 32));
    bigger.set(this.#bits);
    this.#bits = bigger;
  }
}

function popcount(value: number): number {
  let v = value >>> 0;
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}
