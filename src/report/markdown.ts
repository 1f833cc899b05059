import type { Finding, FindingStatus, MetricsSection, Verdict } from '../core/index.ts';
import { explainLines } from './explain-view.ts';
import { describeDisparity, waiverLine } from './finding-details.ts';
import { findingScope, modelLabel, needsAttention, sortFindings, statusLabel, summaryLine } from './findings.ts';
import { formatBound, formatInterval, formatPercent, formatValue, groupThousands } from './format-number.ts';
import { groupingTables, keyMetrics } from './groups.ts';
import { mdHeader, mdRow, mdText } from './markdown-text.ts';
import type { RenderOptions } from './options.ts';

const icons: Readonly<Record<FindingStatus, string>> = {
  fail: '❌',
  warn: '⚠️',
  insufficient_evidence: '❔',
  waived: '➖',
  pass: '✅',
};

const findingHeaders = [
  { label: 'Status' },
  { label: 'Rule' },
  { label: 'Group' },
  { label: 'Metric' },
  { label: 'Value', right: true },
  { label: 'Bound' },
  { label: 'Interval' },
  { label: 'n', right: true },
  { label: 'Message' },
];

/**
 * GitHub-flavoured markdown for a job summary ($GITHUB_STEP_SUMMARY) or a merge-request comment: the outcome as a
 * heading, a table of what failed or warns, and everything else folded in <details> so the comment stays short.
 * Every data-derived string goes through mdText.
 */
export function renderMarkdown(verdict: Verdict, _options: RenderOptions): string {
  const failed = verdict.outcome === 'fail';
  const model = modelLabel(verdict);
  const lines = [
    `## ${failed ? '❌' : '✅'} Steward check ${failed ? 'failed' : 'passed'}: ${mdText(verdict.policy.name)}`,
    '',
    `**${summaryLine(verdict)}**`,
    '',
    [model === '' ? '' : `Model ${mdText(model)} · `, `policy file ${mdText(verdict.policy.file)}`].join(''),
    '',
  ];
  const attention = sortFindings(verdict.findings.filter(needsAttention));
  if (attention.length === 0) lines.push('No failing or warning findings.', '');
  else lines.push(...findingTable(attention), '');
  lines.push(
    '<details>',
    `<summary>All findings (${verdict.findings.length})</summary>`,
    '',
    ...findingTable(sortFindings(verdict.findings)),
    '',
    '</details>',
    '',
    ...explainDetails(verdict),
    '<details>',
    '<summary>Per-group metrics</summary>',
    '',
    ...groupSections(verdict.metrics),
    '</details>',
    '',
    `<sub>steward ${mdText(verdict.tool.version)} · verdict ${verdict.digest}</sub>`,
    '',
  );
  return lines.join('\n');
}

function explainDetails(verdict: Verdict): string[] {
  if (verdict.explain === undefined) return [];
  return ['<details>', '<summary>Explainability</summary>', '', ...explainLines(verdict.explain).map((entry) => `- **${mdText(entry.label)}**: ${mdText(entry.text)}`), '', '</details>', ''];
}

function findingTable(findings: readonly Finding[]): string[] {
  return [...mdHeader(findingHeaders), ...findings.map(findingRow)];
}

function findingRow(finding: Finding): string {
  const waiver = waiverLine(finding);
  const message = waiver === undefined ? finding.message : `${finding.message} — ${waiver}`;
  return mdRow([
    `${icons[finding.status]} ${statusLabel[finding.status].toLowerCase()}`,
    mdText(finding.ruleId),
    mdText(findingScope(finding)),
    mdText(finding.metric ?? ''),
    finding.value === undefined ? '' : formatValue(finding.value),
    mdText(formatBound(finding.bound)),
    mdText(formatInterval(finding.interval)),
    finding.n === undefined ? '' : groupThousands(finding.n),
    mdText(message),
  ]);
}

function groupSections(section: MetricsSection): string[] {
  const metrics = keyMetrics(section);
  const lines: string[] = [];
  for (const table of groupingTables(section, true)) {
    lines.push(table.grouping === '' ? '**Overall**' : `**By ${mdText(table.grouping)}**`, '');
    lines.push(...mdHeader([{ label: 'Group' }, { label: 'n', right: true }, ...metrics.map((metric) => ({ label: metric.label, right: true }))]));
    for (const slice of [section.overall, ...table.slices]) {
      const cells = metrics.map((metric) => {
        const value = slice.metrics[metric.name]?.value;
        return metric.percent ? formatPercent(value) : formatValue(value);
      });
      lines.push(mdRow([mdText(slice.key), groupThousands(slice.rows), ...cells]));
    }
    lines.push('');
    const disparities = section.disparities.filter((item) => item.grouping.join('&') === table.grouping);
    for (const disparity of disparities) lines.push(`- ${mdText(describeDisparity(disparity))}`);
    if (disparities.length > 0) lines.push('');
  }
  return lines;
}
