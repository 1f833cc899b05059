import type { Finding, VerdictSummary } from '../core/index.ts';
import type { Policy, PolicySettings } from './types.ts';

/**
 * The check's outcome: `fail` when any finding failed, or — with `insufficient_evidence: fail` — when an
 * error-severity rule could not be decided. Findings keep their own status either way, so a report can show that
 * the check failed for want of evidence rather than for a breach.
 */
export function outcomeOf(findings: readonly Finding[], settings: Pick<PolicySettings, 'insufficientEvidence'>): 'pass' | 'fail' {
  const failing = findings.some(
    (finding) =>
      finding.status === 'fail' ||
      (settings.insufficientEvidence === 'fail' && finding.status === 'insufficient_evidence' && finding.severity === 'error'),
  );
  return failing ? 'fail' : 'pass';
}

export function summarize(findings: readonly Finding[]): VerdictSummary {
  const summary = { pass: 0, fail: 0, warn: 0, insufficient_evidence: 0, waived: 0 };
  for (const finding of findings) summary[finding.status] += 1;
  return summary;
}

/** Which inputs beyond the evaluation a policy needs; the CLI refuses to run without them. */
export function requiredInputs(policy: Pick<Policy, 'rules'>): { baseline: boolean; modelCard: boolean } {
  return {
    baseline: policy.rules.some((rule) => rule.kind === 'baseline'),
    modelCard: policy.rules.some((rule) => rule.kind === 'documentation'),
  };
}
