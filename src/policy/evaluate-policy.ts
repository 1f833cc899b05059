import { fail, type ExplainSection, type Finding, type MetricsSection } from '../core/index.ts';
import { celVariables } from './cel.ts';
import type { DatasetFacts } from '../stats/data/index.ts';
import { evaluateBaselineRule } from './eval/baseline-rule.ts';
import { evaluateDataRule } from './eval/data/index.ts';
import { evaluateDisparityRule } from './eval/disparity-rule.ts';
import { evaluateDocumentationRule } from './eval/documentation-rule.ts';
import { evaluateExpressionRule } from './eval/expression-rule.ts';
import { evaluateExplainMetricRule } from './eval/explain/explain-metric-rule.ts';
import { withExplainMetrics } from './eval/explain/explain-metrics-section.ts';
import { evaluateProxyRule } from './eval/explain/proxy-rule.ts';
import { evaluateMetricRule } from './eval/metric-rule.ts';
import { applyWaivers } from './eval/waivers.ts';
import { requiredInputs } from './outcome.ts';
import type { Policy, PolicyRule, Waiver } from './types.ts';

export interface PolicyInput {
  readonly metrics: MetricsSection;
  readonly baseline?: MetricsSection;
  readonly modelCard?: unknown;
  readonly waivers: readonly Waiver[];
  /** The facts of the training data, for the data rules of a dataset policy (metrics then holds its group metrics). */
  readonly dataset?: DatasetFacts;
  /** The explainability evidence of a policy with an `explain:` section (explain.* metrics, proxy rules). */
  readonly explain?: ExplainSection;
  /** Passed in, never read from the clock: the same inputs give the same findings. */
  readonly now: Date;
}

/**
 * Every rule of the policy over one evaluation's metrics → findings, in rule order, then the waivers' effects.
 * Pure. Throws POLICY_BASELINE_REQUIRED / POLICY_MODEL_CARD_REQUIRED when a rule needs an input that is missing.
 */
export function evaluatePolicy(policy: Policy, input: PolicyInput): Finding[] {
  const needs = requiredInputs(policy);
  if (needs.baseline && input.baseline === undefined) {
    fail('POLICY_BASELINE_REQUIRED', `policy ${policy.name} has a baseline rule, but no baseline evaluation was given`, { location: { file: policy.file } });
  }
  if (needs.modelCard && input.modelCard === undefined) {
    fail('POLICY_MODEL_CARD_REQUIRED', `policy ${policy.name} has a documentation rule, but no model card was given`, { location: { file: policy.file } });
  }
  // explain.* metrics join the slices they describe, so metric rules and CEL expressions read them like any other.
  const metrics = withExplainMetrics(input.metrics, input.explain);
  const variables = policy.rules.some((rule) => rule.kind === 'expression')
    ? celVariables(metrics, input.baseline, input.modelCard)
    : undefined;
  const findings = policy.rules.flatMap((rule): Finding[] => {
    switch (rule.kind) {
      case 'metric':
        return rule.metric.startsWith('explain.') ? evaluateExplainMetricRule(rule, metrics, input.explain, policy.settings) : evaluateMetricRule(rule, input.metrics, policy.settings);
      case 'proxy':
        return evaluateProxyRule(rule, input.explain);
      case 'disparity':
        return evaluateDisparityRule(rule, input.metrics, policy.settings);
      case 'baseline':
        return evaluateBaselineRule(rule, input.metrics, input.baseline ?? missing(rule), policy.settings);
      case 'documentation':
        return [evaluateDocumentationRule(rule, input.modelCard)];
      case 'expression':
        return [evaluateExpressionRule(rule, variables ?? celVariables(metrics, input.baseline, input.modelCard))];
      default:
        return evaluateDataRule(rule, input.metrics, policy.dataset, input.dataset, policy.settings);
    }
  });
  return applyWaivers(findings, policy.rules, input.waivers, policy.model, input.now, { file: policy.file });
}

function missing(rule: PolicyRule): never {
  fail('INTERNAL_INVARIANT', `rule ${rule.id} needs a baseline that requiredInputs did not ask for`);
}
