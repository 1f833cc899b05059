import type { DisparityValue, Finding, MetricsSection } from '../../core/index.ts';
import { disparityMetric } from '../../stats/registry.ts';
import type { DisparityRule, Grouping, PolicySettings } from '../types.ts';
import { beyond, boundPhrase, fmt, humanName, intervalText } from './bounds.ts';
import { ruleFields, statusOf } from './finding-base.ts';
import { groupsOf } from './metric-rule.ts';

/**
 * A bound on a disparity between the groups of a grouping: one finding per grouping. Groups below min_group_size are
 * left out by stats (listed in `excluded`); the rule still decides on the remaining groups, and is insufficient
 * evidence when fewer than two remain or the value is undefined.
 */
export function evaluateDisparityRule(rule: DisparityRule, section: MetricsSection, settings: PolicySettings): Finding[] {
  return rule.groupings.map((grouping) => groupingFinding(rule, grouping, section, settings));
}

function groupingFinding(rule: DisparityRule, grouping: Grouping, section: MetricsSection, settings: PolicySettings): Finding {
  const key = grouping.join('&');
  const disparity = section.disparities.find(
    (d) => d.metric === rule.metric && d.aggregation === rule.aggregation && d.grouping.join('&') === key,
  );
  const info = disparityMetric(rule.metric);
  const slices = groupsOf(section, [grouping]);
  const excluded = disparity?.excluded ?? [];
  const remaining = slices.filter((slice) => !excluded.includes(slice.key));
  const evidence = {
    group_sizes: Object.fromEntries(slices.map((slice) => [slice.key, slice.rows])),
    group_values: Object.fromEntries(
      slices.map((slice) => [slice.key, Object.fromEntries((info?.of ?? []).map((m) => [m, slice.metrics[m]?.value ?? null]))]),
    ),
    extremes: disparity?.extremes ?? [],
    excluded,
    min_group_size: settings.minGroupSize,
    ideal: disparity?.ideal ?? info?.ideal ?? null,
  };
  const common = {
    ...ruleFields(rule),
    metric: rule.metric,
    grouping,
    aggregation: rule.aggregation,
    bound: rule.bound,
    formula: disparity?.formula ?? info?.description ?? rule.metric,
    n: remaining.reduce((sum, slice) => sum + slice.rows, 0),
    ...(disparity?.interval === undefined ? {} : { interval: disparity.interval }),
  };
  const excludedNote = excluded.length === 0 ? '' : `; ${excluded.join(', ')} left out as smaller than ${settings.minGroupSize} rows`;
  // Stats decides which groups count; the section's groups are a safety net when it lists them.
  const tooFew = slices.length > 0 && remaining.length < 2;
  if (disparity === undefined || disparity.value === null || tooFew) {
    const why = disparity === undefined ? 'it was not computed' : tooFew ? `fewer than two groups have at least ${settings.minGroupSize} rows` : 'it is undefined for these groups';
    return { ...common, value: disparity?.value ?? null, status: 'insufficient_evidence', evidence, message: `${humanName(rule.metric)} over ${key} cannot be decided: ${why}${excludedNote}` };
  }
  const side = beyond(disparity.value, disparity.interval, rule.bound, settings.failOn);
  const rangeName = rule.metric === 'disparate_impact' && rule.bound.min === 0.8 && rule.bound.max === 1.25 ? 'four-fifths band' : 'allowed range';
  return {
    ...common,
    value: disparity.value,
    status: statusOf(side !== undefined, rule.severity),
    evidence,
    message: `${statement(disparity, info?.form, info?.of ?? [], key)}${intervalText(disparity.interval)}, ${boundPhrase(rule.bound, side, rangeName)}${excludedNote}`,
  };
}

/** `selection rate of race=black is 0.61× that of race=white`, from the disparity's form and extremes. */
function statement(d: DisparityValue, form: 'difference' | 'ratio' | undefined, of: readonly string[], key: string): string {
  const what = of.length === 0 ? humanName(d.metric) : of.map(humanName).join(' or ');
  const value = d.value ?? Number.NaN;
  const [first, second] = d.extremes;
  if (form === 'ratio' && first !== undefined) {
    return second === undefined ? `${what} of ${first} is ${fmt(value)}× the overall rate` : `${what} of ${first} is ${fmt(value)}× that of ${second}`;
  }
  if (form === 'difference' && first !== undefined) {
    return second === undefined ? `${what} of ${first} differs from overall by ${fmt(value)}` : `${what} differs by ${fmt(value)} between ${first} and ${second}`;
  }
  return `${humanName(d.metric)} over ${key} is ${fmt(value)}`;
}
