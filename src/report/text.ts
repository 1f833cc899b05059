import pc from 'picocolors';
import type { Finding, FindingStatus, Verdict } from '../core/index.ts';
import { formatLocation } from '../core/index.ts';
import { findingName, modelLabel, needsAttention, sortFindings, statusLabel, summaryLine } from './findings.ts';
import { formatBound, formatCount, formatInterval, formatValue, groupThousands } from './format-number.ts';
import type { RenderOptions } from './options.ts';
import { explainLines } from './explain-view.ts';
import { renderGroupTables } from './text-groups.ts';
import { sanitizeTerminal as clean, truncate, visibleLength, wrap } from './terminal-text.ts';

/** Below this the group table (and the digests) cannot fit; narrower requests get this width. */
export const minimumWidth = 80;

export type Colors = ReturnType<typeof pc.createColors>;

const marks: Readonly<Record<FindingStatus, string>> = {
  fail: '✗',
  warn: '!',
  insufficient_evidence: '?',
  waived: '~',
  pass: '✓',
};

function paint(colors: Colors, status: FindingStatus, text: string): string {
  switch (status) {
    case 'fail':
      return colors.red(text);
    case 'warn':
      return colors.yellow(text);
    case 'insufficient_evidence':
      return colors.magenta(text);
    case 'waived':
      return colors.cyan(text);
    case 'pass':
      return colors.green(text);
  }
}

/**
 * The terminal report, read top-down in ten seconds: the outcome and counts, then every finding that is not a pass
 * (worst first) with value vs bound, interval and n, then the key metrics per group, then the passes by name.
 */
export function renderText(verdict: Verdict, options: RenderOptions): string {
  const colors = pc.createColors(options.color);
  const width = Math.max(minimumWidth, options.width ?? 100);
  const lines: string[] = [...headline(verdict, colors, width), ''];
  const sorted = sortFindings(verdict.findings);
  const detailed = sorted.filter((finding) => finding.status !== 'pass');
  if (detailed.length > 0) {
    lines.push(colors.bold('Findings'));
    for (const finding of detailed) lines.push(...findingLines(finding, colors, width));
    lines.push('');
  }
  const findingMetrics = new Set(verdict.findings.flatMap((finding) => (finding.metric === undefined ? [] : [finding.metric])));
  lines.push(...renderGroupTables(verdict.metrics, colors, width, findingMetrics));
  if (verdict.explain !== undefined) {
    lines.push(colors.bold('Explainability'));
    for (const entry of explainLines(verdict.explain)) lines.push(...wrap(clean(`${entry.label}: ${entry.text}`), width, '  '));
    lines.push('');
  }
  const passes = sorted.filter((finding) => finding.status === 'pass');
  if (passes.length > 0) {
    lines.push(colors.bold(`Passed (${passes.length})`));
    lines.push(...wrap(passes.map((finding) => clean(findingName(finding))).join(' · '), width, '  ').map((line) => colors.green(line)));
    lines.push('');
  }
  lines.push(colors.dim(`verdict ${verdict.digest}`), colors.dim(`policy  ${verdict.policy.digest}`));
  return `${lines.join('\n')}\n`;
}

function headline(verdict: Verdict, colors: Colors, width: number): string[] {
  const failed = verdict.outcome === 'fail';
  const badge = failed ? colors.bold(colors.red('✗ FAIL')) : colors.bold(colors.green('✓ PASS'));
  const model = modelLabel(verdict);
  const title = clean(`policy ${verdict.policy.name}${model === '' ? '' : ` · model ${model}`}`);
  const evaluation = verdict.inputs.find((input) => input.role === 'evaluation');
  const data =
    evaluation === undefined
      ? ''
      : ` · data ${evaluation.file}${evaluation.rows === undefined ? '' : ` (${groupThousands(evaluation.rows)} rows)`}`;
  const attention = verdict.findings.filter(needsAttention).length;
  return [
    `${badge}  ${truncate(title, width - 8)}`,
    `   ${summaryLine(verdict)}${attention > 0 ? colors.dim(' — details below') : ''}`,
    ...wrap(clean(`policy file ${verdict.policy.file}${data}`), width, '   ').map((line) => colors.dim(line)),
  ];
}

function findingLines(finding: Finding, colors: Colors, width: number): string[] {
  const status = `${marks[finding.status]} ${statusLabel[finding.status]}`;
  const name = clean(findingName(finding));
  const measure = [finding.metric, finding.value === undefined ? undefined : formatValue(finding.value)]
    .filter((part) => part !== undefined)
    .join(' ');
  const bound = formatBound(finding.bound);
  const claim = clean(`${measure}${bound === '' ? '' : ` (needs ${bound})`}`);
  const indent = '      ';
  const lines =
    visibleLength(`  ${status}  ${name}  ${claim}`) <= width
      ? [`  ${paint(colors, finding.status, status)}  ${colors.bold(name)}  ${claim}`]
      : [
          `  ${paint(colors, finding.status, status)}`,
          ...wrap(name, width, indent).map((line) => colors.bold(line)),
          ...wrap(claim, width, indent),
        ];
  const facts = [formatInterval(finding.interval), formatCount(finding.n), formatLocation(finding.location)]
    .filter((part) => part !== '')
    .join(' · ');
  if (facts !== '') lines.push(...wrap(clean(facts), width, indent).map((line) => colors.dim(line)));
  lines.push(...wrap(clean(finding.message), width, indent));
  if (finding.waiver !== undefined) {
    const w = finding.waiver;
    const text = `waived until ${w.expires} (${w.ticket}; owner ${w.owner}, approved by ${w.approver}): ${w.justification}`;
    lines.push(...wrap(clean(text), width, indent).map((line) => colors.cyan(line)));
  }
  return lines;
}
