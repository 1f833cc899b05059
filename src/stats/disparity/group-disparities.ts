import type { DisparityValue } from '../../core/index.ts';
import { B_COUNT } from '../cells/binary-layout.ts';
import type { MetricsOptions } from '../compute-metrics.ts';
import type { GroupCells } from '../groupings.ts';
import { deriveSeed } from '../random.ts';
import { bootstrapDisparities, type BootstrapTask } from './bootstrap.ts';
import { disparityDefinitions, formulaOf } from './definitions.ts';
import { evaluateDisparity, type Reference } from './evaluate.ts';
import { summaryOf } from './summary.ts';

const AGGREGATIONS = ['between_groups', 'to_overall'] as const;

/**
 * Every disparity of one grouping. A group takes part when it has at least minGroupSize usable rows and every
 * component metric is defined for it (e.g. calibration needs scored rows); the others are listed in `excluded`.
 * Fewer than 2 taking part → value null. Intervals: bootstrap.ts, seeded per grouping by deriveSeed(seed, grouping).
 */
export function groupDisparities(input: {
  readonly grouping: readonly string[];
  readonly groups: readonly GroupCells[];
  readonly stats: readonly Float64Array[];
  readonly options: MetricsOptions;
}): DisparityValue[] {
  const { grouping, groups, stats, options } = input;
  const summaries = stats.map((groupStats) => summaryOf(groupStats));
  const overall = new Float64Array(summaries[0]?.length ?? 6);
  for (const summary of summaries) summary.forEach((value, i) => (overall[i] = (overall[i] ?? 0) + value));
  const large = stats.map((groupStats) => {
    let usable = 0;
    for (let k = 0; k < 4; k++) usable += groupStats[B_COUNT + k] ?? 0;
    return usable >= options.minGroupSize;
  });
  const referenceKey = referenceGroupKey(grouping, options.referenceGroups);
  const tasks: BootstrapTask[] = [];
  const points: Omit<DisparityValue, 'interval'>[] = [];
  for (const definition of disparityDefinitions) {
    const takingPart = groups
      .map((_, g) => g)
      .filter((g) => large[g] === true && definition.components.every((component) => component(summaries[g] as Float64Array) !== null));
    const excluded = groups.filter((_, g) => !takingPart.includes(g)).map((group) => group.key);
    const reference = referenceOf(referenceKey, groups, takingPart);
    for (const aggregation of AGGREGATIONS) {
      const point = evaluateDisparity(definition, aggregation, takingPart.map((g) => summaries[g] as Float64Array), overall, reference);
      points.push({
        metric: definition.info.name,
        of: definition.info.of,
        grouping,
        aggregation,
        value: point.value,
        ideal: definition.info.ideal,
        extremes: point.extremes.map((position) => groups[takingPart[position] ?? -1]?.key ?? ''),
        excluded,
        formula: formulaOf(definition, aggregation),
      });
      tasks.push({ definition, aggregation, reference, takingPart });
    }
  }
  const intervals = bootstrapDisparities({
    groups: stats,
    tasks,
    replicates: options.bootstrapSamples,
    level: options.confidence,
    seed: deriveSeed(options.seed, grouping.join('&')),
    calibration: disparityDefinitions.some((definition) => definition.info.of.includes('calibration_in_the_large')) && (overall[5] ?? 0) > 0,
  });
  return points.map((point, t) => {
    const interval = intervals[t];
    return interval === undefined || point.value === null ? point : { ...point, interval };
  });
}

/** The reference group's key for disparate_impact, when every column of the grouping has a reference value. */
function referenceGroupKey(grouping: readonly string[], references: Readonly<Record<string, string>> | undefined): string | undefined {
  if (references === undefined) return undefined;
  const parts: string[] = [];
  for (const column of grouping) {
    const value = references[column];
    if (value === undefined) return undefined;
    parts.push(`${column}=${value}`);
  }
  return parts.join('&');
}

/**
 * A configured reference that takes part → fixed; configured but absent or too small → absent (value null, the
 * policy sees insufficient evidence); not configured → the highest selection rate, re-chosen in every replicate.
 */
function referenceOf(key: string | undefined, groups: readonly GroupCells[], takingPart: readonly number[]): Reference {
  if (key === undefined) return { kind: 'highest' };
  const position = takingPart.findIndex((g) => groups[g]?.key === key);
  return position < 0 ? { kind: 'absent' } : { kind: 'fixed', position };
}
