/**
 * The distribution of scores of one slice, split by class: what ROC AUC, average precision and DeLong's variance
 * need, and nothing per row.
 *
 * Exact mode: distinct score → (weight of positives, weight of negatives), in an open-addressing hash table over
 * typed arrays (no allocation per row). When a slice has more than `EXACT_CAP` distinct scores it switches, once and
 * for good, to `BIN_COUNT` equal-width bins over [0, 1] (scores outside are clipped into the end bins). The state
 * depends only on the multiset of (score, class, weight), never on arrival order, so merging is exact: the union of
 * two exact tables stays exact unless it has more than EXACT_CAP distinct scores, and then it is binned exactly as a
 * single pass would have binned it.
 */
export const EXACT_CAP = 1 << 16;
export const BIN_COUNT = 1 << 16;

const EMPTY = Number.NaN;
const scratch = new Float64Array(1);
const scratchWords = new Uint32Array(scratch.buffer);

export interface ScoreCurve {
  /** Weight of positives and negatives per distinct score (or per bin), in ascending score order. */
  readonly pos: Float64Array;
  readonly neg: Float64Array;
  /** The distinct scores (exact) or the bin lower edges (binned), ascending. */
  readonly scores: Float64Array;
  /** False when the scores were binned: ties within a bin are then ties in the metrics. */
  readonly exact: boolean;
}

export class ScoreDistribution {
  #keys: Float64Array;
  #pos: Float64Array;
  #neg: Float64Array;
  #mask: number;
  #size = 0;
  #binPos: Float64Array | undefined;
  #binNeg: Float64Array | undefined;

  constructor() {
    this.#keys = new Float64Array(16).fill(EMPTY);
    this.#pos = new Float64Array(16);
    this.#neg = new Float64Array(16);
    this.#mask = 15;
  }

  get exact(): boolean {
    return this.#binPos === undefined;
  }

  /** Adds weight to the positive (label 1) or negative (label 0) side of `score`. `score` must not be NaN. */
  add(score: number, label: number, weight: number): void {
    const slot = this.#binPos === undefined ? this.#slot(score + 0) : -1; // + 0 folds −0 into 0, as == does
    if (slot >= 0) {
      if (label === 1) this.#pos[slot] = (this.#pos[slot] ?? 0) + weight;
      else this.#neg[slot] = (this.#neg[slot] ?? 0) + weight;
      return;
    }
    const bin = binOf(score);
    const side = label === 1 ? this.#binPos : this.#binNeg;
    if (side !== undefined) side[bin] = (side[bin] ?? 0) + weight;
  }

