/**
 * The sufficient statistics of one cell (or slice) of a binary task, as one Float64Array so the per-row update is a
 * handful of typed-array additions and merging is element-wise addition. Every field is a plain sum, so any set of
 * cells merges in any order to the same slice.
 *
 * Conventions: a row is *usable* when y_true, y_pred and its weight are all present; confusion counts cover usable
 * rows; score fields cover usable rows whose score is present. `w` is the row weight (1 when no weight column).
 */
export const B_ROWS = 0; // every row, usable or not
export const B_WEIGHT = 1; // Σ w over rows whose weight is present
export const B_MISSING_Y_TRUE = 2;
export const B_MISSING_Y_PRED = 3;
export const B_MISSING_WEIGHT = 4;
/** Unweighted confusion counts at B_COUNT + k, k = 2·y_true + y_pred: 0 TN, 1 FP, 2 FN, 3 TP. */
export const B_COUNT = 5;
/** Weighted confusion sums at B_WCOUNT + k, same k. */
export const B_WCOUNT = 9;
export const TN = 0;
export const FP = 1;
export const FN = 2;
export const TP = 3;
export const B_SCORED = 13; // usable rows with a score (unweighted)
export const B_SCORED_W = 14; // Σ w over them
export const B_LOG_LOSS = 15; // Σ w · ℓ, ℓ = −(y log p̃ + (1 − y) log(1 − p̃)), p̃ = clip(p, ε, 1 − ε)
export const B_LOG_LOSS_SQ = 16; // Σ w · ℓ²
export const B_BRIER = 17; // Σ w · (p − y)²
export const B_BRIER_SQ = 18; // Σ w · (p − y)⁴
/** Calibration cells at B_CAL + 3·(2·bin + y): [rows, Σ w, Σ w·p]; 10 equal-width bins of [0, 1]. */
export const B_CAL = 19;
export const CAL_BINS = 10;
/** Σ (w·p)² per class at B_WP_SQ + y: the spread the calibration bootstrap needs (disparity/bootstrap.ts). */
export const B_WP_SQ = B_CAL + 3 * 2 * CAL_BINS;
export const B_LENGTH = B_WP_SQ + 2;

/** ε of the log-loss clipping: float64 machine epsilon, as scikit-learn ≥ 1.5 does (np.finfo(float64).eps). */
export const LOG_LOSS_EPS = 2.220446049250313e-16;

/** Calibration bin of a score: min(⌊p · 10⌋, 9), with p < 0 in bin 0 (scores outside [0, 1] are clipped). */
export function calibrationBin(score: number): number {
  if (!(score > 0)) return 0;
  return score >= 1 ? CAL_BINS - 1 : Math.min(CAL_BINS - 1, Math.floor(score * CAL_BINS));
}

export function addBinaryStats(into: Float64Array, from: Float64Array): void {
  for (let i = 0; i < B_LENGTH; i++) into[i] = (into[i] ?? 0) + (from[i] ?? 0);
}
