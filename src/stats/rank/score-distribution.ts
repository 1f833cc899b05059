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

  /** Adds every entry of `other` (merge by addition). */
  merge(other: ScoreDistribution): void {
    other.forEach((score, pos, neg, binned) => {
      if (binned) this.#toBinned();
      this.add(score, 1, pos);
      this.add(score, 0, neg);
    });
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

  /** The distribution in ascending score order, for the rank metrics. */
  curve(): ScoreCurve {
    const entries: { score: number; pos: number; neg: number }[] = [];
    this.forEach((score, pos, neg) => entries.push({ score, pos, neg }));
    if (this.exact) entries.sort((a, b) => a.score - b.score);
    const scores = new Float64Array(entries.length);
    const pos = new Float64Array(entries.length);
    const neg = new Float64Array(entries.length);
    entries.forEach((entry, index) => {
      scores[index] = entry.score;
      pos[index] = entry.pos;
      neg[index] = entry.neg;
    });
    return { scores, pos, neg, exact: this.exact };
  }

  /** The slot of `score`, inserting it if new; −1 when the insertion switched the distribution to bins. */
  #slot(score: number): number {
    scratch[0] = score;
    const keys = this.#keys;
    let slot = Math.imul((scratchWords[0] ?? 0) ^ Math.imul(scratchWords[1] ?? 0, 0x9e3779b1), 0x85ebca6b);
    slot = (slot ^ (slot >>> 15)) & this.#mask;
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
