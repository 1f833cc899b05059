import type { ScoreCurve } from './score-distribution.ts';

/**
 * ROC AUC as scikit-learn's roc_auc_score (binary, with sample_weight): the trapezoidal area under the ROC curve,
 * which equals the weighted Mann–Whitney statistic with ties counted one half:
 *   AUC = Σ_s pos(s) · (neg(<s) + neg(s)/2) / (P · N),   P = Σ pos, N = Σ neg.
 * Undefined (null) when P = 0 or N = 0 (scikit-learn raises "Only one class present").
 */
export function rocAuc(curve: ScoreCurve): number | null {
  const { pos, neg } = curve;
  let negBelow = 0;
  let area = 0;
  let totalPos = 0;
  for (let i = 0; i < pos.length; i++) {
    const p = pos[i] ?? 0;
    const n = neg[i] ?? 0;
    area += p * (negBelow + n / 2);
    negBelow += n;
    totalPos += p;
  }
  if (!(totalPos > 0) || !(negBelow > 0)) return null;
  return area / totalPos / negBelow; // sequential division: P·N could underflow with tiny weights
}

/**
 * Average precision as scikit-learn's average_precision_score: thresholds are the distinct scores in decreasing
 * order, and AP = Σ_t (R_t − R_{t−1}) · P_t with R_t = TP_t / P and P_t = TP_t / (TP_t + FP_t) counting every row with
 * score ≥ t (a step function, no interpolation). Undefined (null) when P = 0: scikit-learn then warns and returns 0
 * (recall is ill-defined); Steward reports the metric as undefined so a rule on it yields insufficient_evidence.
 */
export function averagePrecision(curve: ScoreCurve): number | null {
  const { pos, neg } = curve;
  let totalPos = 0;
  for (let i = 0; i < pos.length; i++) totalPos += pos[i] ?? 0;
  if (!(totalPos > 0)) return null;
  let tp = 0;
  let fp = 0;
  let sum = 0;
  for (let i = pos.length - 1; i >= 0; i--) {
    const p = pos[i] ?? 0;
    tp += p;
    fp += neg[i] ?? 0;
    if (p > 0) sum += (p / totalPos) * (tp / (tp + fp));
  }
  return sum;
}

/**
 * DeLong, DeLong & Clarke-Pearson (1988) variance of the AUC, from the structural components with ties counted one
 * half. Every positive at score s has V10(s) = (neg(<s) + neg(s)/2) / N, every negative V01(s) =
 * (pos(>s) + pos(s)/2) / P; Var = S10/P + S01/N with S10 = Σ pos(s)(V10(s) − AUC)² / (P − 1) and likewise S01.
 * Weights are treated as frequency weights (with unit weights this is the textbook estimator). Undefined when
 * P < 2 or N < 2.
 */
export function delongVariance(curve: ScoreCurve, auc: number): number | null {
  const { pos, neg } = curve;
  let totalPos = 0;
  let totalNeg = 0;
  for (let i = 0; i < pos.length; i++) {
    totalPos += pos[i] ?? 0;
    totalNeg += neg[i] ?? 0;
  }
  if (!(totalPos > 1) || !(totalNeg > 1)) return null;
  let negBelow = 0;
  let posAbove = totalPos;
  let s10 = 0;
  let s01 = 0;
  for (let i = 0; i < pos.length; i++) {
    const p = pos[i] ?? 0;
    const n = neg[i] ?? 0;
    posAbove -= p;
    const v10 = (negBelow + n / 2) / totalNeg;
    const v01 = (posAbove + p / 2) / totalPos;
    s10 += p * (v10 - auc) ** 2;
    s01 += n * (v01 - auc) ** 2;
    negBelow += n;
  }
  return s10 / (totalPos - 1) / totalPos + s01 / (totalNeg - 1) / totalNeg;
}

/**
 * Bound on |AUC_binned − AUC_exact|. Binning is monotone, so a positive–negative pair in different bins keeps its
 * order; only a pair sharing a bin can change, from 0 or 1 to the tie value 1/2. Hence
 *   |error| ≤ Σ_b pos(b) · neg(b) / (2 · P · N).
 * 0 for an exact curve.
 */
export function aucBinningBound(curve: ScoreCurve): number {
  if (curve.exact) return 0;
  const { pos, neg } = curve;
  let shared = 0;
  let totalPos = 0;
  let totalNeg = 0;
  for (let i = 0; i < pos.length; i++) {
    const p = pos[i] ?? 0;
    const n = neg[i] ?? 0;
    shared += p * n;
    totalPos += p;
    totalNeg += n;
  }
  return totalPos > 0 && totalNeg > 0 ? shared / totalPos / totalNeg / 2 : 0;
}
