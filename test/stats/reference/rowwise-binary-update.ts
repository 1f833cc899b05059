import type { EvaluationBatch } from '../../../src/core/index.ts';
import type { ScoreDistribution } from '../../../src/stats/rank/score-distribution.ts';
import {
  B_BRIER,
  B_BRIER_SQ,
  B_CAL,
  B_COUNT,
  B_LOG_LOSS,
  B_LOG_LOSS_SQ,
  B_MISSING_WEIGHT,
  B_MISSING_Y_PRED,
  B_MISSING_Y_TRUE,
  B_ROWS,
  B_SCORED,
  B_SCORED_W,
  B_WCOUNT,
  B_WEIGHT,
  B_WP_SQ,
  LOG_LOSS_EPS,
  calibrationBin,
} from '../../../src/stats/cells/binary-layout.ts';

/**
 * The previous row-at-a-time update of src/stats/cells/binary-update.ts, kept as the reference the grouped update
 * must equal bit for bit: one cell update per row, in row order. `cellOf[row]` is the row's cell;
 * `stats[cell]` its statistics (layout in binary-layout.ts) and `scores[cell]` its score distribution.
 */
export function updateBinaryCellsRowwise(
  batch: EvaluationBatch,
  cellOf: Int32Array,
  stats: readonly Float64Array[],
  scores: readonly ScoreDistribution[],
): void {
  const { yTrue, yPred, score, weight } = batch;
  const eps = LOG_LOSS_EPS;
  for (let row = 0; row < batch.rows; row++) {
    const cell = cellOf[row] as number;
    const s = stats[cell] as Float64Array;
    s[B_ROWS] = (s[B_ROWS] as number) + 1;
    const yt = yTrue[row] as number;
    const yp = yPred[row] as number;
    const w = weight === undefined ? 1 : (weight[row] as number);
    let usable = true;
    if (yt !== yt) {
      s[B_MISSING_Y_TRUE] = (s[B_MISSING_Y_TRUE] as number) + 1;
      usable = false;
    }
    if (yp !== yp) {
      s[B_MISSING_Y_PRED] = (s[B_MISSING_Y_PRED] as number) + 1;
      usable = false;
    }
    if (w !== w) {
      s[B_MISSING_WEIGHT] = (s[B_MISSING_WEIGHT] as number) + 1;
      continue;
    }
    s[B_WEIGHT] = (s[B_WEIGHT] as number) + w;
    if (!usable) continue;
    const y = yt === 1 ? 1 : 0;
    const k = 2 * y + (yp === 1 ? 1 : 0);
    s[B_COUNT + k] = (s[B_COUNT + k] as number) + 1;
    s[B_WCOUNT + k] = (s[B_WCOUNT + k] as number) + w;
    if (score === undefined) continue;
    const p = score[row] as number;
    if (p !== p) continue;
    s[B_SCORED] = (s[B_SCORED] as number) + 1;
    s[B_SCORED_W] = (s[B_SCORED_W] as number) + w;
    const clipped = p < eps ? eps : p > 1 - eps ? 1 - eps : p;
    const loss = -Math.log(y === 1 ? clipped : 1 - clipped);
    s[B_LOG_LOSS] = (s[B_LOG_LOSS] as number) + w * loss;
    s[B_LOG_LOSS_SQ] = (s[B_LOG_LOSS_SQ] as number) + w * loss * loss;
    const d2 = (p - y) * (p - y);
    s[B_BRIER] = (s[B_BRIER] as number) + w * d2;
    s[B_BRIER_SQ] = (s[B_BRIER_SQ] as number) + w * d2 * d2;
    const at = B_CAL + 3 * (2 * calibrationBin(p) + y);
    s[at] = (s[at] as number) + 1;
    s[at + 1] = (s[at + 1] as number) + w;
    s[at + 2] = (s[at + 2] as number) + w * p;
    s[B_WP_SQ + y] = (s[B_WP_SQ + y] as number) + w * p * w * p;
    (scores[cell] as ScoreDistribution).add(p, y, w);
  }
}
