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
/**
 * Scratch reused from call to call: where each cell's gathered rows start, the next free slot of each cell, and the
 * scored rows' score, class and weight, cell by cell (rows of cell c at gatherStart[c] … cursor[c] − 1, in row order).
 */
let gatherStart = new Int32Array(0);
let cursor = new Int32Array(0);
let gatheredScore = new Float64Array(0);
let gatheredLabel = new Uint8Array(0);
let gatheredWeight = new Float64Array(0);

/**
 * The hot loop of a binary task. One pass over the batch in row order updates each row's cell statistics (layout in
 * binary-layout.ts; all cells together are a few KB, so they stay in L1) and copies every scored row (usable, with a
 * score) into its cell's stretch of the gathered columns. Then each cell's score distribution takes its stretch in
 * one call (ScoreDistribution.addRun), reading it sequentially. Every sum receives its addends in row order, so the
 * results are bit for bit those of a row-at-a-time update; reading the batch columns once in order, instead of once
 * per cell at a stride, is what saves the time (a 1M-row batch is far larger than the cache).
 */
export function updateBinaryCells(
  batch: EvaluationBatch,
  cellOf: Int32Array,
  stats: readonly Float64Array[],
  scores: readonly ScoreDistribution[],
): void {
  const cells = stats.length;
  const rows = batch.rows;
  if (gatherStart.length < cells + 1) {
    gatherStart = new Int32Array(cells + 1);
    cursor = new Int32Array(cells + 1);
  }
  if (batch.score !== undefined && gatheredScore.length < rows) {
    gatheredScore = new Float64Array(rows);
    gatheredLabel = new Uint8Array(rows);
    gatheredWeight = new Float64Array(rows);
  }
  if (batch.score !== undefined) {
    gatherStart.fill(0, 0, cells + 1);
    for (let row = 0; row < rows; row++) {
      const next = (cellOf[row] as number) + 1;
      gatherStart[next] = (gatherStart[next] as number) + 1;
    }
    for (let cell = 1; cell <= cells; cell++) gatherStart[cell] = (gatherStart[cell] as number) + (gatherStart[cell - 1] as number);
    cursor.set(gatherStart.subarray(0, cells));
  }
  updateRows(batch, cellOf, stats);
  if (batch.score === undefined) return;
  const weights = batch.weight === undefined ? undefined : gatheredWeight;
  for (let cell = 0; cell < cells; cell++) {
    const from = gatherStart[cell] as number;
    const to = cursor[cell] as number;
    if (to > from) (scores[cell] as ScoreDistribution).addRun(gatheredScore, gatheredLabel, weights, from, to);
  }
}

/** Every row into its cell's statistics, in row order; scored rows also to their cell's next gathered slot. */
function updateRows(batch: EvaluationBatch, cellOf: Int32Array, stats: readonly Float64Array[]): void {
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
    const bin = B_CAL + 3 * (2 * calibrationBin(p) + y);
    s[bin] = (s[bin] as number) + 1;
    s[bin + 1] = (s[bin + 1] as number) + w;
    s[bin + 2] = (s[bin + 2] as number) + w * p;
    s[B_WP_SQ + y] = (s[B_WP_SQ + y] as number) + w * p * w * p;
    const slot = cursor[cell] as number;
    cursor[cell] = slot + 1;
    gatheredScore[slot] = p;
    gatheredLabel[slot] = y;
    gatheredWeight[slot] = w;
  }
}
