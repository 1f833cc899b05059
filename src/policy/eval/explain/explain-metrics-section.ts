import type { ExplainSection, MetricValue, MetricsSection, SliceMetrics } from '../../../core/index.ts';

type Values = Map<string, Record<string, MetricValue>>;

/**
 * The evaluation's metrics with the `explain.*` metrics added to the overall slice and to the groups of single
 * sensitive columns, so metric rules (bounds, scope, fail_on interval) and CEL expressions read them like any other
 * metric. A metric whose input the check did not have is simply absent (the rule says what was missing).
 * Overall explain.flip_rate is the highest overall flip rate over the sensitive columns tested, with its interval.
 */
export function withExplainMetrics(section: MetricsSection, explain: ExplainSection | undefined): MetricsSection {
  if (explain === undefined) return section;
  const values: Values = new Map();
  const put = (key: string, metric: string, value: MetricValue): void => {
    const slot = values.get(key) ?? {};
    slot[metric] = value;
    values.set(key, slot);
  };
  const attributions = explain.attributions;
  if (attributions !== undefined) {
    for (const slice of [attributions.overall, ...attributions.groups]) {
      put(slice.key, 'explain.protected_share', { value: slice.usable > 0 ? slice.protectedShare : null, n: slice.usable });
      put(slice.key, 'explain.proxy_share', { value: slice.usable > 0 ? slice.proxyShare : null, n: slice.usable });
      put(slice.key, 'explain.coverage', { value: slice.rows > 0 ? slice.coverage : null, n: slice.rows });
    }
    const defined = attributions.disparities.flatMap((d) => (d.value === null ? [] : [d.value]));
    put('overall', 'explain.attribution_disparity', { value: defined.length === 0 ? null : Math.max(...defined), n: attributions.overall.usable });
  }
  const stability = explain.stability;
  if (stability !== undefined) {
    const n = explain.features.length + stability.onlyBaseline.length;
    put('overall', 'explain.top_k_overlap', { value: stability.topKOverlap, n });
    put('overall', 'explain.spearman', { value: stability.spearman, n });
    put('overall', 'explain.kendall_tau', { value: stability.kendallTauB, n });
  }
  const tests = explain.flips?.tests ?? [];
  const worst = tests.reduce<(typeof tests)[number] | undefined>((max, test) => (max === undefined || test.overall.rate > max.overall.rate ? test : max), undefined);
  if (worst !== undefined) put('overall', 'explain.flip_rate', flipValue(worst.overall));
  for (const test of tests) {
    for (const group of test.groups) put(`${test.sensitive}=${group.value}`, 'explain.flip_rate', flipValue(group));
  }
  const extend = (slice: SliceMetrics): SliceMetrics => {
    const extra = values.get(slice.key);
    return extra === undefined || slice.grouping.length > 1 ? slice : { ...slice, metrics: { ...slice.metrics, ...extra } };
  };
  return { ...section, overall: extend(section.overall), groups: section.groups.map(extend) };
}

function flipValue(rate: { rows: number; rate: number; interval?: MetricValue['interval'] }): MetricValue {
  return { value: rate.rows > 0 ? rate.rate : null, n: rate.rows, ...(rate.interval === undefined ? {} : { interval: rate.interval }) };
}
