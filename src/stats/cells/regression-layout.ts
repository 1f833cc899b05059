/**
 * The sufficient statistics of one cell (or slice) of a regression task, as one Float64Array. All fields are sums
 * except the weighted mean and M2 of y_true (West 1979 / Welford), which merge by Chan et al.'s parallel formula, so
 * SS_tot stays accurate when |mean| ≫ spread. e = y_true − y_pred; `w` is the row weight (1 when none).
 */
export const R_ROWS = 0;
export const R_WEIGHT = 1;
export const R_MISSING_Y_TRUE = 2;
export const R_MISSING_Y_PRED = 3;
export const R_MISSING_WEIGHT = 4;
export const R_N = 5; // usable rows
export const R_W = 6; // Σ w over usable rows
export const R_MEAN = 7; // weighted mean of y_true
export const R_M2 = 8; // Σ w (y − mean)²
export const R_ABS = 9; // Σ w |e|
export const R_SQ = 10; // Σ w e²
export const R_QUAD = 11; // Σ w e⁴
export const R_APE = 12; // Σ w |e| / max(|y|, ε)
export const R_APE_SQ = 13; // Σ w (|e| / max(|y|, ε))²
export const R_LENGTH = 14;

/** ε of MAPE: float64 machine epsilon, as scikit-learn (np.finfo(np.float64).eps). */
export const MAPE_EPS = 2.220446049250313e-16;

/** Merges `from` into `into`: sums add; mean and M2 combine by Chan, Golub & LeVeque (1979), weighted. */
export function addRegressionStats(into: Float64Array, from: Float64Array): void {
  const wa = into[R_W] ?? 0;
  const wb = from[R_W] ?? 0;
  const total = wa + wb;
  if (total > 0) {
    const ma = into[R_MEAN] ?? 0;
    const mb = from[R_MEAN] ?? 0;
    const delta = mb - ma;
    into[R_MEAN] = wa === 0 ? mb : wb === 0 ? ma : ma + (delta * wb) / total;
    into[R_M2] = (into[R_M2] ?? 0) + (from[R_M2] ?? 0) + (wa === 0 || wb === 0 ? 0 : (delta * delta * wa * wb) / total);
  }
  for (let i = 0; i < R_LENGTH; i++) {
    if (i === R_MEAN || i === R_M2) continue;
    into[i] = (into[i] ?? 0) + (from[i] ?? 0);
  }
}
