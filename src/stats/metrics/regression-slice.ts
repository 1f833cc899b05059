import type { MetricValue } from '../../core/index.ts';
import * as L from '../cells/regression-layout.ts';
import { normalInterval } from '../wilson.ts';
import type { IntervalSettings } from './binary-slice.ts';
import { meanWithInterval } from './mean-interval.ts';

/**
 * Every slice metric of a regression task, as scikit-learn with sample_weight:
 * - mean_absolute_error = Σw|e| / Σw; normal-approximation interval of a mean.
 * - root_mean_squared_error = √(Σw e² / Σw); interval by the delta method: se(RMSE) = se(MSE) / (2·RMSE), se(MSE)
 *   the normal-approximation se of the mean of e² (needs Σw e⁴); none when RMSE = 0.
 * - r2 = 1 − Σw e² / Σw (y − ȳ_w)²; when SS_tot = 0 it is 1 if SS_res = 0 else 0 (scikit-learn's force_finite=True);
 *   null with fewer than 2 rows (scikit-learn returns NaN). No interval.
 * - mean_absolute_percentage_error = Σw |e| / max(|y|, ε) / Σw, ε = float64 machine epsilon; normal interval.
 * Empty slice (Σw = 0): every value null.
 */
export function regressionSliceMetrics(stats: Float64Array, ci: IntervalSettings): Record<string, MetricValue> {
  const at = (index: number): number => stats[index] ?? 0;
  const n = at(L.R_N);
  const w = at(L.R_W);
  const mse = w > 0 ? at(L.R_SQ) / w : null;
  const rmse = mse === null ? null : Math.sqrt(mse);
  let rmseValue: MetricValue = { value: rmse, n };
  if (mse !== null && rmse !== null && rmse > 0 && n >= 2) {
    const variance = Math.max(0, at(L.R_QUAD) / w - mse * mse) * (n / (n - 1));
    const interval = normalInterval(rmse, Math.sqrt(variance / n) / (2 * rmse), ci.z, ci.level, { low: 0 });
    if (interval !== undefined) rmseValue = { value: rmse, n, interval };
  }
  return {
    count: { value: w, n },
    missing_y_true: { value: at(L.R_MISSING_Y_TRUE), n: at(L.R_ROWS) },
    missing_y_pred: { value: at(L.R_MISSING_Y_PRED), n: at(L.R_ROWS) },
    mean_absolute_error: meanWithInterval(at(L.R_ABS), at(L.R_SQ), w, n, ci, { low: 0 }),
    root_mean_squared_error: rmseValue,
    r2: { value: r2(at(L.R_SQ), at(L.R_M2), n, w), n },
    mean_absolute_percentage_error: meanWithInterval(at(L.R_APE), at(L.R_APE_SQ), w, n, ci, { low: 0 }),
  };
}

function r2(ssRes: number, ssTot: number, n: number, w: number): number | null {
  if (n < 2 || !(w > 0)) return null;
  if (ssTot === 0) return ssRes === 0 ? 1 : 0;
  return 1 - ssRes / ssTot;
}
