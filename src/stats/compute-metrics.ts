import type { MetricsSection, SliceMetrics } from '../core/index.ts';
import { addBinaryStats, B_LENGTH, B_ROWS, B_WEIGHT } from './cells/binary-layout.ts';
import { addRegressionStats, R_LENGTH, R_ROWS, R_WEIGHT } from './cells/regression-layout.ts';
import { groupDisparities } from './disparity/group-disparities.ts';
import { groupingsOf, groupsOf } from './groupings.ts';
import { binarySliceMetrics, type IntervalSettings } from './metrics/binary-slice.ts';
import { regressionSliceMetrics } from './metrics/regression-slice.ts';
import { criticalValue } from './normal.ts';
import type { EvaluationProfile, ProfileCell } from './profile.ts';
import { ScoreDistribution, type ScoreCurve } from './rank/score-distribution.ts';
import { validateOptions } from './options.ts';

export interface MetricsOptions {
  /** Confidence level of every interval, in (0, 1), e.g. 0.95. */
  readonly confidence: number;
  /** Groups with fewer usable rows (y_true, y_pred and weight present) are left out of disparities. */
  readonly minGroupSize: number;
  /** Seed of the bootstrap; same seed → identical intervals. */
  readonly seed: number;
  /** Bootstrap replicates per grouping; 0 disables disparity intervals. */
  readonly bootstrapSamples: number;
  /** Also report every intersection of 2..k sensitive columns. */
  readonly intersections: boolean;
  /** Column → reference value for disparate_impact; absent → the group with the highest selection rate. */
  readonly referenceGroups?: Readonly<Record<string, string>>;
}

/**
 * The metrics section of an evaluation: overall, every group of every grouping (order: groupings.ts), and for a
 * binary task every disparity of registry.ts for every grouping in both aggregations (order: grouping, then
 * registry order, then between_groups before to_overall). A pure function of the profile and the options.
 */
export function computeMetrics(profile: EvaluationProfile, options: MetricsOptions): MetricsSection {
  validateOptions(profile, options);
  const ci: IntervalSettings = { z: criticalValue(options.confidence), level: options.confidence };
  const cells = profile.cells();
  const binary = profile.task === 'binary';
  const slice = (key: string, grouping: readonly string[], group: Readonly<Record<string, string>>, members: readonly number[]): { metrics: SliceMetrics; stats: Float64Array } => {
    const stats = mergeStats(cells, members, binary);
    const curve = binary ? sliceCurve(cells, members) : undefined;
    return {
      stats,
      metrics: {
        key,
        grouping,
        group,
        rows: stats[binary ? B_ROWS : R_ROWS] ?? 0,
        weight: stats[binary ? B_WEIGHT : R_WEIGHT] ?? 0,
        metrics: binary ? binarySliceMetrics(stats, curve, ci) : regressionSliceMetrics(stats, ci),
      },
    };
  };
  const everything = cells.map((_, position) => position);
  const overall = slice('overall', [], {}, everything);
  const groups: SliceMetrics[] = [];
  const disparities: MetricsSection['disparities'][number][] = [];
  for (const columns of groupingsOf(profile.sensitive.length, options.intersections)) {
    const grouping = columns.map((column) => profile.sensitive[column] ?? '');
    const members = groupsOf(cells, profile.sensitive, columns);
    const slices = members.map((member) => slice(member.key, grouping, member.group, member.cells));
    groups.push(...slices.map((entry) => entry.metrics));
    if (binary) disparities.push(...groupDisparities({ grouping, groups: members, stats: slices.map((entry) => entry.stats), options }));
  }
  return { task: profile.task, overall: overall.metrics, groups, disparities };
}

function mergeStats(cells: readonly ProfileCell[], members: readonly number[], binary: boolean): Float64Array {
  const stats = new Float64Array(binary ? B_LENGTH : R_LENGTH);
  for (const position of members) {
    const cell = cells[position];
    if (cell === undefined) continue;
    if (binary) addBinaryStats(stats, cell.stats);
    else addRegressionStats(stats, cell.stats);
  }
  return stats;
}

/** The score curve of a slice: its one cell's, or that of its cells merged (freed at once: only the curve is kept). */
function sliceCurve(cells: readonly ProfileCell[], members: readonly number[]): ScoreCurve {
  const only = members.length === 1 ? cells[members[0] ?? 0]?.scores : undefined;
  if (only !== undefined) return only.curve();
  const merged = new ScoreDistribution();
  for (const position of members) {
    const scores = cells[position]?.scores;
    if (scores !== undefined) merged.merge(scores);
  }
  const curve = merged.curve();
  merged.dispose();
  return curve;
}
