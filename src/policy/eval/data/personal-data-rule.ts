import type { Finding } from '../../../core/index.ts';
import type { DatasetFacts } from '../../../stats/data/index.ts';
import type { PersonalDataRule } from '../../types.ts';
import { statusOf } from '../finding-base.ts';
import { dataRuleFields, percent } from './common.ts';

/**
 * Personal data: for each text column, the share of its non-missing values matching each detector (built-in or the
 * policy's patterns): matches(c, d) / (rows − missing(c)). A column above max_share for some detector gets a finding
 * naming the column, the detector and the share — never a value. When no column is above, one passing finding.
 */
export function evaluatePersonalDataRule(rule: PersonalDataRule, facts: DatasetFacts): Finding[] {
  const detectors = [...rule.detectors, ...Object.keys(rule.patterns)];
  const columns = facts.columns.filter((c) => c.kind === 'category' && (rule.columns === undefined || rule.columns.includes(c.name)));
  const findings: Finding[] = [];
  for (const column of columns) {
    const present = column.rows - column.missing;
    if (present === 0) continue;
    const shares = Object.fromEntries(detectors.map((d) => [d, (column.pii[d] ?? 0) / present]));
    const over = detectors.filter((d) => (shares[d] ?? 0) > rule.maxShare).sort((a, b) => (shares[b] ?? 0) - (shares[a] ?? 0));
    const worst = over[0];
    if (worst === undefined) continue;
    const share = shares[worst] ?? 0;
    findings.push({
      ...dataRuleFields(rule),
      metric: 'personal_data_share',
      status: statusOf(true, rule.severity),
      value: share,
      bound: { max: rule.maxShare },
      n: present,
      formula: 'values matching the detector / non-missing values of the column',
      evidence: { column: column.name, detector: worst, detectors: over, matches: Object.fromEntries(over.map((d) => [d, column.pii[d] ?? 0])), shares: Object.fromEntries(over.map((d) => [d, shares[d] ?? 0])) },
      message: `column "${column.name}" holds personal data: ${percent(share)} of its values look like ${worst.replaceAll('_', ' ')}${over.length > 1 ? ` (also ${over.slice(1).join(', ')})` : ''}`,
    });
  }
  if (findings.length > 0) return findings;
  return [
    {
      ...dataRuleFields(rule),
      metric: 'personal_data_share',
      status: 'pass',
      value: 0,
      bound: { max: rule.maxShare },
      evidence: { columns: columns.map((c) => c.name), detectors },
      message: `no text column holds values that look like personal data (${columns.length} columns, ${detectors.length} detectors)`,
    },
  ];
}
