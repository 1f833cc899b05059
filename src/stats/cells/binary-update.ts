import type { EvaluationBatch } from '../../core/index.ts';
import type { ScoreDistribution } from '../rank/score-distribution.ts';
import * as L from './binary-layout.ts';

/**
 * The per-row hot loop of a binary task: one cell update per row, no allocation. `cellOf[row]` is the row's cell;
 * `stats[cell]` its statistics (layout in binary-layout.ts) and `scores[cell]` its score distribution.
 */
export function updateBinaryCells(
  batch: EvaluationBatch,
  cellOf: Int32Array,
  stats: readonly Float64Array[],
  scores: readonly ScoreDistribution[],
): void {
  const { yTrue, yPred, score, weight } = batch;
  const eps = L.LOG_LOSS_EPS;
  for (let row = 0; row < batch.rows; row++) {
    const cell = cellOf[row] ?? 0;
    const s = stats[cell] as Float64Array;
    s[L.B_ROWS] = (s[L.B_ROWS] ?? 0) + 1;
    const yt = yTrue[row] ?? Number.NaN;
    const yp = yPred[row] ?? Number.NaN;
    const w = weight === undefined ? 1 : (weight[row] ?? Number.NaN);
    let usable = true;
    if (yt !== yt) {
      s[L.B_MISSING_Y_TRUE] = (s[L.B_MISSING_Y_TRUE] ?? 0) + 1;
      usable = false;
    }
    if (yp !== yp) {
      s[L.B_MISSING_Y_PRED] = (s[L.B_MISSING_Y_PRED] ?? 0) + 1;
      usable = false;
    }
    if (w !== w) {
      s[L.B_MISSING_WEIGHT] = (s[L.B_MISSING_WEIGHT] ?? 0) + 1;
      continue;
    }
    s[L.B_WEIGHT] = (s[L.B_WEIGHT] ?? 0) + w;
    if (!usable) continue;
    const y = yt === 1 ? 1 : 0;
    const k = 2 * y + (yp === 1 ? 1 : 0);
    s[L.B_COUNT + k] = (s[L.B_COUNT + k] ?? 0) + 1;
    s[L.B_WCOUNT + k] = (s[L.B_WCOUNT + k] ?? 0) + w;
    if (score === undefined) continue;
    const p = score[row] ?? Number.NaN;
    if (p !== p) continue;
    s[L.B_SCORED] = (s[L.B_SCORED] ?? 0) + 1;
    s[L.B_SCORED_W] = (s[L.B_SCORED_W] ?? 0) + w;
    const clipped = p < eps ? eps : p > 1 - eps ? 1 - eps : p;
    const loss = -Math.log(y === 1 ? clipped : 1 - clipped);
    s[L.B_LOG_LOSS] = (s[L.B_LOG_LOSS] ?? 0) + w * loss;
    s[L.B_LOG_LOSS_SQ] = (s[L.B_LOG_LOSS_SQ] ?? 0) + w * loss * loss;
    const d2 = (p - y) * (p - y);
    s[L.B_BRIER] = (s[L.B_BRIER] ?? 0) + w * d2;
    s[L.B_BRIER_SQ] = (s[L.B_BRIER_SQ] ?? 0) + w * d2 * d2;
    const at = L.B_CAL + 3 * (2 * L.calibrationBin(p) + y);
    s[at] = (s[at] ?? 0) + 1;
    s[at + 1] = (s[at + 1] ?? 0) + w;
    s[at + 2] = (s[at + 2] ?? 0) + w * p;
    (scores[cell] as ScoreDistribution).add(p, y, w);
  }
}
