/**
 * The distribution of scores of one slice, split by class: what ROC AUC, average precision and DeLong's variance
 * need, and nothing per row.
 *
 * Exact mode: distinct score → (weight of positives, weight of negatives), in compact typed arrays indexed by an
 * open-addressing hash table (no allocation per row). When a slice has more than `EXACT_CAP` distinct scores it switches, once and
 * for good, to `BIN_COUNT` equal-width bins over [0, 1] (scores outside are clipped into the end bins). The state
 * depends only on the multiset of (score, class, weight), never on arrival order, so merging is exact: the union of
 * two exact tables stays exact unless it has more than EXACT_CAP distinct scores, and then it is binned exactly as a
 * single pass would have binned it.
 */
export const EXACT_CAP = 1 << 16;
export const BIN_COUNT = 1 << 16;
/** Rows addRun keeps before applying them (17 bytes each, 1.1 MB at most per distribution): see addRun. */
export const PENDING_ROWS = 1 << 16;

import { keyOrder } from './key-order.ts';
import { release } from './release.ts';

const scratch = new Float64Array(1);
const scratchWords = new Uint32Array(scratch.buffer);
/** curve()'s list of non-empty bins, reused across calls. */
const nonEmpty = new Int32Array(BIN_COUNT);

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
  /** Exact mode: entry e holds score keys[e] and its class weights pos[e], neg[e]; entries 0..size-1, first-seen order. */
  #keys = new Float64Array(8);
  #pos = new Float64Array(8);
  #neg = new Float64Array(8);
  #size = 0;
  /**
   * Open-addressing index over the entries (entry number, −1 = empty slot), at most half full. Keeping the entries
   * compact and only 4-byte entry numbers in the sparse table takes 2 MB per slice at EXACT_CAP instead of the 3 MB
   * of a table of (key, pos, neg) slots: with dozens of cells filling up at once this is the check's peak memory.
   */
  #index = new Int32Array(16).fill(-1);
  #mask = 15;
  #binPos: Float64Array | undefined;
  #binNeg: Float64Array | undefined;
  /** addRun's rows not yet applied: pendingScores[0 … pending − 1] with their labels and weights. */
  #pendingScores = new Float64Array(0);
  #pendingLabels = new Uint8Array(0);
  /** Only when the pending rows carry weights (#pendingWeighted): an unweighted check holds no column of ones. */
  #pendingWeights = new Float64Array(0);
  #pendingWeighted = false;
  #pending = 0;

  get exact(): boolean {
    this.#flush();
    return this.#binPos === undefined;
  }

  /** Adds weight to the positive (label 1) or negative (label 0) side of `score`. `score` must not be NaN. */
  add(score: number, label: number, weight: number): void {
    this.#flush();
    const entry = this.#binPos === undefined ? this.#entry(score + 0) : -1; // + 0 folds −0 into 0, as == does
    if (entry >= 0) {
      if (label === 1) this.#pos[entry] = (this.#pos[entry] as number) + weight;
      else this.#neg[entry] = (this.#neg[entry] as number) + weight;
      return;
    }
    const bin = binOf(score);
    const side = label === 1 ? this.#binPos : this.#binNeg;
    if (side !== undefined) side[bin] = (side[bin] as number) + weight;
  }

  /**
   * add() for entries from … to − 1 of the given columns, in that order: score `scores[i]` (a number), label
   * `labels[i]` (1 or 0), weight `weights[i]` (1 without weights). The rows are copied to a pending buffer and applied
   * PENDING_ROWS at a time (every other method applies them first, so nothing can tell): a batch brings a cell only a
   * few thousand rows, each a cache miss in the cell's 1 MB of bins or its hash table, while a full buffer hits many
   * of the same lines again (main-thread CPU of the 10M-row bench check ~3.2 → ~2.5 s). Same sums, same order as
   * add() one by one.
   */
  addRun(scores: Float64Array, labels: Uint8Array, weights: Float64Array | undefined, from: number, to: number): void {
    const weighted = weights !== undefined;
    if (weighted !== this.#pendingWeighted) {
      this.#flush(); // the pending rows are all weighted or all not
      this.#pendingWeighted = weighted;
      release(this.#pendingWeights);
      this.#pendingWeights = new Float64Array(weighted ? this.#pendingScores.length : 0);
    }
    let at = from;
    while (at < to) {
      if (this.#pending === this.#pendingScores.length) {
        if (this.#pending < PENDING_ROWS) this.#growPending(this.#pending + (to - at));
        else this.#flush();
      }
      const start = this.#pending;
      const take = Math.min(to - at, this.#pendingScores.length - start);
      this.#pendingScores.set(scores.subarray(at, at + take), start);
      this.#pendingLabels.set(labels.subarray(at, at + take), start);
      if (weights !== undefined) this.#pendingWeights.set(weights.subarray(at, at + take), start);
      this.#pending = start + take;
      at += take;
    }
  }

  /**
   * Doubles the pending buffer (at least to `wanted`, at most to PENDING_ROWS), keeping its rows: a cell that gets few
   * rows never holds a large buffer, and one that gets PENDING_ROWS already holds bins or a hash table as large.
   */
  #growPending(wanted: number): void {
    const length = Math.min(PENDING_ROWS, Math.max(1024, 2 * this.#pendingScores.length, wanted));
    const scores = new Float64Array(length);
    const labels = new Uint8Array(length);
    const weights = new Float64Array(this.#pendingWeighted ? length : 0);
    scores.set(this.#pendingScores.subarray(0, this.#pending));
    labels.set(this.#pendingLabels.subarray(0, this.#pending));
    if (this.#pendingWeighted) weights.set(this.#pendingWeights.subarray(0, this.#pending));
    release(this.#pendingScores);
    release(this.#pendingLabels);
    release(this.#pendingWeights);
    this.#pendingScores = scores;
    this.#pendingLabels = labels;
    this.#pendingWeights = weights;
  }

  /** Applies the pending rows of addRun. */
  #flush(): void {
    const count = this.#pending;
    if (count === 0) return;
    this.#pending = 0;
    this.#apply(this.#pendingScores, this.#pendingLabels, this.#pendingWeighted ? this.#pendingWeights : undefined, count);
  }

  /**
   * add() for rows 0 … count − 1. Exact, the probe is inlined; once binned, the rest is one tight loop with no call
   * and no hash probe, so the processor keeps several bin updates in flight.
   */
  #apply(scores: Float64Array, labels: Uint8Array, weights: Float64Array | undefined, count: number): void {
    let at = 0;
    for (; at < count && this.#binPos === undefined; at++) {
      const w = weights === undefined ? 1 : (weights[at] as number);
      const entry = this.#entry((scores[at] as number) + 0); // + 0 folds −0 into 0, as add() does
      if (entry >= 0) {
        if (labels[at] === 1) this.#pos[entry] = (this.#pos[entry] as number) + w;
        else this.#neg[entry] = (this.#neg[entry] as number) + w;
        continue;
      }
      // This score switched the table to bins: it goes to its bin like every later one.
      break;
    }
    const binPos = this.#binPos;
    const binNeg = this.#binNeg;
    if (binPos === undefined || binNeg === undefined) return;
    for (; at < count; at++) {
      const bin = binOf(scores[at] as number);
      const w = weights === undefined ? 1 : (weights[at] as number);
      if (labels[at] === 1) binPos[bin] = (binPos[bin] as number) + w;
      else binNeg[bin] = (binNeg[bin] as number) + w;
    }
  }

  /**
   * Adds every entry of `other` (merge by addition). Binned into binned is one element-wise addition per bin; exact
   * entries are added one by one in `other`'s first-seen order. Either way each sum receives the same addends in the
   * same order as adding `other`'s entries through add() (and forEach + add).
   */
  merge(other: ScoreDistribution): void {
    this.#flush();
    other.#flush();
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
    if (this.#binPos === undefined && this.#size === 0) {
      this.#copyExact(other);
      return;
    }
    // Room for the union up front (it has at most EXACT_CAP entries before switching): no regrowth and rehash of the
    // index while merging, which only changes where entries sit in the index, never their numbers or sums.
    if (this.#binPos === undefined) this.#reserve(Math.min(EXACT_CAP, this.#size + other.#size));
    // One probe per entry for both of its sums: the same additions as add(key, 1, pos) then add(key, 0, neg), which
    // find the same entry (or, once the table has switched, the same bin) twice.
    for (let entry = 0; entry < other.#size; entry++) {
      const key = other.#keys[entry] as number;
      const pos = other.#pos[entry] as number;
      const neg = other.#neg[entry] as number;
      const into = this.#binPos === undefined ? this.#entry(key) : -1;
      if (into >= 0) {
        this.#pos[into] = (this.#pos[into] as number) + pos;
        this.#neg[into] = (this.#neg[into] as number) + neg;
        continue;
      }
      const bin = binOf(key);
      const binPos = this.#binPos as Float64Array;
      const binNeg = this.#binNeg as Float64Array;
      binPos[bin] = (binPos[bin] as number) + pos;
      binNeg[bin] = (binNeg[bin] as number) + neg;
    }
  }

  /** Calls `visit` for every distinct score (exact, first-seen order) or non-empty bin (binned; score = lower edge). */
  forEach(visit: (score: number, pos: number, neg: number, binned: boolean) => void): void {
    this.#flush();
    const binPos = this.#binPos;
    const binNeg = this.#binNeg;
    if (binPos !== undefined && binNeg !== undefined) {
      for (let bin = 0; bin < BIN_COUNT; bin++) {
        const pos = binPos[bin] as number;
        const neg = binNeg[bin] as number;
        if (pos !== 0 || neg !== 0) visit(bin / BIN_COUNT, pos, neg, true);
      }
      return;
    }
    for (let entry = 0; entry < this.#size; entry++) visit(this.#keys[entry] as number, this.#pos[entry] as number, this.#neg[entry] as number, false);
  }

  /**
   * The distribution in ascending score order, for the rank metrics. Built straight into typed arrays: binned, the
   * non-empty bins in bin order; exact, the entries in key order (key-order.ts: a radix sort that carries each
   * score's entry, so its sums need no hash probe).
   */
  curve(): ScoreCurve {
    this.#flush();
    const binPos = this.#binPos;
    const binNeg = this.#binNeg;
    if (binPos !== undefined && binNeg !== undefined) {
      // One pass over the bins lists the non-empty ones; the copy then reads only those.
      let count = 0;
      for (let bin = 0; bin < BIN_COUNT; bin++) if ((binPos[bin] as number) !== 0 || (binNeg[bin] as number) !== 0) nonEmpty[count++] = bin;
      const scores = new Float64Array(count);
      const pos = new Float64Array(count);
      const neg = new Float64Array(count);
      for (let at = 0; at < count; at++) {
        const bin = nonEmpty[at] as number;
        scores[at] = bin / BIN_COUNT;
        pos[at] = binPos[bin] as number;
        neg[at] = binNeg[bin] as number;
      }
      return { scores, pos, neg, exact: false };
    }
    const size = this.#size;
    const order = keyOrder(this.#keys, size);
    const scores = new Float64Array(size);
    const pos = new Float64Array(size);
    const neg = new Float64Array(size);
    for (let i = 0; i < size; i++) {
      const entry = order[i] as number;
      scores[i] = this.#keys[entry] as number;
      pos[i] = this.#pos[entry] as number;
      neg[i] = this.#neg[entry] as number;
    }
    return { scores, pos, neg, exact: true };
  }

  /**
   * Frees this distribution's memory now (see release.ts). For a distribution its owner is done with, such as a
   * slice merged only to draw its curve; any later use sees an empty distribution.
   */
  dispose(): void {
    release(this.#pendingScores);
    release(this.#pendingLabels);
    release(this.#pendingWeights);
    this.#pending = 0;
    this.#releaseExact();
    if (this.#binPos !== undefined) release(this.#binPos);
    if (this.#binNeg !== undefined) release(this.#binNeg);
    this.#size = 0;
  }

  /** The index slot where `score` is or would go. */
  #slotOf(score: number): number {
    scratch[0] = score;
    let slot = Math.imul((scratchWords[0] as number) ^ Math.imul(scratchWords[1] as number, 0x9e3779b1), 0x85ebca6b);
    slot = (slot ^ (slot >>> 15)) & this.#mask;
    const index = this.#index;
    for (;;) {
      const entry = index[slot] as number;
      if (entry < 0 || (this.#keys[entry] as number) === score) return slot;
      slot = (slot + 1) & this.#mask;
    }
  }

  /** The entry of `score`, created if new; −1 when the new score switched the distribution to bins. */
  #entry(score: number): number {
    const slot = this.#slotOf(score);
    const found = this.#index[slot] as number;
    if (found >= 0) return found;
    if (this.#size + 1 > EXACT_CAP) {
      this.#toBinned();
      return -1;
    }
    const entry = this.#size++;
    if (entry === this.#keys.length) this.#growEntries();
    this.#keys[entry] = score;
    this.#index[slot] = entry;
    if (this.#size * 2 > this.#index.length) this.#growIndex();
    return entry;
  }

  /**
   * merge() of an exact `other` into this empty exact table without a probe: the entries in the same first-seen
   * order (so the same entry numbers, which other's index already maps), each sum 0 + other's sum as the probing
   * merge computes it (−0 becomes 0). It never switches to bins: other has at most EXACT_CAP entries.
   */
  #copyExact(other: ScoreDistribution): void {
    const size = other.#size;
    this.#releaseExact();
    this.#keys = other.#keys.slice();
    this.#pos = new Float64Array(this.#keys.length);
    this.#neg = new Float64Array(this.#keys.length);
    for (let entry = 0; entry < size; entry++) {
      this.#pos[entry] = 0 + (other.#pos[entry] as number);
      this.#neg[entry] = 0 + (other.#neg[entry] as number);
    }
    this.#index = other.#index.slice();
    this.#mask = other.#mask;
    this.#size = size;
  }

  /** Grows the entry arrays to hold `entries` and the index to keep them at most half full. */
  #reserve(entries: number): void {
    while (this.#keys.length < entries) this.#growEntries();
    if (entries * 2 <= this.#index.length) return;
    let length = this.#index.length;
    while (entries * 2 > length) length *= 2;
    this.#rebuildIndex(length);
  }

  #growEntries(): void {
    const grow = (old: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> => {
      const bigger = new Float64Array(old.length * 2);
      bigger.set(old);
      release(old);
      return bigger;
    };
    this.#keys = grow(this.#keys);
    this.#pos = grow(this.#pos);
    this.#neg = grow(this.#neg);
  }

  #growIndex(): void {
    this.#rebuildIndex(this.#index.length * 2);
  }

  #rebuildIndex(length: number): void {
    const old = this.#index;
    this.#index = new Int32Array(length).fill(-1);
    release(old);
    this.#mask = this.#index.length - 1;
    for (let entry = 0; entry < this.#size; entry++) this.#index[this.#slotOf(this.#keys[entry] as number)] = entry;
  }

  #releaseExact(): void {
    release(this.#keys);
    release(this.#pos);
    release(this.#neg);
    release(this.#index);
  }

  #toBinned(): void {
    if (this.#binPos !== undefined) return;
    const binPos = new Float64Array(BIN_COUNT);
    const binNeg = new Float64Array(BIN_COUNT);
    for (let entry = 0; entry < this.#size; entry++) {
      const bin = binOf(this.#keys[entry] as number);
      binPos[bin] = (binPos[bin] as number) + (this.#pos[entry] as number);
      binNeg[bin] = (binNeg[bin] as number) + (this.#neg[entry] as number);
    }
    this.#binPos = binPos;
    this.#binNeg = binNeg;
    this.#releaseExact();
    this.#keys = new Float64Array(0);
    this.#pos = new Float64Array(0);
    this.#neg = new Float64Array(0);
    this.#index = new Int32Array(0);
    this.#size = 0;
  }
}

/** Bin of a score: ⌊s · BIN_COUNT⌋ clipped to [0, BIN_COUNT − 1]; monotone, so binning never reorders two scores. */
export function binOf(score: number): number {
  if (!(score > 0)) return 0;
  if (score >= 1) return BIN_COUNT - 1;
  return Math.min(BIN_COUNT - 1, Math.floor(score * BIN_COUNT));
}
