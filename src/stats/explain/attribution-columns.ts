import type { AttributionSums } from './attribution-sums.ts';

/**
 * The column-at-a-time loops of the attribution profile: each is one pass over a batch's rows touching typed arrays
 * only, so a batch costs a few tight loops per feature instead of a closure call and an inner loop per row.
 */

/** usable[row] = 1 when every attribution of the row is finite, else 0; returns the number of usable rows. */
export function markUsable(attributions: readonly Float64Array[], rows: number, usable: Uint8Array): number {
  usable.fill(1, 0, rows);
  for (const column of attributions) {
    for (let row = 0; row < rows; row++) {
      const a = column[row] as number;
      if (a - a !== 0) usable[row] = 0; // NaN or ±∞: a − a is NaN
    }
  }
  let count = 0;
  for (let row = 0; row < rows; row++) count += usable[row] as number;
  return count;
}

/** Adds feature `f`'s usable attributions to the overall Σ|a| and Σa, in row order. */
export function addOverall(sums: AttributionSums, f: number, values: Float64Array, usable: Uint8Array, rows: number): void {
  let sumAbs = sums.sumAbs[f] as number;
  let sum = sums.sum[f] as number;
  for (let row = 0; row < rows; row++) {
    if (usable[row] === 0) continue;
    const a = values[row] as number;
    sumAbs += Math.abs(a);
    sum += a;
  }
  sums.sumAbs[f] = sumAbs;
  sums.sum[f] = sum;
}

/**
 * slot[row] = the row's group code, or `size` (the slot after the dictionary's) where the code is -1 (missing).
 * Returns whether any row is missing. A code outside the dictionary is a caller bug and is reported as such.
 */
export function slotGroups(codes: Int32Array, size: number, rows: number, slot: Int32Array, column: string): boolean {
  let missing = false;
  for (let row = 0; row < rows; row++) {
    const code = codes[row] as number;
    if (code < 0) {
      slot[row] = size;
      missing = true;
    } else if (code < size) {
      slot[row] = code;
    } else {
      throw new TypeError(`group code ${code} of "${column}" is not in its dictionary`);
    }
  }
  return missing;
}

/**
 * Adds the rows of a batch to the sums of their group slot. The usable rows are first listed slot by slot, in row
 * order (a counting sort into `order`, done once per column and shared by every feature); then each slot's Σ|a| and
 * Σa of each feature are accumulated in two local variables over its rows. Each sum therefore sees the same additions
 * in the same order as a row-at-a-time loop, and its running value stays in a register instead of making a round
 * trip through memory per row.
 */
export function addGrouped(slots: readonly AttributionSums[], attributions: readonly Float64Array[], slot: Int32Array, usable: Uint8Array, rows: number, order: Int32Array): void {
  const count = slots.length;
  const start = new Int32Array(count + 1);
  for (let row = 0; row < rows; row++) {
    const s = slot[row] as number;
    start[s + 1] = (start[s + 1] as number) + (usable[row] as number);
  }
  for (let s = 0; s < count; s++) start[s + 1] = (start[s + 1] as number) + (start[s] as number);
  const next = start.slice(0, count);
  const all = new Float64Array(count);
  for (let row = 0; row < rows; row++) {
    const s = slot[row] as number;
    all[s] = (all[s] as number) + 1;
    if (usable[row] === 0) continue;
    const at = next[s] as number;
    order[at] = row;
    next[s] = at + 1;
  }
  slots.forEach((sums, s) => {
    sums.rows += all[s] as number;
    sums.usable += (start[s + 1] as number) - (start[s] as number);
  });
  for (let f = 0; f < attributions.length; f++) {
    const values = attributions[f] as Float64Array;
    for (let s = 0; s < count; s++) {
      const sums = slots[s] as AttributionSums;
      let sumAbs = sums.sumAbs[f] as number;
      let sum = sums.sum[f] as number;
      const end = start[s + 1] as number;
      for (let i = start[s] as number; i < end; i++) {
        const a = values[order[i] as number] as number;
        sumAbs += Math.abs(a);
        sum += a;
      }
      sums.sumAbs[f] = sumAbs;
      sums.sum[f] = sum;
    }
  }
}
