import type { Bound, Finding, MetricsSection, SliceMetrics } from '../../core/index.ts';
import { sliceMetric } from '../../stats/registry.ts';
import type { BaselineRule, PolicySettings } from '../types.ts';
import { beyond, fmt, humanName, intervalText } from './bounds.ts';
import { ruleFields, statusOf } from './finding-base.ts';
import { groupsOf } from './metric-rule.ts';

/**
 * Current vs baseline on one metric. "Drop" follows the registry's direction: for higher-is-better metrics it is
 * baseline − current, for lower-is-better ones (log_loss) current − baseline. With `relative: true` max_drop is a
 * fraction of |baseline|. The rule is turned into a bound on the current value (min = baseline − allowed for
 * higher-is-better, max = baseline + allowed otherwise), so `fail_on: interval` uses the current value's interval
 * exactly as metric rules do; a baseline value of 0 with `relative` allows no drop at all (no division happens).
 */
export function evaluateBaselineRule(rule: BaselineRule, current: MetricsSection, baseline: MetricsSection, settings: PolicySettings): Finding[] {
  if (rule.scope === 'overall') return [compare(rule, current.overall, baseline.overall, false, settings)];
  return groupsOf(current, rule.groupings).map((slice) => {
    const before = baseline.groups.find((candidate) => candidate.key === slice.key);
    return compare(rule, slice, before, true, settings);
  });
}

function compare(rule: BaselineRule, now: SliceMetrics, before: SliceMetrics | undefined, isGroup: boolean, settings: PolicySettings): Finding {
  const higherIsBetter = sliceMetric(rule.metric)?.higherIsBetter ?? true;
  const metric = now.metrics[rule.metric];
  const base = before?.metrics[rule.metric];
  const subject = isGroup ? `${humanName(rule.metric)} of ${now.key}` : humanName(rule.metric);
  const allowed = rule.relative && base?.value != null ? rule.maxDrop * Math.abs(base.value) : rule.maxDrop;
  const limitText = rule.relative ? `${fmt(rule.maxDrop * 100)}%` : fmt(rule.maxDrop);
  const bound: Bound | undefined =
    base?.value == null ? undefined : higherIsBetter ? { min: base.value - allowed } : { max: base.value + allowed };
  const common = {
    ...ruleFields(rule),
    metric: rule.metric,
    ...(isGroup ? { group: now.key, grouping: now.grouping } : {}),
    ...(bound === undefined ? {} : { bound }),
    formula: higherIsBetter
      ? `baseline − current ≤ ${rule.relative ? 'max_drop × |baseline|' : 'max_drop'}`
      : `current − baseline ≤ ${rule.relative ? 'max_drop × |baseline|' : 'max_drop'}`,
    n: metric?.n ?? now.rows,
    ...(metric?.interval === undefined ? {} : { interval: metric.interval }),
  };
  const value = metric?.value ?? null;
  const evidence = { baseline: base?.value ?? null, baseline_n: base?.n ?? null, max_drop: rule.maxDrop, relative: rule.relative, higher_is_better: higherIsBetter, rows: now.rows };
  if (value === null || bound === undefined || base?.value == null) {
    const missing = value === null ? 'the current evaluation' : before === undefined ? 'the baseline (no such group)' : 'the baseline';
    return { ...common, value, status: 'insufficient_evidence', evidence, message: `${subject} cannot be compared with the baseline: it is undefined in ${missing}` };
  }
  if (isGroup && now.rows < settings.minGroupSize) {
    return { ...common, value, status: 'insufficient_evidence', evidence: { ...evidence, min_group_size: settings.minGroupSize }, message: `${subject} rests on ${now.rows} rows, fewer than min_group_size ${settings.minGroupSize}, so it cannot be compared with the baseline` };
  }
  const drop = higherIsBetter ? base.value - value : value - base.value;
  const side = beyond(value, metric?.interval, bound, settings.failOn);
  const verb = drop > 0 ? (higherIsBetter ? 'fell' : 'rose') : drop < 0 ? 'improved' : 'is unchanged';
  const change = drop === 0 ? `at ${fmt(value)}` : `from ${fmt(base.value)} to ${fmt(value)}${intervalText(metric?.interval)}`;
  const word = higherIsBetter ? 'drop' : 'rise';
  return {
    ...common,
    value,
    status: statusOf(side !== undefined, rule.severity),
    evidence: { ...evidence, drop, relative_drop: base.value === 0 ? null : drop / Math.abs(base.value) },
    message: `${subject} ${verb} ${change} against the baseline (a ${word} of at most ${limitText} is allowed)`,
  };
}
