import { bucketKey } from './fine-buckets.ts';

/**
 * Counts per fine bucket (see fine-buckets.ts), stored densely over the range of keys seen so far: a Float64Array
 * and the key of its first slot. The range grows by doubling, so adding n values costs O(n) plus an amortised copy
 * bounded by the number of buckets — never by the number of values already counted. Memory is bounded by the key
 * span of the data: 1,024 buckets (8 KiB) per binade the values cover, ≈ 17 MiB in the absurd worst case of one
 * column spanning 1e-18 to 1e308 on both signs.
 */
export class FineHistogram {
  #counts = new Float64Array(0);
  #offset = 0;
  /** Slots copied while growing; a test reads it to check that work does not depend on the values already held. */
  #copied = 0;
  #total = 0;

  get total(): number {
    return this.#total;
  }

  get copiedSlots(): number {
    return this.#copied;
  }

  /** Adds every value of `values` (which must be finite) with weight 1. */
  addFinite(values: Float64Array, from: number, to: number): void {
    for (let i = from; i < to; i++) this.addKey(bucketKey(values[i] as number), 1);
  }

  addKey(key: number, count: number): void {
    let slot = key - this.#offset;
    if (slot < 0 || slot >= this.#counts.length) {
      this.#grow(key);
      slot = key - this.#offset;
    }
    this.#counts[slot] = (this.#counts[slot] as number) + count;
    this.#total += count;
  }

  /** Adds every bucket of `other`; returns the number of buckets visited. */
  merge(other: FineHistogram): number {
    let visited = 0;
    other.forEach((key, count) => {
      visited++;
      this.addKey(key, count);
    });
    return visited;
  }

  /** Calls `visit` for every non-empty bucket in ascending key (= value) order. */
  forEach(visit: (key: number, count: number) => void): void {
    const counts = this.#counts;
    for (let slot = 0; slot < counts.length; slot++) {
      const count = counts[slot] as number;
      if (count !== 0) visit(slot + this.#offset, count);
    }
  }

  /** The non-empty buckets as parallel arrays, ascending. */
  buckets(): { readonly keys: Int32Array; readonly counts: Float64Array } {
    let size = 0;
    this.forEach(() => size++);
    const keys = new Int32Array(size);
    const counts = new Float64Array(size);
    let i = 0;
    this.forEach((key, count) => {
      keys[i] = key;
      counts[i++] = count;
    });
    return { keys, counts };
  }

  #grow(key: number): void {
    const length = this.#counts.length;
    if (length === 0) {
      this.#counts = new Float64Array(64);
      this.#offset = key - 32;
      return;
    }
    const low = Math.min(this.#offset, key);
    const high = Math.max(this.#offset + length, key + 1);
    const size = Math.max(high - low, 2 * length);
    // centre the spare room on the side that grew, so alternating growth stays amortised
    const start = key < this.#offset ? high - size : low;
    const next = new Float64Array(size);
    next.set(this.#counts, this.#offset - start);
    this.#copied += length;
    this.#counts = next;
    this.#offset = start;
  }
}
