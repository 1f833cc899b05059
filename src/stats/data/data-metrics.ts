import type { DisparityValue, MetricValue, MetricsSection, SliceMetrics } from '../../core/index.ts';
import { groupingsOf, groupsOf } from '../groupings.ts';
import { criticalValue } from '../normal.ts';
import { wilsonInterval } from '../wilson.ts';
import { CELL_LABELLED, CELL_MISSING, CELL_POSITIVES, CELL_ROWS } from './cell-layout.ts';
import type { DataProfile } from './data-profile.ts';

export interface DataMetricsOptions {
  readonly confidence: number;
  readonly minGroupSize: number;
  readonly intersections: boolean;
}

/** Missing values of one column in each group of one grouping (the missingness rule's evidence). */
export interface GroupMissing {
  readonly grouping: readonly string[];
  readonly column: string;
  readonly groups: readonly { readonly key: string; readonly rows: number; readonly missing: number }[];
}

/**
 * The slice metrics of a training set, per sensitive group (each column alone, then intersections, as for model
 * checks), with Wilson intervals:
 * - `count` = rows of the group;
 * - `representation` = rows(g) / rows(all) — the group's share of the data (overall: 1);
 * - `base_rate` = positives(g) / labelled(g) — the label's positive rate; null when no row of g has a label;
 * - `missing_label` = rows(g) − labelled(g);
 * - `missing_share` = missing cells(g) / (rows(g) · columns) over every column; null for an empty group.
 * Disparities between groups of at least min_group_size rows (smaller ones listed in `excluded`):
 * - `base_rate_difference` = max_g base_rate − min_g base_rate; no disparity = 0;
 * - `base_rate_ratio` = min_g base_rate / max_g base_rate; no disparity = 1; null when every rate is 0 (a label
 *   with one class) or fewer than two groups qualify.
 */
export function dataMetrics(profile: DataProfile, options: DataMetricsOptions): { metrics: MetricsSection; missing: GroupMissing[] } {
  const z = criticalValue(options.confidence);
  const stride = profile.stride;
  const columns = profile.spec.columns.length;
  const cells = Array.from({ length: profile.cells.size }, (_, cell) => ({
    values: profile.cells.values(cell),
    stats: profile.cellStats.subarray(cell * stride, (cell + 1) * stride),
  }));
  const total = profile.rows;
  const sum = (members: readonly number[], offset: number): number => members.reduce((acc, cell) => acc + (cells[cell]?.stats[offset] ?? 0), 0);
  const slice = (key: string, grouping: readonly string[], group: Record<string, string>, members: readonly number[]): SliceMetrics => {
    const rows = sum(members, CELL_ROWS);
    const labelled = sum(members, CELL_LABELLED);
    const positives = sum(members, CELL_POSITIVES);
    let missingCells = 0;
    for (let c = 0; c < columns; c++) missingCells += sum(members, CELL_MISSING + c);
    const rate = (numerator: number, n: number): MetricValue => {
      if (n === 0) return { value: null, n };
      const interval = wilsonInterval(numerator / n, n, z, options.confidence);
      return interval === undefined ? { value: numerator / n, n } : { value: numerator / n, n, interval };
    };
    const metrics: Record<string, MetricValue> = {
      count: { value: rows, n: rows },
      representation: rate(rows, total),
      missing_share: rows === 0 || columns === 0 ? { value: null, n: 0 } : { value: missingCells / (rows * columns), n: rows * columns },
    };
    if (profile.spec.label !== undefined) {
      metrics['base_rate'] = rate(positives, labelled);
      metrics['missing_label'] = { value: rows - labelled, n: rows };
    }
    return { key, grouping, group, rows, weight: rows, metrics };
  };
  const all = cells.map((_, cell) => cell);
  const overall = slice('overall', [], {}, all);
  const groups: SliceMetrics[] = [];
  const disparities: DisparityValue[] = [];
  const missing: GroupMissing[] = [];
  const names = profile.spec.sensitive;
  for (const positions of groupingsOf(names.length, options.intersections)) {
    const grouping = positions.map((p) => names[p] as string);
    const members = groupsOf(cells, names, positions);
    const slices = members.map((g) => slice(g.key, grouping, { ...g.group }, g.cells));
    groups.push(...slices);
    if (profile.spec.label !== undefined) disparities.push(...baseRateDisparities(slices, grouping, options.minGroupSize));
    profile.spec.columns.forEach((column, c) => {
      if (grouping.includes(column.name)) return;
      missing.push({ grouping, column: column.name, groups: members.map((g, i) => ({ key: g.key, rows: slices[i]?.rows ?? 0, missing: sum(g.cells, CELL_MISSING + c) })) });
    });
  }
  return { metrics: { task: 'binary', overall, groups, disparities }, missing };
}

function baseRateDisparities(slices: readonly SliceMetrics[], grouping: readonly string[], minGroupSize: number): DisparityValue[] {
  const excluded = slices.filter((s) => s.rows < minGroupSize).map((s) => s.key);
  const rated = slices.filter((s) => s.rows >= minGroupSize && s.metrics['base_rate']?.value != null);
  const rateOf = (s: SliceMetrics): number => s.metrics['base_rate']?.value ?? 0;
  let low: SliceMetrics | undefined;
  let high: SliceMetrics | undefined;
  for (const s of rated) {
    if (low === undefined || rateOf(s) < rateOf(low)) low = s;
    if (high === undefined || rateOf(s) > rateOf(high)) high = s;
  }
  const enough = rated.length >= 2 && low !== undefined && high !== undefined;
  const extremes = enough ? [high?.key ?? '', low?.key ?? ''] : [];
  const common = { of: ['base_rate'], grouping, aggregation: 'between_groups' as const, extremes, excluded };
  const lowRate = low === undefined ? 0 : rateOf(low);
  const highRate = high === undefined ? 0 : rateOf(high);
  return [
    { ...common, metric: 'base_rate_difference', value: enough ? highRate - lowRate : null, ideal: 0, formula: 'max_g base_rate(g) − min_g base_rate(g)' },
    { ...common, metric: 'base_rate_ratio', value: enough && highRate > 0 ? lowRate / highRate : null, ideal: 1, formula: 'min_g base_rate(g) / max_g base_rate(g)' },
  ];
}
