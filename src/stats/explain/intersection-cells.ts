/**
 * Per-batch intersection cells of the sensitive columns, so the proxy profile counts each feature once per row
 * instead of once per sensitive column: a row's cell numbers its group in every sensitive column at once (missing
 * included), each feature is tallied per (level, cell) and per cell, and every sensitive column's table and moments
 * are then summed from the cells (a few hundred per batch, not a pass over the rows per sensitive column).
 */

/** Above this many cells a batch is counted per sensitive column instead (cells would outnumber useful work). */
export const MAX_CELLS = 4096;

export interface Cells {
  readonly count: number;
  /** Per sensitive column: the group of each cell, -1 where the column is missing in that cell. */
  readonly groupOf: readonly Int32Array[];
}

/**
 * out[row] = Σ_s (group_s + 1) · Π_{t<s} (groups_t + 1), a mixed-radix number with digit 0 for a missing group.
 * Undefined when the cells would exceed `maxCells`.
 */
export function cellsOf(groupCodes: readonly Int32Array[], groupCounts: readonly number[], rows: number, out: Int32Array, maxCells = MAX_CELLS): Cells | undefined {
  let count = 1;
  for (const groups of groupCounts) {
    count *= groups + 1;
    if (count > maxCells) return undefined;
  }
  out.fill(0, 0, rows);
  let stride = 1;
  const groupOf = groupCodes.map((codes, s) => {
    const radix = (groupCounts[s] as number) + 1;
    for (let row = 0; row < rows; row++) out[row] = (out[row] as number) + ((codes[row] as number) + 1) * stride;
    const digits = new Int32Array(count);
    for (let cell = 0; cell < count; cell++) digits[cell] = (Math.floor(cell / stride) % radix) - 1;
    stride *= radix;
    return digits;
  });
  return { count, groupOf };
}

/** tally[level · cells + cell] += 1 per row with a level (≥ 0); `tally` is zeroed here over levels × cells. */
export function tallyCells(level: Int32Array, cell: Int32Array, rows: number, cells: number, levels: number, tally: Float64Array): void {
  tally.fill(0, 0, levels * cells);
  for (let row = 0; row < rows; row++) {
    const l = level[row] as number;
    if (l < 0) continue;
    const at = l * cells + (cell[row] as number);
    tally[at] = (tally[at] as number) + 1;
  }
}

/**
 * tallyCells plus, per cell, the count, mean and M2 = Σ (x − mean)² of the values of rows with a level (a finite
 * value), by the two-pass algorithm: the tally pass also sums each cell's values, the counts are the tally's column
 * sums, and a second pass sums the squared deviations from each cell's mean. No division per row (Welford's update
 * needs one), and as accurate as Welford: the deviations are taken from the cell's exact batch mean. The arrays are
 * zeroed here over `cells`.
 */
export function tallyCellMoments(
  level: Int32Array,
  cell: Int32Array,
  values: Float64Array,
  rows: number,
  cells: number,
  levels: number,
  tally: Float64Array,
  moments: { readonly n: Float64Array; readonly mean: Float64Array; readonly m2: Float64Array },
): void {
  const { n, mean, m2 } = moments;
  tally.fill(0, 0, levels * cells);
  mean.fill(0, 0, cells);
  m2.fill(0, 0, cells);
  for (let row = 0; row < rows; row++) {
    const l = level[row] as number;
    if (l < 0) continue;
    const c = cell[row] as number;
    const at = l * cells + c;
    tally[at] = (tally[at] as number) + 1;
    mean[c] = (mean[c] as number) + (values[row] as number);
  }
  for (let c = 0; c < cells; c++) {
    let count = 0;
    for (let l = 0; l < levels; l++) count += tally[l * cells + c] as number;
    n[c] = count;
    if (count > 0) mean[c] = (mean[c] as number) / count;
  }
  for (let row = 0; row < rows; row++) {
    if ((level[row] as number) < 0) continue;
    const c = cell[row] as number;
    const d = (values[row] as number) - (mean[c] as number);
    m2[c] = (m2[c] as number) + d * d;
  }
}
