import type { DisparityValue, Interval, MetricValue, MetricsSection, SliceMetrics } from '../core/index.ts';
import { disparityMetric } from '../stats/registry.ts';
import type { FixtureValue } from './schema-policy-test.ts';

/** A slice in the compact form; members other than key, rows and weight are metrics. */
export interface FixtureSlice {
  readonly key?: string | undefined;
  readonly rows?: number | undefined;
  readonly weight?: number | undefined;
  readonly [metric: string]: FixtureValue | string | undefined;
}

export interface FixtureDisparity {
  readonly metric: string;
  readonly grouping: string;
  readonly aggregation?: 'between_groups' | 'to_overall' | undefined;
  readonly value: number | null;
  readonly interval?: readonly [number, number] | undefined;
  readonly extremes?: readonly string[] | undefined;
  readonly excluded?: readonly string[] | undefined;
}

/** The compact metrics of a policy test case (the zod-validated form is assignable to it). */
export interface FixtureMetrics {
  readonly task?: 'binary' | 'regression' | undefined;
  readonly overall?: FixtureSlice | undefined;
  readonly groups?: readonly (FixtureSlice & { readonly key: string; readonly rows: number })[] | undefined;
  readonly disparities?: readonly FixtureDisparity[] | undefined;
}

/** Reserved members of a fixture slice; every other member is a metric. */
const reserved = new Set(['key', 'rows', 'weight']);

/**
 * Builds a MetricsSection from the compact form of policy tests (docs/policy.md, "Policy tests"):
 * - a metric is `0.8`, `null` (undefined), or `{value, n, interval: [low, high]}`; n defaults to the slice's rows and
 *   intervals get level 0.95, method `normal`;
 * - a group is `{key: race=black, rows: 120, <metric>: …}`; grouping and group values are read from the key;
 * - overall `rows` defaults to the total rows of the groups of the first grouping (0 without groups);
 * - a disparity is `{metric, grouping: race | race&sex, aggregation?, value, interval?, extremes?, excluded?}`;
 *   ideal and formula come from the registry.
 */
export function sectionFromFixture(fixture: FixtureMetrics): MetricsSection {
  const groups = (fixture.groups ?? []).map((group) => slice(group, group.key, group.rows));
  const first = groups[0]?.grouping.join('&');
  const defaultRows = groups.filter((group) => group.grouping.join('&') === first).reduce((sum, group) => sum + group.rows, 0);
  const overallDoc = fixture.overall ?? {};
  return {
    task: fixture.task ?? 'binary',
    overall: slice(overallDoc, 'overall', typeof overallDoc.rows === 'number' ? overallDoc.rows : defaultRows),
    groups,
    disparities: (fixture.disparities ?? []).map((d): DisparityValue => {
      const info = disparityMetric(d.metric);
      return {
        metric: d.metric,
        of: info?.of ?? [],
        grouping: d.grouping.split('&'),
        aggregation: d.aggregation ?? 'between_groups',
        value: d.value,
        ...(d.interval === undefined ? {} : { interval: interval(d.interval) }),
        ideal: info?.ideal ?? 0,
        extremes: d.extremes ?? [],
        excluded: d.excluded ?? [],
        formula: info?.description ?? d.metric,
      };
    }),
  };
}

function slice(doc: FixtureSlice, key: string, rows: number): SliceMetrics {
  const pairs = key === 'overall' ? [] : key.split('&').map((part) => part.split('=') as [string, string?]);
  const metrics: Record<string, MetricValue> = {};
  for (const [name, value] of Object.entries(doc)) {
    if (!reserved.has(name)) if (typeof value !== 'string' && value !== undefined) metrics[name] = metricValue(value, rows);
  }
  return {
    key,
    grouping: pairs.map(([column]) => column),
    group: Object.fromEntries(pairs.map(([column, value]) => [column, value ?? ''])),
    rows,
    weight: typeof doc.weight === 'number' ? doc.weight : rows,
    metrics,
  };
}

function metricValue(value: FixtureValue, rows: number): MetricValue {
  if (value === null || typeof value === 'number') return { value, n: rows };
  return {
    value: value.value,
    n: value.n ?? rows,
    ...(value.interval === undefined ? {} : { interval: interval(value.interval) }),
  };
}

function interval([low, high]: readonly [number, number]): Interval {
  return { low, high, level: 0.95, method: 'normal' };
}
