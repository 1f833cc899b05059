import type { MetricValue } from '../../core/index.ts';
import * as L from '../cells/binary-layout.ts';
import { aucBinningBound, averagePrecision, delongVariance, rocAuc } from '../rank/rank-metrics.ts';
import type { ScoreCurve } from '../rank/score-distribution.ts';
import { normalInterval, wilsonInterval } from '../wilson.ts';
import { balancedAccuracy, confusionRate, rateDenominator, type ConfusionRate } from './confusion-rates.ts';
import { meanWithInterval } from './mean-interval.ts';

const PROPORTIONS: readonly ConfusionRate[] = [
  'base_rate',
  'selection_rate',
  'accuracy',
  'precision',
  'true_positive_rate',
  'true_negative_rate',
  'false_positive_rate',
  'false_negative_rate',
];

export interface IntervalSettings {
  /** Two-sided critical value for `level`. */
  readonly z: number;
  readonly level: number;
}

/**
 * Every slice metric of a binary task (names in registry.ts) from a slice's statistics and score curve. Intervals:
 * Wilson for proportions (unweighted n, see wilson.ts); normal approximation for balanced accuracy (variance
 * Σ_c R_c(1 − R_c)/n_c / k² over the k classes present); DeLong for ROC AUC; normal approximation of a mean for
 * log loss, Brier score and calibration-in-the-large; none for F1, average precision and ECE.
 */
export function binarySliceMetrics(stats: Float64Array, curve: ScoreCurve | undefined, ci: IntervalSettings): Record<string, MetricValue> {
  const at = (index: number): number => stats[index] ?? 0;
  const [tn, fp, fn, tp] = [L.TN, L.FP, L.FN, L.TP].map((k) => at(L.B_WCOUNT + k)) as [number, number, number, number];
  const [cTn, cFp, cFn, cTp] = [L.TN, L.FP, L.FN, L.TP].map((k) => at(L.B_COUNT + k)) as [number, number, number, number];
  const usable = cTn + cFp + cFn + cTp;
  const out: Record<string, MetricValue> = {
    count: { value: tn + fp + fn + tp, n: usable },
    missing_y_true: { value: at(L.B_MISSING_Y_TRUE), n: at(L.B_ROWS) },
    missing_y_pred: { value: at(L.B_MISSING_Y_PRED), n: at(L.B_ROWS) },
  };
  for (const name of PROPORTIONS) {
    const value = confusionRate(name, tn, fp, fn, tp);
    const n = rateDenominator(name, cTn, cFp, cFn, cTp);
    const interval = value === null ? undefined : wilsonInterval(value, n, ci.z, ci.level);
    out[name] = interval === undefined ? { value, n } : { value, n, interval };
  }
  out['recall'] = out['true_positive_rate'] as MetricValue;
  out['f1'] = { value: confusionRate('f1', tn, fp, fn, tp), n: rateDenominator('f1', cTn, cFp, cFn, cTp) };
  out['balanced_accuracy'] = balancedAccuracyValue(tn, fp, fn, tp, cTn + cFp, cTp + cFn, usable, ci);
  Object.assign(out, scoreMetrics(stats, curve, ci));
  return out;
}

function balancedAccuracyValue(tn: number, fp: number, fn: number, tp: number, negatives: number, positives: number, usable: number, ci: IntervalSettings): MetricValue {
  const value = balancedAccuracy(tn, fp, fn, tp);
  if (value === null) return { value, n: usable };
  let variance = 0;
  let classes = 0;
  if (tn + fp > 0 && negatives > 0) {
    const r = tn / (tn + fp);
    variance += (r * (1 - r)) / negatives;
    classes++;
  }
  if (tp + fn > 0 && positives > 0) {
    const r = tp / (tp + fn);
    variance += (r * (1 - r)) / positives;
    classes++;
  }
  const interval = classes === 0 ? undefined : normalInterval(value, Math.sqrt(variance) / classes, ci.z, ci.level, { low: 0, high: 1 });
  return interval === undefined ? { value, n: usable } : { value, n: usable, interval };
}

function scoreMetrics(stats: Float64Array, curve: ScoreCurve | undefined, ci: IntervalSettings): Record<string, MetricValue> {
  const at = (index: number): number => stats[index] ?? 0;
  const n = at(L.B_SCORED);
  const w = at(L.B_SCORED_W);
  let positiveWeight = 0;
  let predictedSum = 0;
  let ece = 0;
  for (let bin = 0; bin < L.CAL_BINS; bin++) {
    const neg = L.B_CAL + 3 * (2 * bin);
    const pos = L.B_CAL + 3 * (2 * bin + 1);
    const sumP = at(neg + 2) + at(pos + 2);
    positiveWeight += at(pos + 1);
    predictedSum += sumP;
    ece += Math.abs(at(pos + 1) - sumP);
  }
  const defined = w > 0;
  const citl = defined ? (predictedSum - positiveWeight) / w : null;
  const out: Record<string, MetricValue> = {
    log_loss: meanWithInterval(at(L.B_LOG_LOSS), at(L.B_LOG_LOSS_SQ), w, n, ci, { low: 0 }),
    brier_score: meanWithInterval(at(L.B_BRIER), at(L.B_BRIER_SQ), w, n, ci, { low: 0 }),
    expected_calibration_error: { value: defined ? ece / w : null, n },
    calibration_in_the_large: meanWithInterval(predictedSum - positiveWeight, at(L.B_BRIER), w, n, ci, {}),
  };
  if (citl === null) out['calibration_in_the_large'] = { value: null, n };
  const auc = curve === undefined ? null : rocAuc(curve);
  const ap = curve === undefined ? null : averagePrecision(curve);
  const approximate = curve !== undefined && !curve.exact;
  const aucValue: MetricValue = { value: auc, n };
  if (auc !== null && curve !== undefined) {
    const variance = delongVariance(curve, auc);
    const interval = variance === null ? undefined : normalInterval(auc, Math.sqrt(variance), ci.z, ci.level, { low: 0, high: 1 });
    const withInterval = interval === undefined ? aucValue : { ...aucValue, interval: { ...interval, method: 'delong' as const } };
    out['roc_auc'] = approximate ? { ...withInterval, exact: false, errorBound: aucBinningBound(curve) } : withInterval;
  } else {
    out['roc_auc'] = aucValue;
  }
  out['average_precision'] = approximate && ap !== null ? { value: ap, n, exact: false } : { value: ap, n };
  return out;
}