  /**
   * Adds every entry of `other` (merge by addition). Binned into binned is one element-wise addition per bin; exact
   * entries are added one by one in `other`'s slot order. Either way each sum receives the same addends in the same
   * order as adding `other`'s entries through add(), so the result is bit-identical to that (and to forEach + add).
   */
  merge(other: ScoreDistribution): void {
    const otherPos = other.#binPos;
    const otherNeg = other.#binNeg;
    if (otherPos !== undefined && otherNeg !== undefined) {
      this.#toBinned();
      const binPos = this.#binPos as Float64Array;
      const binNeg = this.#binNeg as Float64Array;
      for (let bin = 0; bin < BIN_COUNT; bin++) {
        binPos[bin] = (binPos[bin] as number) + (otherPos[bin] as number);
        binNeg[bin] = (binNeg[bin] as number) + (otherNeg[bin] as number);
      }
      return;
    }
    const keys = other.#keys;
    for (let slot = 0; slot < keys.length; slot++) {
      const key = keys[slot] as number;
      if (key !== key) continue;
      this.add(key, 1, other.#pos[slot] as number);
      this.add(key, 0, other.#neg[slot] as number);
    }
  }

  /** Calls `visit` for every non-empty distinct score (exact) or bin (binned; score = the bin's lower edge). */
  forEach(visit: (score: number, pos: number, neg: number, binned: boolean) => void): void {
    const binPos = this.#binPos;
    const binNeg = this.#binNeg;
    if (binPos !== undefined && binNeg !== undefined) {
      for (let bin = 0; bin < BIN_COUNT; bin++) {
        const pos = binPos[bin] ?? 0;
        const neg = binNeg[bin] ?? 0;
        if (pos !== 0 || neg !== 0) visit(bin / BIN_COUNT, pos, neg, true);
      }
      return;
    }
    const keys = this.#keys;
    for (let slot = 0; slot < keys.length; slot++) {
      const key = keys[slot] ?? EMPTY;
      if (key === key) visit(key, this.#pos[slot] ?? 0, this.#neg[slot] ?? 0, false);
    }
  }

  /**
   * The distribution in ascending score order, for the rank metrics. Built straight into typed arrays: binned, the
   * non-empty bins in bin order; exact, the occupied slots sorted by score (the keys are distinct and never NaN, so
   * the order is total).
   */
  curve(): ScoreCurve {
    const binPos = this.#binPos;
    const binNeg = this.#binNeg;
    if (binPos !== undefined && binNeg !== undefined) {
      let count = 0;
      for (let bin = 0; bin < BIN_COUNT; bin++) if ((binPos[bin] as number) !== 0 || (binNeg[bin] as number) !== 0) count++;
      const scores = new Float64Array(count);
      const pos = new Float64Array(count);
      const neg = new Float64Array(count);
      let at = 0;
      for (let bin = 0; bin < BIN_COUNT; bin++) {
        const p = binPos[bin] as number;
        const n = binNeg[bin] as number;
        if (p === 0 && n === 0) continue;
        scores[at] = bin / BIN_COUNT;
        pos[at] = p;
        neg[at] = n;
        at++;
      }
      return { scores, pos, neg, exact: false };
    }
    // Native numeric sort of the keys (no comparator call per comparison), then each key's sums by one probe.
    const keys = this.#keys;
    const scores = new Float64Array(this.#size);
    let at = 0;
    for (let slot = 0; slot < keys.length; slot++) if ((keys[slot] as number) === (keys[slot] as number)) scores[at++] = keys[slot] as number;
    scores.sort();
    const pos = new Float64Array(scores.length);
    const neg = new Float64Array(scores.length);
    for (let i = 0; i < scores.length; i++) {
      const slot = this.#find(scores[i] as number);
      pos[i] = this.#pos[slot] as number;
      neg[i] = this.#neg[slot] as number;
    }
    return { scores, pos, neg, exact: true };
  }

  /** The slot holding `score`, which must be present (exact mode). */
  #find(score: number): number {
    const keys = this.#keys;
    let slot = this.#home(score);
    while ((keys[slot] as number) !== score) slot = (slot + 1) & this.#mask;
    return slot;
  }

  #home(score: number): number {
    scratch[0] = score;
    const slot = Math.imul((scratchWords[0] ?? 0) ^ Math.imul(scratchWords[1] ?? 0, 0x9e3779b1), 0x85ebca6b);
    return (slot ^ (slot >>> 15)) & this.#mask;
  }

  /** The slot of `score`, inserting it if new; −1 when the insertion switched the distribution to bins. */
  #slot(score: number): number {
    const keys = this.#keys;
    let slot = this.#home(score);
    for (;;) {
      const key = keys[slot] ?? EMPTY;
      if (key === score) return slot;
      if (key !== key) break;
      slot = (slot + 1) & this.#mask;
    }
    if (this.#size + 1 > EXACT_CAP) {
      this.#toBinned();
      return -1;
    }
    keys[slot] = score;
    this.#size++;
    if (this.#size * 2 <= keys.length) return slot;
    this.#grow();
    return this.#slot(score);
  }

  #grow(): void {
    const oldKeys = this.#keys;
    const oldPos = this.#pos;
    const oldNeg = this.#neg;
    const capacity = oldKeys.length * 2;
    this.#keys = new Float64Array(capacity).fill(EMPTY);
    this.#pos = new Float64Array(capacity);
    this.#neg = new Float64Array(capacity);
    this.#mask = capacity - 1;
    this.#size = 0;
    for (let slot = 0; slot < oldKeys.length; slot++) {
      const key = oldKeys[slot] ?? EMPTY;
      if (key !== key) continue;
      const target = this.#slot(key);
      this.#pos[target] = oldPos[slot] ?? 0;
      this.#neg[target] = oldNeg[slot] ?? 0;
    }
  }

  #toBinned(): void {
    if (this.#binPos !== undefined) return;
    const binPos = new Float64Array(BIN_COUNT);
    const binNeg = new Float64Array(BIN_COUNT);
    const keys = this.#keys;
    for (let slot = 0; slot < keys.length; slot++) {
      const key = keys[slot] ?? EMPTY;
      if (key !== key) continue;
      const bin = binOf(key);
      binPos[bin] = (binPos[bin] ?? 0) + (this.#pos[slot] ?? 0);
      binNeg[bin] = (binNeg[bin] ?? 0) + (this.#neg[slot] ?? 0);
    }
    this.#binPos = binPos;
    this.#binNeg = binNeg;
    this.#keys = new Float64Array(0);
    this.#pos = new Float64Array(0);
    this.#neg = new Float64Array(0);
    this.#size = 0;
  }
}

/** Bin of a score: ⌊s · BIN_COUNT⌋ clipped to [0, BIN_COUNT − 1]; monotone, so binning never reorders two scores. */
export function binOf(score: number): number {
  if (!(score > 0)) return 0;
  if (score >= 1) return BIN_COUNT - 1;
  return Math.min(BIN_COUNT - 1, Math.floor(score * BIN_COUNT));
}
