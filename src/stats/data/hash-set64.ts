/**
 * A set of 64-bit fingerprints (two uint32 words), open addressing with linear probing, for exact duplicate counts.
 *
 * Layout: one Uint32Array of [hi, lo] pairs, so a lookup touches one cache line (the sets of a 10M-row check are far
 * larger than the CPU caches: a miss per insert is the cost that matters). The pair (0, 0) marks an empty slot; a key
 * that is (0, 0) is stored as (0, 1), merging two of the 2^64 keys (documented, negligible).
 *
 * Memory: 8 bytes per slot, at most 3/4 full, slots a power of two: 11–21 bytes per distinct key (10M distinct
 * rows → 128 MiB; growing briefly holds both tables, which `reserve` avoids when the size is known). This is the
 * cost of an EXACT count: any exact count of distinct rows needs memory proportional to them. The probabilistic
 * alternative (HyperLogLog) would need only kilobytes, but its ±1–2 % error on the distinct count is larger than the
 * duplicate counts policies bound (often 0). Two distinct keys collide with probability 2^-64 per pair: at 10M keys
 * the expected number of falsely merged pairs is n²/2^65 ≈ 3·10^-6.
 */
export class HashSet64 {
  #table: Uint32Array;
  #mask: number;
  #size = 0;

  constructor(initialSlots = 1024) {
    let slots = 16;
    while (slots < initialSlots) slots *= 2;
    this.#table = new Uint32Array(2 * slots);
    this.#mask = slots - 1;
  }

  get size(): number {
    return this.#size;
  }

  /** Grows the table once so that `keys` keys fit without further growth. */
  reserve(keys: number): void {
    let slots = this.#mask + 1;
    while (keys * 4 > slots * 3) slots *= 2;
    if (slots > this.#mask + 1) this.#rehash(slots);
  }

  /** Adds the key; true when it was new. */
  add(a: number, b: number): boolean {
    const hi = a >>> 0;
    const lo = hi === 0 && b >>> 0 === 0 ? 1 : b >>> 0;
    const table = this.#table;
    const mask = this.#mask;
    for (let slot = (lo ^ Math.imul(hi, 0x9e3779b1)) & mask; ; slot = (slot + 1) & mask) {
      const at = 2 * slot;
      const storedHi = table[at] as number;
      const storedLo = table[at + 1] as number;
      if (storedHi === 0 && storedLo === 0) {
        table[at] = hi;
        table[at + 1] = lo;
        this.#size++;
        if (this.#size * 4 > (mask + 1) * 3) this.#rehash(2 * (mask + 1));
        return true;
      }
      if (storedLo === lo && storedHi === hi) return false;
    }
  }

  /** Every key, as [hi, lo] pairs, in slot order (for merging). */
  *keys(): IterableIterator<[number, number]> {
    const table = this.#table;
    for (let at = 0; at < table.length; at += 2) {
      const hi = table[at] as number;
      const lo = table[at + 1] as number;
      if (hi !== 0 || lo !== 0) yield [hi, lo];
    }
  }

  #rehash(slots: number): void {
    const old = this.#table;
    this.#table = new Uint32Array(2 * slots);
    this.#mask = slots - 1;
    this.#size = 0;
    for (let at = 0; at < old.length; at += 2) {
      const hi = old[at] as number;
      const lo = old[at + 1] as number;
      if (hi !== 0 || lo !== 0) this.add(hi, lo);
    }
  }
}
