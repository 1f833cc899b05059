import type { Finding } from '../../core/index.ts';
import { runExpression, type CelVariables } from '../cel.ts';
import type { ExpressionRule } from '../types.ts';
import { failedStatus, ruleFields, statusOf } from './finding-base.ts';

/**
 * A CEL expression over the metrics (variables in cel.ts). true passes, false fails. An evaluation error — usually a
 * metric that is undefined for this data and so absent from its map — is insufficient evidence, with the error. A
 * result that is not a bool (possible only through `card`, which is dyn) fails: the rule is broken, not the model.
 */
export function evaluateExpressionRule(rule: ExpressionRule, variables: CelVariables): Finding {
  const common = { ...ruleFields(rule), formula: rule.expression, evidence: { expression: rule.expression } };
  const outcome = runExpression(rule.expression, variables);
  if (!outcome.ok) {
    return {
      ...common,
      status: 'insufficient_evidence',
      evidence: { ...common.evidence, error: outcome.error },
      message: `the expression of rule ${rule.id} could not be evaluated (${outcome.error}), so the rule cannot be decided`,
    };
  }
  if (typeof outcome.value !== 'boolean') {
    return { ...common, status: failedStatus(rule.severity), message: `the expression of rule ${rule.id} returned ${typeof outcome.value}, not a bool` };
  }
  return {
    ...common,
    status: statusOf(!outcome.value, rule.severity),
    message: `${rule.description ?? `the condition ${rule.expression}`} ${outcome.value ? 'holds' : 'does not hold'}`,
  };
}
