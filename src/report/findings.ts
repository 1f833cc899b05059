import type { Finding, FindingStatus, Verdict } from '../core/index.ts';

/** Display order: what blocks the release first, then what needs a look, then what was excused, then passes. */
export const statusOrder: readonly FindingStatus[] = ['fail', 'warn', 'insufficient_evidence', 'waived', 'pass'];

/** Words for statuses in human-facing reports. */
export const statusLabel: Readonly<Record<FindingStatus, string>> = {
  fail: 'FAIL',
  warn: 'WARN',
  insufficient_evidence: 'INSUFFICIENT EVIDENCE',
  waived: 'WAIVED',
  pass: 'PASS',
};

/** Findings sorted by status (stable: the verdict's order within a status). */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return findings
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => statusOrder.indexOf(a.finding.status) - statusOrder.indexOf(b.finding.status) || a.index - b.index)
    .map(({ finding }) => finding);
}

/** Findings a person must look at: failures and warnings. */
export function needsAttention(finding: Finding): boolean {
  return finding.status === 'fail' || finding.status === 'warn';
}

/** What the finding is about: the group (`race=black`), else the grouping (`race`, `race&sex`), else empty. */
export function findingScope(finding: Finding): string {
  if (finding.group !== undefined) return finding.group;
  if (finding.grouping !== undefined && finding.grouping.length > 0) return finding.grouping.join('&');
  return '';
}

/** `rule-id [race=black]`, or the bare rule id when the finding is about no group: the name CI tools show. */
export function findingName(finding: Finding): string {
  const scope = findingScope(finding);
  return scope === '' ? finding.ruleId : `${finding.ruleId} [${scope}]`;
}

/** `credit-scoring@1.4.0`, or empty when the verdict names no model. */
export function modelLabel(verdict: Verdict): string {
  if (verdict.model === undefined) return '';
  return verdict.model.version === undefined ? verdict.model.name : `${verdict.model.name}@${verdict.model.version}`;
}

/** `2 fail · 1 warn · …`, listing every status (zero counts too, so the line has a fixed shape). */
export function summaryLine(verdict: Verdict): string {
  const { summary } = verdict;
  return [
    `${summary.fail} fail`,
    `${summary.warn} warn`,
    `${summary.insufficient_evidence} insufficient evidence`,
    `${summary.waived} waived`,
    `${summary.pass} pass`,
  ].join(' · ');
}
