import { formatLocation, type DisparityValue, type Finding } from '../core/index.ts';
import { formatBound, formatInterval, formatValue, groupThousands } from './format-number.ts';

/**
 * The evidence of one finding as `label: value` lines, for the plain-text bodies of JUnit failures and SARIF
 * messages: value against bound, interval, n, formula, where the rule is, and the waiver when there is one.
 */
export function detailLines(finding: Finding): string[] {
  const lines: string[] = [];
  if (finding.metric !== undefined) lines.push(`metric: ${finding.metric}`);
  if (finding.value !== undefined) {
    const bound = formatBound(finding.bound);
    lines.push(`value: ${formatValue(finding.value)}${bound === '' ? '' : ` (needs ${bound})`}`);
  }
  if (finding.interval !== undefined) lines.push(`interval: ${formatInterval(finding.interval)}`);
  if (finding.n !== undefined) lines.push(`n: ${groupThousands(finding.n)}`);
  if (finding.aggregation !== undefined) lines.push(`aggregation: ${finding.aggregation}`);
  if (finding.formula !== undefined) lines.push(`formula: ${finding.formula}`);
  lines.push(`rule: ${formatLocation(finding.location)}`);
  const waiver = waiverLine(finding);
  if (waiver !== undefined) lines.push(waiver);
  return lines;
}

/** `waived until 2026-12-31 by RISK-142 (owner …, approved by …): justification`, when the finding is waived. */
export function waiverLine(finding: Finding): string | undefined {
  const waiver = finding.waiver;
  if (waiver === undefined) return undefined;
  return (
    `waived until ${waiver.expires} by ${waiver.ticket} ` +
    `(owner ${waiver.owner}, approved by ${waiver.approver}): ${waiver.justification}`
  );
}

/** `demographic_parity_ratio = 0.742 [0.655, 0.838] 95% bootstrap (ideal 1; excluded: race=asian)`. */
export function describeDisparity(disparity: DisparityValue): string {
  const interval = formatInterval(disparity.interval);
  const notes = [`ideal ${disparity.ideal}`];
  if (disparity.aggregation === 'to_overall') notes.push('vs overall');
  if (disparity.excluded.length > 0) notes.push(`excluded: ${disparity.excluded.join(', ')}`);
  return `${disparity.metric} = ${formatValue(disparity.value)}${interval === '' ? '' : ` ${interval}`} (${notes.join('; ')})`;
}
