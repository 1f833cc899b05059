import { disparityMetric, disparityMetrics, metricNames, sliceMetrics } from '../stats/registry.ts';
import { checkExpression } from './cel.ts';
import { resolveGroupings } from './groupings.ts';
import type { Problems, RuleSite } from './problems.ts';
import type { RuleDocument } from './schema-policy.ts';
import { buildDataRule } from './rules-data.ts';
import { buildExplainMetric, buildProxyRule } from './rules-explain.ts';
import { dataRuleKinds } from './schema-data.ts';
import type { DataMapping, DatasetMapping, ExplainPolicy, PolicyRule, PolicySettings } from './types.ts';

export interface RuleContext {
  readonly data: DataMapping;
  /** Present for a dataset policy: data rules apply, model rules (other than expressions) do not. */
  readonly dataset?: DatasetMapping | undefined;
  readonly settings: PolicySettings;
  /** The policy's `explain:` section, for explain.* metrics and proxy rules. */
  readonly explain?: ExplainPolicy | undefined;
  readonly site: RuleSite;
  readonly origin: string;
  readonly problems: Problems;
}

const modelKinds = ['metric', 'baseline', 'documentation', 'expression', 'proxy'] as const;
const kinds = [...modelKinds, ...dataRuleKinds] as const;
/** Fields that only make sense for metric rules. */
const metricOnly = ['aggregation', 'scope', 'min', 'max'] as const;

/**
 * Checks one rule document against the registry, the declared columns and CEL, and turns it into a PolicyRule.
 * Problems are collected; the rule is returned only when it has none.
 */
export function normalizeRule(doc: RuleDocument, context: RuleContext): PolicyRule | undefined {
  const { site, problems } = context;
  const before = problems.size;
  const present = kinds.filter((kind) => doc[kind] !== undefined);
  if (present.length !== 1) {
    problems.add(
      'POLICY_INVALID_FIELD',
      present.length === 0 ? `rule "${doc.id}" has no requirement` : `rule "${doc.id}" mixes ${present.join(' and ')}`,
      site.at([]),
      { expected: `exactly one of: ${kinds.join(', ')}` },
    );
    return undefined;
  }
  if (present[0] !== 'metric') {
    for (const field of metricOnly) {
      if (doc[field] !== undefined) {
        problems.add('POLICY_INVALID_FIELD', `"${field}" applies only to metric rules`, site.at([field]), { expected: `no ${field} on a ${present[0]} rule` });
      }
    }
  }
  const base = {
    id: doc.id,
    severity: doc.severity ?? 'error',
    location: site.at([]),
    origin: context.origin,
    ...(doc.description === undefined ? {} : { description: doc.description }),
  } as const;
  const kind = present[0] as (typeof kinds)[number];
  if (context.dataset !== undefined && (kind === 'metric' || kind === 'baseline' || kind === 'documentation' || kind === 'proxy')) {
    problems.add('POLICY_INVALID_FIELD', `rule "${doc.id}" is a ${kind} rule, but data.task is dataset (no predictions)`, site.at([kind]), {
      expected: `a data rule (${dataRuleKinds.join(', ')}) or an expression`,
    });
    return undefined;
  }
  const rule = (dataRuleKinds as readonly string[]).includes(kind) ? buildDataRule(doc, base, context) : build(doc, base, context);
  return problems.size === before ? rule : undefined;
}

type Base = Pick<PolicyRule, 'id' | 'severity' | 'location' | 'origin' | 'description'>;

function build(doc: RuleDocument, base: Base, context: RuleContext): PolicyRule | undefined {
  const { site, problems, data, settings } = context;
  const groupings = () => resolveGroupings(doc.sensitive, data.sensitive, settings.intersections, site, problems);
  if (doc.metric !== undefined) return buildMetric(doc, doc.metric, base, context, groupings);
  if (doc.baseline !== undefined) {
    const spec = doc.baseline;
    checkSliceMetric(spec.metric, ['baseline', 'metric'], context);
    const scope = spec.scope ?? 'overall';
    return { ...base, kind: 'baseline', metric: spec.metric, maxDrop: spec.max_drop, relative: spec.relative ?? false, scope, groupings: scope === 'every_group' ? requireGroupings(groupings(), doc, context) : [] };
  }
  if (doc.documentation !== undefined) return { ...base, kind: 'documentation', required: doc.documentation.required };
  if (doc.proxy !== undefined) return buildProxyRule(doc, base, context);
  if (doc.expression !== undefined) {
    const problem = checkExpression(doc.expression);
    if (problem !== undefined) {
      problems.add(problem.kind === 'syntax' ? 'POLICY_CEL_SYNTAX' : 'POLICY_CEL_TYPE', `expression of rule "${doc.id}": ${problem.message}`, site.expressionAt(problem.index), {
        expected: problem.kind === 'syntax' ? 'a CEL expression' : 'a bool expression over overall, groups, disparities, baseline, card',
      });
    }
    return { ...base, kind: 'expression', expression: doc.expression };
  }
  return undefined;
}

