import type { Task } from '../core/index.ts';

/**
 * The names of every metric Steward computes: the vocabulary policies are written in. Policy validation reads this
 * list (unknown metric → suggestion), reports read the descriptions. The formulas live in the doc comment of each
 * metric's implementation.
 */
export interface SliceMetricInfo {
  readonly name: string;
  readonly task: Task;
  readonly description: string;
  /** Higher is better (accuracy) or lower is better (log_loss); decides the direction of baseline comparisons. */
  readonly higherIsBetter: boolean;
}

export interface DisparityMetricInfo {
  readonly name: string;
  readonly description: string;
  /** The slice metric(s) the disparity compares across groups. */
  readonly of: readonly string[];
  readonly form: 'difference' | 'ratio';
  /** The value meaning "no disparity". */
  readonly ideal: number;
}

const binary = (name: string, description: string, higherIsBetter = true): SliceMetricInfo => ({
  name,
  task: 'binary',
  description,
  higherIsBetter,
});
const regression = (name: string, description: string, higherIsBetter = false): SliceMetricInfo => ({
  name,
  task: 'regression',
  description,
  higherIsBetter,
});

export const sliceMetrics: readonly SliceMetricInfo[] = [
  binary('count', 'usable rows in the slice (weighted when a weight column is mapped)'),
  binary('missing_y_true', 'rows of the slice whose y_true is missing (left out of every metric)', false),
  binary('missing_y_pred', 'rows of the slice whose y_pred is missing (left out of every metric)', false),
  binary('base_rate', 'share of actual positives: P(y_true = 1)'),
  binary('selection_rate', 'share of predicted positives: P(y_pred = 1)'),
  binary('accuracy', '(TP + TN) / N'),
  binary('balanced_accuracy', '(TPR + TNR) / 2'),
  binary('precision', 'TP / (TP + FP)'),
  binary('recall', 'TP / (TP + FN), the true positive rate'),
  binary('true_positive_rate', 'TP / (TP + FN)'),
  binary('true_negative_rate', 'TN / (TN + FP)'),
  binary('false_positive_rate', 'FP / (FP + TN)', false),
  binary('false_negative_rate', 'FN / (FN + TP)', false),
  binary('f1', '2·TP / (2·TP + FP + FN)'),
  binary('roc_auc', 'area under the ROC curve of the score'),
  binary('average_precision', 'Σ (R_n − R_{n−1}) P_n over score thresholds'),
  binary('log_loss', '−mean(y log p + (1 − y) log(1 − p)), p clipped to [ε, 1 − ε], ε = 2.220446049250313e-16 (scikit-learn ≥ 1.5)', false),
  binary('brier_score', 'mean((p − y)²)', false),
  binary('expected_calibration_error', 'Σ_b (n_b / N) |mean(y)_b − mean(p)_b| over 10 equal-width score bins', false),
  binary('calibration_in_the_large', 'mean(p) − mean(y)', false),
  regression('count', 'usable rows in the slice (weighted when a weight column is mapped)', true),
  regression('missing_y_true', 'rows of the slice whose y_true is missing (left out of every metric)'),
  regression('missing_y_pred', 'rows of the slice whose y_pred is missing (left out of every metric)'),
  regression('mean_absolute_error', 'mean(|y − ŷ|)'),
  regression('root_mean_squared_error', 'sqrt(mean((y − ŷ)²))'),
  regression('r2', '1 − SS_res / SS_tot', true),
  regression('mean_absolute_percentage_error', 'mean(|y − ŷ| / max(|y|, ε)), ε = 2.220446049250313e-16'),
];

const pair = (stem: string, of: readonly string[], what: string): DisparityMetricInfo[] => [
  { name: `${stem}_difference`, description: `largest gap in ${what} between groups`, of, form: 'difference', ideal: 0 },
  { name: `${stem}_ratio`, description: `smallest ratio of ${what} between groups`, of, form: 'ratio', ideal: 1 },
];

export const disparityMetrics: readonly DisparityMetricInfo[] = [
  ...pair('demographic_parity', ['selection_rate'], 'selection rate'),
  ...pair('equalized_odds', ['true_positive_rate', 'false_positive_rate'], 'TPR and FPR (the worse of the two)'),
  ...pair('equal_opportunity', ['true_positive_rate'], 'true positive rate'),
  ...pair('false_positive_rate', ['false_positive_rate'], 'false positive rate'),
  ...pair('false_negative_rate', ['false_negative_rate'], 'false negative rate'),
  ...pair('predictive_parity', ['precision'], 'precision'),
  ...pair('accuracy', ['accuracy'], 'accuracy'),
  {
    name: 'calibration_gap',
    description: 'largest gap between groups in calibration-in-the-large (mean score − base rate)',
    of: ['calibration_in_the_large'],
    form: 'difference',
    ideal: 0,
  },
  {
    name: 'disparate_impact',
    description: 'selection rate of each group over that of the reference group (four-fifths rule band [0.8, 1.25])',
    of: ['selection_rate'],
    form: 'ratio',
    ideal: 1,
  },
];

/**
 * The slice metric `name`, of `task` when given. `count`, `missing_y_true` and `missing_y_pred` exist for both tasks,
 * so without a task the binary entry is returned.
 */
export function sliceMetric(name: string, task?: Task): SliceMetricInfo | undefined {
  return sliceMetrics.find((metric) => metric.name === name && (task === undefined || metric.task === task));
}

export function disparityMetric(name: string): DisparityMetricInfo | undefined {
  return disparityMetrics.find((metric) => metric.name === name);
}

export function metricNames(): string[] {
  return [...new Set(sliceMetrics.map((metric) => metric.name)), ...disparityMetrics.map((metric) => metric.name)];
}
