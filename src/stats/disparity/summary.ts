import * as L from '../cells/binary-layout.ts';

/**
 * What a disparity needs of one group, as 6 numbers: the weighted confusion sums and the calibration sums. Built
 * from a slice's statistics for the point estimate and from multinomial draws for each bootstrap replicate, so both
 * go through the same disparity code. The overall summary is the element-wise sum of a grouping's groups.
 */
export const S_TN = 0;
export const S_FP = 1;
export const S_FN = 2;
export const S_TP = 3;
/** Σ w·(p − y) over scored rows. */
export const S_SUM_D = 4;
/** Σ w over scored rows. */
export const S_SCORED_W = 5;
export const SUMMARY_LENGTH = 6;

export function summaryOf(stats: Float64Array, out: Float64Array = new Float64Array(SUMMARY_LENGTH)): Float64Array {
  for (let k = 0; k < 4; k++) out[k] = stats[L.B_WCOUNT + k] ?? 0;
  let sumD = 0;
  for (let bin = 0; bin < L.CAL_BINS; bin++) {
    sumD += (stats[L.B_CAL + 3 * (2 * bin) + 2] ?? 0) + (stats[L.B_CAL + 3 * (2 * bin + 1) + 2] ?? 0);
    sumD -= stats[L.B_CAL + 3 * (2 * bin + 1) + 1] ?? 0;
  }
  out[S_SUM_D] = sumD;
  out[S_SCORED_W] = stats[L.B_SCORED_W] ?? 0;
  return out;
}
