import type { EvaluationBatch } from '../../core/index.ts';
import type { ScoreDistribution } from '../rank/score-distribution.ts';
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
} from './binary-layout.ts';
import { rowsByCell } from './rows-by-cell.ts';

let scored = new Int32Array(0);

/**
 * The hot loop of a binary task, no allocation: the batch's rows grouped by cell (rows-by-cell.ts), then each cell's
 * rows in row order. `cellOf[row]` is the row's cell; `stats[cell]` its statistics (layout in binary-layout.ts) and
 * `scores[cell]` its score distribution, which takes the cell's scored rows in one call (ScoreDistribution.addRows)
 * after the statistics: the two are independent, so each still sees its rows in row order.
 */
export function updateBinaryCells(
  batch: EvaluationBatch,
  cellOf: Int32Array,
  stats: readonly Float64Array[],
  scores: readonly ScoreDistribution[],
): void {
  const { order, start } = rowsByCell(cellOf, batch.rows, stats.length);
  if (scored.length < batch.rows) scored = new Int32Array(batch.rows);
  for (let cell = 0; cell < stats.length; cell++) {
    const from = start[cell] as number;
    const to = start[cell + 1] as number;
    if (from === to) continue;
    const count = updateCell(batch, order, from, to, stats[cell] as Float64Array, scored);
    if (count > 0 && batch.score !== undefined) (scores[cell] as ScoreDistribution).addRows(batch.score, batch.yTrue, batch.weight, scored, count);
  }
}

/**
 * Rows order[from..to) of one cell into its statistics; returns how many went to `scored` (usable, with a score).
 * The scalar sums live in locals for the loop and are stored once at the end: each still receives the same addends
 * in the same order (so the same bits), without a typed-array load and store per field per row. Sums indexed by the
 * row (confusion cells, calibration bins) stay in the array.
 */
function updateCell(batch: EvaluationBatch, order: Int32Array, from: number, to: number, s: Float64Array, scored: Int32Array): number {
  const { yTrue, yPred, score, weight } = batch;
  const eps = LOG_LOSS_EPS;
  let missingYTrue = s[B_MISSING_Y_TRUE] as number;
  let missingYPred = s[B_MISSING_Y_PRED] as number;
  let missingWeight = s[B_MISSING_WEIGHT] as number;
  let weightSum = s[B_WEIGHT] as number;
  let scoredRows = s[B_SCORED] as number;
  let scoredWeight = s[B_SCORED_W] as number;
  let logLoss = s[B_LOG_LOSS] as number;
  let logLossSq = s[B_LOG_LOSS_SQ] as number;
  let brier = s[B_BRIER] as number;
  let brierSq = s[B_BRIER_SQ] as number;
  let wpSq0 = s[B_WP_SQ] as number;
  let wpSq1 = s[B_WP_SQ + 1] as number;
  let count = 0;
  for (let at = from; at < to; at++) {
    const row = order[at] as number;
    const yt = yTrue[row] as number;
    const yp = yPred[row] as number;
    const w = weight === undefined ? 1 : (weight[row] as number);
    let usable = true;
    if (yt !== yt) {
      missingYTrue += 1;
      usable = false;
    }
    if (yp !== yp) {
      missingYPred += 1;
      usable = false;
    }
    if (w !== w) {
      missingWeight += 1;
      continue;
    }
    weightSum += w;
    if (!usable) continue;
    const y = yt === 1 ? 1 : 0;
    const k = 2 * y + (yp === 1 ? 1 : 0);
    s[B_COUNT + k] = (s[B_COUNT + k] as number) + 1;
    s[B_WCOUNT + k] = (s[B_WCOUNT + k] as number) + w;
    if (score === undefined) continue;
    const p = score[row] as number;
    if (p !== p) continue;
    scoredRows += 1;
    scoredWeight += w;
    const clipped = p < eps ? eps : p > 1 - eps ? 1 - eps : p;
    const loss = -Math.log(y === 1 ? clipped : 1 - clipped);
    logLoss += w * loss;
    logLossSq += w * loss * loss;
    const d2 = (p - y) * (p - y);
    brier += w * d2;
    brierSq += w * d2 * d2;
    const bin = B_CAL + 3 * (2 * calibrationBin(p) + y);
    s[bin] = (s[bin] as number) + 1;
    s[bin + 1] = (s[bin + 1] as number) + w;
    s[bin + 2] = (s[bin + 2] as number) + w * p;
    if (y === 1) wpSq1 += w * p * w * p;
    else wpSq0 += w * p * w * p;
    scored[count++] = row;
  }
  // Every row counts once, so the row count is one addition of the cell's row count (exact: both are integers).
  s[B_ROWS] = (s[B_ROWS] as number) + (to - from);
  s[B_MISSING_Y_TRUE] = missingYTrue;
  s[B_MISSING_Y_PRED] = missingYPred;
  s[B_MISSING_WEIGHT] = missingWeight;
  s[B_WEIGHT] = weightSum;
  s[B_SCORED] = scoredRows;
  s[B_SCORED_W] = scoredWeight;
  s[B_LOG_LOSS] = logLoss;
  s[B_LOG_LOSS_SQ] = logLossSq;
  s[B_BRIER] = brier;
  s[B_BRIER_SQ] = brierSq;
  s[B_WP_SQ] = wpSq0;
  s[B_WP_SQ + 1] = wpSq1;
  return count;
}
