import type { Bound } from '../core/index.ts';
import { explainMetric, explainMetrics } from './explain-metrics.ts';
import { proxyThresholds } from './normalize-explain.ts';
import type { RuleContext } from './rules.ts';
import type { RuleDocument } from './schema-policy.ts';
import type { Grouping, PolicyRule } from './types.ts';
import type { ProxyRule } from './types-explain.ts';

type Base = Pick<PolicyRule, 'id' | 'severity' | 'location' | 'origin' | 'description'>;

/**
 * A metric rule over an `explain.*` metric. Same fields and semantics as a slice metric rule; the metric must exist,
 * the policy must have an `explain:` section, and every_group applies to single sensitive columns only (explain
 * statistics are per column, not per intersection) — for the flip rate, columns the model takes as a feature.
 */
export function buildExplainMetric(doc: RuleDocument, metric: string, base: Base, bound: Bound, context: RuleContext, groupings: () => readonly Grouping[]): PolicyRule | undefined {
  const { site, problems, explain } = context;
  const info = explainMetric(metric);
  if (info === undefined) {
    const names = explainMetrics.map((m) => m.name);
    problems.unknown('POLICY_UNKNOWN_METRIC', `unknown explainability metric "${metric}"`, site.at(['metric']), metric, names, `one of: ${names.join(', ')}`);
    return undefined;
  }
  if (explain === undefined) {
    problems.add('POLICY_INVALID_FIELD', `metric ${metric} needs the policy's explain: section`, site.at(['metric']), { expected: 'explain: { features: { name: number | category, … }, … }' });
    return undefined;
  }
  if (doc.aggregation !== undefined) problems.add('POLICY_INVALID_FIELD', `"aggregation" applies to disparity metrics, not to ${metric}`, site.at(['aggregation']), { expected: 'scope: overall | every_group' });
  const scope = doc.scope ?? 'overall';
  if (scope === 'overall') {
    if (doc.sensitive !== undefined) problems.add('POLICY_INVALID_FIELD', '"sensitive" has no effect on an overall metric rule', site.at(['sensitive']), { expected: 'scope: every_group' });
    return { ...base, kind: 'metric', metric, scope, bound, groupings: [] };
  }
  if (!info.perGroup) {
    problems.add('POLICY_INVALID_FIELD', `${metric} has one value for the whole evaluation, not one per group`, site.at(['scope']), { expected: 'scope: overall' });
    return undefined;
  }
  const resolved = groupings();
  if (resolved.length === 0 && doc.sensitive === undefined) {
    problems.add('POLICY_INVALID_FIELD', `rule "${doc.id}" compares groups, but data.sensitive declares no column`, site.at([]), { expected: 'data.sensitive: [column, …]' });
  }
  resolved.forEach((grouping, index) => {
    const at = site.at(doc.sensitive === undefined ? ['scope'] : ['sensitive', index]);
    if (grouping.length > 1) {
      problems.add('POLICY_INVALID_FIELD', `${metric} is computed per sensitive column, not for the intersection ${grouping.join('&')}`, at, { expected: 'single sensitive columns' });
    } else if (metric === 'explain.flip_rate' && !explain.features.some((f) => f.name === grouping[0])) {
      problems.add('POLICY_INVALID_FIELD', `the flip test swaps a sensitive column the model takes as input, but "${grouping[0] ?? ''}" is not in explain.features`, at, {
        expected: 'sensitive columns that are also declared in explain.features',
      });
    }
  });
  return { ...base, kind: 'metric', metric, scope, bound, groupings: resolved };
}

/** A `proxy:` rule; thresholds default to explain.proxy_thresholds. */
export function buildProxyRule(doc: RuleDocument, base: Base, context: RuleContext): ProxyRule | undefined {
  const spec = doc.proxy;
  if (spec === undefined) return undefined;
  if (context.explain === undefined) {
    context.problems.add('POLICY_INVALID_FIELD', `proxy rule "${doc.id}" needs the policy's explain: section (the features to test)`, context.site.at(['proxy']), { expected: 'explain: { features: { name: number | category, … } }' });
    return undefined;
  }
  if (context.data.sensitive.length === 0) {
    context.problems.add('POLICY_INVALID_FIELD', `proxy rule "${doc.id}" looks for proxies of sensitive columns, but data.sensitive declares none`, context.site.at(['proxy']), { expected: 'data.sensitive: [column, …]' });
  }
  return {
    ...base,
    kind: 'proxy',
    thresholds: proxyThresholds(spec, context.explain.proxyThresholds),
    ...(spec.top_k === undefined ? {} : { topK: spec.top_k }),
  };
}
