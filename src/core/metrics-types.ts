/**
 * The computed metrics of one evaluation, as data. stats/ produces it, policy/ evaluates rules over it, report/
 * renders it. Every number comes with the size it rests on and, where one exists, a confidence interval.
 */

/** How an interval was computed; reports name the method next to the numbers. */
export type IntervalMethod = 'wilson' | 'newcombe' | 'katz-log' | 'delong' | 'bootstrap' | 'normal';

export interface Interval {
  readonly low: number;
  readonly high: number;
  /** Confidence level, e.g. 0.95. */
  readonly level: number;
  readonly method: IntervalMethod;
}

export interface MetricValue {
  /** The point estimate; null when the metric is undefined for this slice (e.g. ROC AUC with one class present). */
  readonly value: number | null;
  /** The count the metric is a rate of (e.g. actual positives for recall), or the rows it was computed on. */
  readonly n: number;
  readonly interval?: Interval;
  /**
   * False when the value is an approximation (e.g. ROC AUC over binned scores because a slice had more distinct
   * scores than the exact cap); absent means exact.
   */
  readonly exact?: boolean;
  /** When not exact: a guaranteed bound on |value − exact value|, when one is known. */
  readonly errorBound?: number;
}

export type Task = 'binary' | 'regression';

/** The metrics of one slice of rows: the overall population or one group. */
export interface SliceMetrics {
  /** `overall`, or `race=black` / `race=black&sex=female` for intersections (columns in policy order). */
  readonly key: string;
  /** The sensitive columns this slice is defined by; empty for overall. */
  readonly grouping: readonly string[];
  /** Column → value for this slice; empty for overall. */
  readonly group: Readonly<Record<string, string>>;
  /** Rows in the slice (unweighted). */
  readonly rows: number;
  /** Sum of weights, equal to rows when no weight column is mapped. */
  readonly weight: number;
  /** Metric name → value. Names are those of stats/ (`accuracy`, `selection_rate`, `roc_auc`, …). */
  readonly metrics: Readonly<Record<string, MetricValue>>;
}

export type Aggregation = 'between_groups' | 'to_overall';

/** A disparity between the groups of one grouping, e.g. demographic_parity_ratio over race. */
export interface DisparityValue {
  /** `demographic_parity_ratio`, `equalized_odds_difference`, … */
  readonly metric: string;
  /** The slice metrics it compares across groups (`selection_rate`; TPR and FPR for equalized odds). */
  readonly of: readonly string[];
  readonly grouping: readonly string[];
  readonly aggregation: Aggregation;
  readonly value: number | null;
  readonly interval?: Interval;
  /** The value meaning "no disparity": 0 for differences, 1 for ratios. */
  readonly ideal: number;
  /** Group keys at the extremes the value is computed from (for to_overall: the worst group). */
  readonly extremes: readonly string[];
  /** Group keys left out because they are smaller than min_group_size. */
  readonly excluded: readonly string[];
  /** Human-readable formula, e.g. `min_g selection_rate(g) / max_g selection_rate(g)`. */
  readonly formula: string;
}

export interface MetricsSection {
  readonly task: Task;
  readonly overall: SliceMetrics;
  /** Every group of every grouping (each sensitive column alone, then intersections), in a stable order. */
  readonly groups: readonly SliceMetrics[];
  readonly disparities: readonly DisparityValue[];
}

/** Per-column counts of values that were missing (empty, null, NaN) in the evaluation data. */
export interface ColumnHealth {
  readonly column: string;
  readonly role: string;
  readonly missing: number;
  readonly rows: number;
}
