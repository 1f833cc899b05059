import type { Bound, Finding, MetricsSection } from '../../../core/index.ts';
import type { Grouping, LabelBalanceRule, PolicySettings } from '../../types.ts';
import { beyond, boundPhrase, fmt } from '../bounds.ts';
import { statusOf } from '../finding-base.ts';
import { groupsOf } from '../metric-rule.ts';
import { dataRuleFields } from './common.ts';

/**
 * Label balance: the label's base rate per group and its disparity between groups of at least min_group_size rows
 * (stats/data/data-metrics.ts): base_rate_difference = max − min (no disparity 0) against max_difference,
 * base_rate_ratio = min / max (no disparity 1) against min_ratio. One finding per grouping and bound. Fewer than two
 * groups large enough, or a label with one class (every rate 0: the ratio is undefined), is insufficient evidence.
 */
export function evaluateLabelBalanceRule(rule: LabelBalanceRule, metrics: MetricsSection, settings: PolicySettings): Finding[] {
  const findings: Finding[] = [];
  for (const grouping of rule.groupings) {
    if (rule.maxDifference !== undefined) findings.push(finding(rule, grouping, 'base_rate_difference', { max: rule.maxDifference }, metrics, settings));
    if (rule.minRatio !== undefined) findings.push(finding(rule, grouping, 'base_rate_ratio', { min: rule.minRatio }, metrics, settings));
  }
  return findings;
}

function finding(rule: LabelBalanceRule, grouping: Grouping, metric: string, bound: Bound, metrics: MetricsSection, settings: PolicySettings): Finding {
  const key = grouping.join('&');
  const disparity = metrics.disparities.find((d) => d.metric === metric && d.grouping.join('&') === key);
  const slices = groupsOf(metrics, [grouping]);
  const evidence = {
    group_sizes: Object.fromEntries(slices.map((s) => [s.key, s.rows])),
    base_rates: Object.fromEntries(slices.map((s) => [s.key, s.metrics['base_rate']?.value ?? null])),
    extremes: disparity?.extremes ?? [],
    excluded: disparity?.excluded ?? [],
    min_group_size: settings.minGroupSize,
    ideal: metric.endsWith('_ratio') ? 1 : 0,
  };
  const common = { ...dataRuleFields(rule), metric, grouping, aggregation: 'between_groups' as const, bound, formula: disparity?.formula ?? metric, n: slices.reduce((sum, s) => sum + s.rows, 0), evidence };
  const what = metric === 'base_rate_ratio' ? 'ratio' : 'difference';
  if (disparity === undefined || disparity.value === null) {
    return { ...common, value: null, status: 'insufficient_evidence', message: `the label's base rate ${what} over ${key} cannot be decided: fewer than two groups have ${settings.minGroupSize} rows, or the label has one class` };
  }
  const side = beyond(disparity.value, undefined, bound, settings.failOn);
  const [high, low] = disparity.extremes;
  const between = high !== undefined && low !== undefined ? ` between ${high} and ${low}` : '';
  return {
    ...common,
    value: disparity.value,
    status: statusOf(side !== undefined, rule.severity),
    message: `the label's base rate ${what}${between} is ${fmt(disparity.value)}, ${boundPhrase(bound, side)}`,
  };
}
