import type { EvaluationBatch } from '../../core/index.ts';
import { MAPE_EPS, R_ABS, R_APE, R_APE_SQ, R_M2, R_MEAN, R_MISSING_WEIGHT, R_MISSING_Y_PRED, R_MISSING_Y_TRUE, R_N, R_QUAD, R_ROWS, R_SQ, R_W, R_WEIGHT } from './regression-layout.ts';

/**
 * The per-row hot loop of a regression task: one cell update per row, no allocation. The weighted mean and M2 of
 * y_true follow West's (1979) incremental update: W += w; δ = y − mean; mean += δ·w/W; M2 += w·δ·(y − mean).
 */
export function updateRegressionCells(batch: EvaluationBatch, cellOf: Int32Array, stats: readonly Float64Array[]): void {
  const { yTrue, yPred, weight } = batch;
  for (let row = 0; row < batch.rows; row++) {
    const s = stats[cellOf[row] as number] as Float64Array;
    s[R_ROWS] = (s[R_ROWS] as number) + 1;
    const y = yTrue[row] as number;
    const yp = yPred[row] as number;
    const w = weight === undefined ? 1 : (weight[row] as number);
    let usable = true;
    if (y !== y) {
      s[R_MISSING_Y_TRUE] = (s[R_MISSING_Y_TRUE] as number) + 1;
      usable = false;
    }
    if (yp !== yp) {
      s[R_MISSING_Y_PRED] = (s[R_MISSING_Y_PRED] as number) + 1;
      usable = false;
    }
    if (w !== w) {
      s[R_MISSING_WEIGHT] = (s[R_MISSING_WEIGHT] as number) + 1;
      continue;
    }
    s[R_WEIGHT] = (s[R_WEIGHT] as number) + w;
    if (!usable) continue;
    s[R_N] = (s[R_N] as number) + 1;
    if (w > 0) {
      const total = (s[R_W] as number) + w;
      const mean = s[R_MEAN] as number;
      const delta = y - mean;
      const next = mean + (delta * w) / total;
      s[R_W] = total;
      s[R_MEAN] = next;
      s[R_M2] = (s[R_M2] as number) + w * delta * (y - next);
    }
    const e = Math.abs(y - yp);
    const e2 = e * e;
    const ape = e / Math.max(Math.abs(y), MAPE_EPS);
    s[R_ABS] = (s[R_ABS] as number) + w * e;
    s[R_SQ] = (s[R_SQ] as number) + w * e2;
    s[R_QUAD] = (s[R_QUAD] as number) + w * e2 * e2;
    s[R_APE] = (s[R_APE] as number) + w * ape;
    s[R_APE_SQ] = (s[R_APE_SQ] as number) + w * ape * ape;
  }
}
