import { fail } from '../core/index.ts';
import type { DatasetMapping, Policy, PolicyRule } from '../policy/index.ts';
import type { ColumnOverrides } from './check-request.ts';

/** Flags that name prediction columns: they have no meaning for training data alone. */
const modelOnly = { yPred: '--y-pred', score: '--score', threshold: '--threshold', weight: '--weight' } as const;

/**
 * The column flags of `steward check` applied to a dataset policy, as they are to a model policy's mapping:
 * `--y-true` names the label, `--sensitive` the sensitive columns, `--positive-label` the label's positive value.
 * Rules that group by the policy's sensitive columns by default (no `sensitive:` of their own) group by the new ones;
 * a rule whose own `sensitive:` names a column the flag leaves out cannot be evaluated, which is a usage error
 * rather than a rule that silently checks nothing. Prediction flags (`--y-pred`, `--score`, …) are usage errors.
 */
export function overrideDataset(policy: Policy, dataset: DatasetMapping, overrides: ColumnOverrides): { policy: Policy; dataset: DatasetMapping } {
  for (const [key, flag] of Object.entries(modelOnly)) {
    if (overrides[key as keyof typeof modelOnly] !== undefined) {
      fail('USAGE_INVALID_ARGUMENT', `policy ${policy.name} checks a dataset (data.task: dataset); ${flag} names a prediction column`, {
        expected: '--y-true (the label), --sensitive and --positive-label',
      });
    }
  }
  const { yTrue, sensitive, positiveLabel } = overrides;
  if (yTrue === undefined && sensitive === undefined && positiveLabel === undefined) return { policy, dataset };
  const next: DatasetMapping = {
    ...dataset,
    ...(yTrue === undefined ? {} : { label: yTrue }),
    ...(positiveLabel === undefined ? {} : { positiveLabel }),
    ...(sensitive === undefined ? {} : { sensitive: [...new Set(sensitive)] }),
  };
  if (next.id !== undefined && (next.id === next.label || next.sensitive.includes(next.id))) {
    fail('USAGE_INVALID_ARGUMENT', `column "${next.id}" is the policy's id column and cannot also be the label or a sensitive column`, { expected: 'another column' });
  }
  const rules = sensitive === undefined ? policy.rules : policy.rules.map((rule) => regroup(rule, dataset.sensitive, next.sensitive));
  return { policy: { ...policy, dataset: next, rules }, dataset: next };
}

function regroup(rule: PolicyRule, before: readonly string[], after: readonly string[]): PolicyRule {
  if (rule.kind !== 'representation' && rule.kind !== 'label_balance' && rule.kind !== 'missingness') return rule;
  const defaulted = rule.groupings.length === before.length && rule.groupings.every((grouping, i) => grouping.length === 1 && grouping[0] === before[i]);
  if (defaulted) return { ...rule, groupings: after.map((column) => [column]) };
  for (const grouping of rule.groupings) {
    const left = grouping.find((column) => !after.includes(column));
    if (left !== undefined) {
      fail('USAGE_INVALID_ARGUMENT', `rule ${rule.id} groups by "${left}", which --sensitive ${after.join(',')} leaves out`, {
        expected: `--sensitive including ${grouping.join(', ')}`,
      });
    }
  }
  // Put each grouping in the new column order, as the metrics name the groups.
  return { ...rule, groupings: rule.groupings.map((grouping) => after.filter((column) => grouping.includes(column))) };
}
