import type { EvaluationBatch } from '../../core/index.ts';
import * as L from './regression-layout.ts';

/**
 * The per-row hot loop of a regression task: one cell update per row, no allocation. The weighted mean and M2 of
 * y_true follow West's (1979) incremental update: W += w; δ = y − mean; mean += δ·w/W; M2 += w·δ·(y − mean).
 */
export function updateRegressionCells(batch: EvaluationBatch, cellOf: Int32Array, stats: readonly Float64Array[]): void {
  const { yTrue, yPred, weight } = batch;
  for (let row = 0; row < batch.rows; row++) {
    const s = stats[cellOf[row] ?? 0] as Float64Array;
    s[L.R_ROWS] = (s[L.R_ROWS] ?? 0) + 1;
    const y = yTrue[row] ?? Number.NaN;
    const yp = yPred[row] ?? Number.NaN;
    const w = weight === undefined ? 1 : (weight[row] ?? Number.NaN);
    let usable = true;
    if (y !== y) {
      s[L.R_MISSING_Y_TRUE] = (s[L.R_MISSING_Y_TRUE] ?? 0) + 1;
      usable = false;
    }
    if (yp !== yp) {
      s[L.R_MISSING_Y_PRED] = (s[L.R_MISSING_Y_PRED] ?? 0) + 1;
      usable = false;
    }
    if (w !== w) {
      s[L.R_MISSING_WEIGHT] = (s[L.R_MISSING_WEIGHT] ?? 0) + 1;
      continue;
    }
    s[L.R_WEIGHT] = (s[L.R_WEIGHT] ?? 0) + w;
    if (!usable) continue;
    s[L.R_N] = (s[L.R_N] ?? 0) + 1;
    if (w > 0) {
      const total = (s[L.R_W] ?? 0) + w;
      const mean = s[L.R_MEAN] ?? 0;
      const delta = y - mean;
      const next = mean + (delta * w) / total;
      s[L.R_W] = total;
      s[L.R_MEAN] = next;
      s[L.R_M2] = (s[L.R_M2] ?? 0) + w * delta * (y - next);
    }
    const e = Math.abs(y - yp);
    const e2 = e * e;
    const ape = e / Math.max(Math.abs(y), L.MAPE_EPS);
    s[L.R_ABS] = (s[L.R_ABS] ?? 0) + w * e;
    s[L.R_SQ] = (s[L.R_SQ] ?? 0) + w * e2;
    s[L.R_QUAD] = (s[L.R_QUAD] ?? 0) + w * e2 * e2;
    s[L.R_APE] = (s[L.R_APE] ?? 0) + w * ape;
    s[L.R_APE_SQ] = (s[L.R_APE_SQ] ?? 0) + w * ape * ape;
  }
}
