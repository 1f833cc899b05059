import type { Finding, MetricsSection, SliceMetrics } from '../../core/index.ts';
import { sliceMetric } from '../../stats/registry.ts';
import type { MetricRule, PolicySettings } from '../types.ts';
import { beyond, boundPhrase, fmt, humanName, intervalText } from './bounds.ts';
import { ruleFields, statusOf } from './finding-base.ts';

/** Slices of `section` that belong to one of `groupings`, in the section's order. */
export function groupsOf(section: MetricsSection, groupings: readonly (readonly string[])[]): SliceMetrics[] {
  const wanted = new Set(groupings.map((grouping) => grouping.join('&')));
  return section.groups.filter((slice) => wanted.has(slice.grouping.join('&')));
}

/**
 * A bound on a slice metric: one finding for the overall slice, or one per group (scope every_group). A group below
 * min_group_size, or a metric undefined for the slice, is insufficient evidence — never silently skipped.
 */
export function evaluateMetricRule(rule: MetricRule, section: MetricsSection, settings: PolicySettings): Finding[] {
  const slices = rule.scope === 'overall' ? [section.overall] : groupsOf(section, rule.groupings);
  return slices.map((slice) => sliceFinding(rule, slice, slice !== section.overall, settings));
}

function sliceFinding(rule: MetricRule, slice: SliceMetrics, isGroup: boolean, settings: PolicySettings): Finding {
  const metric = slice.metrics[rule.metric];
  const subject = isGroup ? `${humanName(rule.metric)} of ${slice.key}` : humanName(rule.metric);
  const common = {
    ...ruleFields(rule),
    metric: rule.metric,
    ...(isGroup ? { group: slice.key, grouping: slice.grouping } : {}),
    bound: rule.bound,
    formula: sliceMetric(rule.metric)?.description ?? rule.metric,
    n: metric?.n ?? slice.rows,
    ...(metric?.interval === undefined ? {} : { interval: metric.interval }),
  };
  const evidence = { rows: slice.rows, weight: slice.weight };
  if (metric === undefined || metric.value === null) {
    return { ...common, value: null, status: 'insufficient_evidence', evidence, message: `${subject} is undefined for this data (${metric === undefined ? 'not computed' : 'its denominator is empty'}), so the rule cannot be decided` };
  }
  if (isGroup && slice.rows < settings.minGroupSize) {
    return {
      ...common,
      value: metric.value,
      status: 'insufficient_evidence',
      evidence: { ...evidence, min_group_size: settings.minGroupSize },
      message: `${subject} rests on ${slice.rows} rows, fewer than min_group_size ${settings.minGroupSize}, so the rule cannot be decided`,
    };
  }
  const side = beyond(metric.value, metric.interval, rule.bound, settings.failOn);
  return {
    ...common,
    value: metric.value,
    status: statusOf(side !== undefined, rule.severity),
    evidence: { ...evidence, fail_on: settings.failOn },
    message: `${subject} is ${fmt(metric.value)}${intervalText(metric.interval)}, ${boundPhrase(rule.bound, side)}`,
  };
}
