/**
 * A set of 64-bit fingerprints (two uint32 words), open addressing with linear probing, for exact duplicate counts.
 *
 * Memory: 8 bytes per slot, at most 3/4 full, slots a power of two: 11–21 bytes per distinct key (10M distinct
 * rows → 128 MiB; doubling briefly holds both tables). This is the cost of an EXACT count: any exact count of
 * distinct rows needs memory proportional to them. The probabilistic alternative (HyperLogLog) would have needed only
 * kilobytes, but its ±1–2 % error on the distinct count is larger than the duplicate counts policies bound (often 0).
 * Two distinct keys collide with probability 2^-64 per pair: at 10M keys the expected number of falsely merged
 * pairs is n²/2^65 ≈ 3·10^-6.
 */
export class HashSet64 {
  #hi: Uint32Array;
  #lo: Uint32Array;
  #used: Uint8Array;
  #size = 0;

  constructor(initialSlots = 1024) {
    let slots = 16;
    while (slots < initialSlots) slots *= 2;
    this.#hi = new Uint32Array(slots);
    this.#lo = new Uint32Array(slots);
    this.#used = new Uint8Array(slots);
  }

  get size(): number {
    return this.#size;
  }

  /** Adds the key; true when it was new. */
  add(a: number, b: number): boolean {
    const hi = a >>> 0;
    const lo = b >>> 0;
    const mask = this.#hi.length - 1;
    const used = this.#used;
    for (let slot = (lo ^ Math.imul(hi, 0x9e3779b1)) & mask; ; slot = (slot + 1) & mask) {
      if (used[slot] === 0) {
        used[slot] = 1;
        this.#hi[slot] = hi;
        this.#lo[slot] = lo;
        this.#size++;
        if (this.#size * 4 > this.#hi.length * 3) this.#grow();
        return true;
      }
      if (this.#lo[slot] === lo && this.#hi[slot] === hi) return false;
    }
  }

  /** Every key, as [hi, lo] pairs, in slot order (for merging). */
  *keys(): IterableIterator<[number, number]> {
    for (let slot = 0; slot < this.#used.length; slot++) {
      if (this.#used[slot] === 1) yield [this.#hi[slot] as number, this.#lo[slot] as number];
    }
  }

  #grow(): void {
    const oldHi = this.#hi;
    const oldLo = this.#lo;
    const oldUsed = this.#used;
    const slots = oldHi.length * 2;
    this.#hi = new Uint32Array(slots);
    this.#lo = new Uint32Array(slots);
    this.#used = new Uint8Array(slots);
    this.#size = 0;
    for (let slot = 0; slot < oldHi.length; slot++) {
      if (oldUsed[slot] === 1) this.add(oldHi[slot] as number, oldLo[slot] as number);
    }
  }
}
