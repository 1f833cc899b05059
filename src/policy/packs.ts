import type { RuleDocument } from './schema-policy.ts';

/**
 * Built-in rule packs a policy pulls in with `extends: [steward:<name>]`. Pack rules are written in the same form
 * as a policy's own rules and go through the same validation; they are merged before the policy's rules, and a
 * policy rule with the same id is a POLICY_DUPLICATE_RULE (rename yours or drop the pack). Groupings default to
 * each sensitive column the policy declares. docs/policy.md lists them; keep the two in step.
 */
export const packs: Readonly<Record<string, readonly RuleDocument[]>> = {
  /** The four-fifths (80 %) rule of the US Uniform Guidelines, as a band so over-selection is caught too. */
  'steward:four-fifths': [
    {
      id: 'four-fifths.disparate-impact',
      description: 'selection rate of every group is within 0.8–1.25 of the reference group (four-fifths rule)',
      metric: 'disparate_impact',
      min: 0.8,
      max: 1.25,
    },
  ],
  /** No regression against the production baseline on ranking, accuracy and probability quality. */
  'steward:classification-baseline': [
    {
      id: 'classification-baseline.roc-auc',
      description: 'ROC AUC does not drop more than 0.02 below the baseline',
      baseline: { metric: 'roc_auc', max_drop: 0.02 },
    },
    {
      id: 'classification-baseline.accuracy',
      description: 'accuracy does not drop more than 0.02 below the baseline',
      baseline: { metric: 'accuracy', max_drop: 0.02 },
    },
    {
      id: 'classification-baseline.log-loss',
      description: 'log loss does not rise more than 10 % above the baseline',
      baseline: { metric: 'log_loss', max_drop: 0.1, relative: true },
    },
  ],
  /** Equal opportunity: true positive rates of groups within 0.1 of each other (a warning, not a gate). */
  'steward:equal-opportunity': [
    {
      id: 'equal-opportunity.tpr-gap',
      description: 'true positive rates of the groups differ by at most 0.1',
      severity: 'warn',
      metric: 'equal_opportunity_difference',
      max: 0.1,
    },
  ],
};

export function packNames(): string[] {
  return Object.keys(packs);
}
