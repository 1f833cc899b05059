import type { MetricsSection, SliceMetrics, Task } from '../core/index.ts';

/** A column of the compact per-group table: a metric shown as a percentage (a rate) or as a plain number. */
export interface KeyMetric {
  readonly name: string;
  readonly label: string;
  readonly percent: boolean;
}

/**
 * The handful of metrics a reviewer reads first for each task. Binary: who is selected, who of the positives is
 * found, who of the negatives is wrongly flagged, overall correctness and ranking quality.
 */
const keyMetricsByTask: Readonly<Record<Task, readonly KeyMetric[]>> = {
  binary: [
    { name: 'selection_rate', label: 'selection', percent: true },
    { name: 'true_positive_rate', label: 'TPR', percent: true },
    { name: 'false_positive_rate', label: 'FPR', percent: true },
    { name: 'accuracy', label: 'accuracy', percent: true },
    { name: 'roc_auc', label: 'AUC', percent: false },
  ],
  regression: [
    { name: 'mean_absolute_error', label: 'MAE', percent: false },
    { name: 'root_mean_squared_error', label: 'RMSE', percent: false },
    { name: 'r2', label: 'R²', percent: false },
  ],
};

/** The group metrics of a data check (training data alone: no predictions). */
const datasetKeyMetrics: readonly KeyMetric[] = [
  { name: 'representation', label: 'share', percent: true },
  { name: 'base_rate', label: 'base rate', percent: true },
  { name: 'missing_share', label: 'missing', percent: true },
];

/** The key metrics of the task (or of a data check) that at least one slice of the section has. */
export function keyMetrics(section: MetricsSection): KeyMetric[] {
  const slices = [section.overall, ...section.groups];
  const present = (metric: KeyMetric): boolean => slices.some((slice) => metric.name in slice.metrics);
  const model = keyMetricsByTask[section.task].filter(present);
  return model.length > 0 ? model : datasetKeyMetrics.filter(present);
}

/** One table's worth of slices: the groups of one grouping, in the verdict's order. */
export interface GroupingTable {
  /** `race`, or `race&sex` for an intersection. */
  readonly grouping: string;
  readonly columns: readonly string[];
  readonly slices: readonly SliceMetrics[];
}

/**
 * Groups split by grouping, in order of first appearance; single-column groupings only unless asked otherwise.
 * Without sensitive columns there is one table with no groups (grouping ``), so the overall row is still shown.
 */
export function groupingTables(section: MetricsSection, includeIntersections: boolean): GroupingTable[] {
  const tables = new Map<string, { columns: readonly string[]; slices: SliceMetrics[] }>();
  for (const slice of section.groups) {
    if (!includeIntersections && slice.grouping.length !== 1) continue;
    const name = slice.grouping.join('&');
    const table = tables.get(name) ?? { columns: slice.grouping, slices: [] };
    table.slices.push(slice);
    tables.set(name, table);
  }
  if (tables.size === 0) return [{ grouping: '', columns: [], slices: [] }];
  return [...tables].map(([grouping, table]) => ({ grouping, columns: table.columns, slices: table.slices }));
}
