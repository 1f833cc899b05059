import { averageRanks } from '../../stats/explain/index.ts';

/** The metrics permutation importance can measure the drop of. */
export type PermutationMetric = 'accuracy' | 'roc_auc';

/**
 * accuracy = #{decision = y} / n, decision = prediction ≥ threshold (or the prediction itself without a threshold);
 * 0 when n = 0.
 * roc_auc = (Σ ranks of positives − P(P + 1)/2) / (P · N), the Mann–Whitney form with average ranks for tied
 * scores (ties count ½, as scikit-learn's roc_auc_score); null when P = 0 or N = 0.
 */
export function modelMetric(metric: PermutationMetric, predictions: ArrayLike<number>, yTrue: ArrayLike<number>, threshold: number | undefined): number | null {
  const n = yTrue.length;
  if (metric === 'accuracy') {
    let correct = 0;
    for (let i = 0; i < n; i++) {
      const p = predictions[i] as number;
      const decision = threshold === undefined ? p : p >= threshold ? 1 : 0;
      if (decision === yTrue[i]) correct++;
    }
    return n === 0 ? 0 : correct / n;
  }
  const ranks = averageRanks(Array.from({ length: n }, (_, i) => predictions[i] as number));
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < n; i++) {
    if (yTrue[i] === 1) {
      positives++;
      rankSum += ranks[i] as number;
    }
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return null;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
