import { FineHistogram } from './fine-histogram.ts';
import { bucketKey } from './fine-buckets.ts';
import { batchMoments, emptyMoments, mergeMoments, type Moments } from './moments.ts';

/** Up to this many values a numeric profile also keeps the raw values, so KS and Wasserstein can be exact. */
export const EXACT_CAP = 10_000;

/**
 * The mergeable drift profile of one numeric column: missing count, moments (count/mean/M2/min/max, Chan merge), the
 * fine histogram (always), and the raw values while there are at most `exactCap` of them. Missing = NaN (the readers'
 * encoding) or ±Infinity. Memory is bounded by the fine buckets and the cap, never by the number of rows; the state
 * after any sequence of add/merge depends only on the multiset of values (the raw values are kept sorted on demand).
 */
export class NumericProfile {
  readonly kind = 'numeric';
  readonly exactCap: number;
  readonly histogram = new FineHistogram();
  readonly moments: Moments = emptyMoments();
  #missing = 0;
  #raw: Float64Array | undefined = new Float64Array(16);
  #rawSize = 0;
  /** Values visited by add() plus buckets visited by merge(); see `work`. */
  #visited = 0;

  constructor(options: { readonly exactCap?: number } = {}) {
    this.exactCap = options.exactCap ?? EXACT_CAP;
  }

  get count(): number {
    return this.moments.count;
  }

  get missing(): number {
    return this.#missing;
  }

  /** True while every value is still held raw (count ≤ exactCap). */
  get exact(): boolean {
    return this.#raw !== undefined;
  }

  /**
   * Elementary steps done so far: values visited by add(), buckets visited by merge() and slots copied when the
   * histogram grew. Adding a batch of b values raises it by b plus at most the histogram's size, whatever the count.
   */
  get work(): number {
    return this.#visited + this.histogram.copiedSlots;
  }

  /** Adds a batch of values: cost O(batch). */
  add(values: Float64Array | readonly number[]): this {
    const batch = values instanceof Float64Array ? values : Float64Array.from(values);
    this.#visited += batch.length;
    const part = batchMoments(batch);
    this.#missing += batch.length - part.count;
    mergeMoments(this.moments, part);
    const histogram = this.histogram;
    for (let i = 0; i < batch.length; i++) {
      const x = batch[i] as number;
      if (x - x === 0) histogram.addKey(bucketKey(x), 1);
    }
    this.#keepRaw(batch, part.count);
    return this;
  }

  /** Adds everything `other` holds (merge by addition); cost O(buckets of other). */
  merge(other: NumericProfile): this {
    this.#missing += other.missing;
    mergeMoments(this.moments, other.moments);
    this.#visited += this.histogram.merge(other.histogram);
    const raw = other.sortedValues();
    if (raw === undefined) this.#raw = undefined;
    else this.#keepRaw(raw, raw.length);
    return this;
  }

  /** The raw finite values in ascending order, or undefined once the profile holds more than exactCap of them. */
  sortedValues(): Float64Array | undefined {
    if (this.#raw === undefined) return undefined;
    return this.#raw.slice(0, this.#rawSize).sort();
  }

  #keepRaw(batch: Float64Array, finite: number): void {
    if (this.#raw === undefined) return;
    if (this.moments.count > this.exactCap) {
      this.#raw = undefined; // switched to the histogram for good
      return;
    }
    if (this.#rawSize + finite > this.#raw.length) {
      const next = new Float64Array(Math.max(2 * this.#raw.length, this.#rawSize + finite));
      next.set(this.#raw.subarray(0, this.#rawSize));
      this.#raw = next;
    }
    for (let i = 0; i < batch.length; i++) {
      const x = batch[i] as number;
      if (x - x === 0) this.#raw[this.#rawSize++] = x;
    }
  }
}

/** A fresh profile of `values` (convenience for tests and one-shot use). */
export function numericProfile(values: Float64Array | readonly number[], options: { readonly exactCap?: number } = {}): NumericProfile {
  return new NumericProfile(options).add(values);
}
