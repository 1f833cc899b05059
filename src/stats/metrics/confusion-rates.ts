/**
 * Rates of a (weighted) confusion matrix, shared by the slice metrics and the disparities (and their bootstrap
 * replicates), so a disparity's point estimate is computed from exactly the numbers its slice metrics show.
 *
 * Zero-denominator rule, as scikit-learn with zero_division=0: a rate whose own denominator is 0 is 0 (recall with
 * no actual positives, precision with no predicted positives). A slice with no usable rows (total weight 0) has no
 * rates at all: every rate is null (undefined), because scikit-learn has no value for an empty input either.
 */
export type ConfusionRate =
  | 'base_rate'
  | 'selection_rate'
  | 'accuracy'
  | 'precision'
  | 'true_positive_rate'
  | 'true_negative_rate'
  | 'false_positive_rate'
  | 'false_negative_rate'
  | 'f1';

const ratio = (numerator: number, denominator: number): number => (denominator > 0 ? numerator / denominator : 0);

/** The rate `name` of the confusion matrix (tn, fp, fn, tp), weighted or not. */
export function confusionRate(name: ConfusionRate, tn: number, fp: number, fn: number, tp: number): number | null {
  const total = tn + fp + fn + tp;
  if (!(total > 0)) return null;
  switch (name) {
    case 'base_rate': // (FN + TP) / N
      return (fn + tp) / total;
    case 'selection_rate': // (FP + TP) / N
      return (fp + tp) / total;
    case 'accuracy': // (TP + TN) / N
      return (tp + tn) / total;
    case 'precision': // TP / (TP + FP)
      return ratio(tp, tp + fp);
    case 'true_positive_rate': // TP / (TP + FN)
      return ratio(tp, tp + fn);
    case 'true_negative_rate': // TN / (TN + FP)
      return ratio(tn, tn + fp);
    case 'false_positive_rate': // FP / (FP + TN)
      return ratio(fp, fp + tn);
    case 'false_negative_rate': // FN / (FN + TP)
      return ratio(fn, fn + tp);
    case 'f1': // 2·TP / (2·TP + FP + FN)
      return ratio(2 * tp, 2 * tp + fp + fn);
  }
}

/** The unweighted count each rate is a proportion of (the n of its Wilson interval). */
export function rateDenominator(name: ConfusionRate, tn: number, fp: number, fn: number, tp: number): number {
  switch (name) {
    case 'precision':
      return tp + fp;
    case 'true_positive_rate':
    case 'false_negative_rate':
      return tp + fn;
    case 'true_negative_rate':
    case 'false_positive_rate':
      return tn + fp;
    case 'f1':
      return tp + fp + fn;
    default:
      return tn + fp + fn + tp;
  }
}

/**
 * Balanced accuracy as scikit-learn's balanced_accuracy_score: the mean recall over the classes present in y_true
 * (a class with zero weight is left out, with scikit-learn's warning), i.e. (TPR + TNR) / 2 when both are present.
 * Null when neither class is present.
 */
export function balancedAccuracy(tn: number, fp: number, fn: number, tp: number): number | null {
  const recalls: number[] = [];
  if (tn + fp > 0) recalls.push(tn / (tn + fp));
  if (tp + fn > 0) recalls.push(tp / (tp + fn));
  if (recalls.length === 0) return null;
  return recalls.reduce((sum, value) => sum + value, 0) / recalls.length;
}
