import type { Finding, FindingStatus, Severity } from '../../core/index.ts';
import type { PolicyRule } from '../types.ts';

/** A failed error rule fails the check; a failed warn or info rule only warns (core/verdict.ts). */
export function failedStatus(severity: Severity): FindingStatus {
  return severity === 'error' ? 'fail' : 'warn';
}

export function statusOf(failed: boolean, severity: Severity): FindingStatus {
  return failed ? failedStatus(severity) : 'pass';
}

/** The members every finding of a rule shares. */
export function ruleFields(rule: PolicyRule): Pick<Finding, 'ruleId' | 'kind' | 'severity' | 'location'> {
  return { ruleId: rule.id, kind: rule.kind, severity: rule.severity, location: rule.location };
}