function buildMetric(doc: RuleDocument, metric: string, base: Base, context: RuleContext, groupings: () => readonly (readonly string[])[]): PolicyRule | undefined {
  const { site, problems } = context;
  if (doc.min === undefined && doc.max === undefined) {
    problems.add('POLICY_INVALID_FIELD', `metric rule "${doc.id}" has no bound`, site.at([]), { expected: 'min, max or both' });
  }
  if (doc.min !== undefined && doc.max !== undefined && doc.min > doc.max) {
    problems.add('POLICY_INVALID_FIELD', `min ${doc.min} is above max ${doc.max}`, site.at(['min']), { expected: `min ≤ ${doc.max}` });
  }
  const bound = { ...(doc.min === undefined ? {} : { min: doc.min }), ...(doc.max === undefined ? {} : { max: doc.max }) };
  if (metric.startsWith('explain.')) return buildExplainMetric(doc, metric, base, bound, context, groupings);
  if (disparityMetric(metric) !== undefined) {
    if (doc.scope !== undefined) problems.add('POLICY_INVALID_FIELD', `"scope" applies to slice metrics, not to the disparity ${metric}`, site.at(['scope']), { expected: 'aggregation: between_groups | to_overall' });
    if (context.data.task !== 'binary') problems.add('POLICY_UNKNOWN_METRIC', `disparity ${metric} is computed for binary tasks, but data.task is ${context.data.task}`, site.at(['metric']));
    const aggregation = doc.aggregation ?? 'between_groups';
    return { ...base, kind: 'disparity', metric, aggregation, bound, groupings: requireGroupings(groupings(), doc, context) };
  }
  if (doc.aggregation !== undefined) problems.add('POLICY_INVALID_FIELD', `"aggregation" applies to disparity metrics, not to ${metric}`, site.at(['aggregation']), { expected: 'scope: overall | every_group' });
  if (!checkSliceMetric(metric, ['metric'], context)) return undefined;
  const scope = doc.scope ?? 'overall';
  if (scope === 'overall' && doc.sensitive !== undefined) {
    problems.add('POLICY_INVALID_FIELD', `"sensitive" has no effect on an overall metric rule`, site.at(['sensitive']), { expected: 'scope: every_group' });
  }
  return { ...base, kind: 'metric', metric, scope, bound, groupings: scope === 'every_group' ? requireGroupings(groupings(), doc, context) : [] };
}

/** A slice metric Steward computes for the policy's task; reports POLICY_UNKNOWN_METRIC otherwise. */
function checkSliceMetric(metric: string, path: readonly string[], context: RuleContext): boolean {
  const infos = sliceMetrics.filter((candidate) => candidate.name === metric);
  const location = context.site.at(path);
  if (infos.length === 0) {
    const candidates = path[0] === 'baseline' ? sliceMetrics.map((m) => m.name) : metricNames();
    context.problems.unknown('POLICY_UNKNOWN_METRIC', `unknown metric "${metric}"`, location, metric, candidates, path[0] === 'baseline' ? 'a slice metric (accuracy, roc_auc, …)' : `one of the ${sliceMetrics.length + disparityMetrics.length} metrics listed in docs/policy.md`);
    return false;
  }
  if (!infos.some((info) => info.task === context.data.task)) {
    context.problems.add('POLICY_UNKNOWN_METRIC', `metric ${metric} is computed for ${infos.map((info) => info.task).join(' and ')} tasks, but data.task is ${context.data.task}`, location, { expected: `a ${context.data.task} metric` });
    return false;
  }
  return true;
}

function requireGroupings<T extends readonly (readonly string[])[]>(groupings: T, doc: RuleDocument, context: RuleContext): T {
  if (groupings.length === 0 && doc.sensitive === undefined) {
    context.problems.add('POLICY_INVALID_FIELD', `rule "${doc.id}" compares groups, but data.sensitive declares no column`, context.site.at([]), { expected: 'data.sensitive: [column, …]' });
  }
  return groupings;
}
