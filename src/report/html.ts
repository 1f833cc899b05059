import type { Finding, MetricsSection, Verdict } from '../core/index.ts';
import { disparityViews } from './disparity-view.ts';
import { waiverLine } from './finding-details.ts';
import { findingScope, modelLabel, sortFindings, statusLabel, summaryLine } from './findings.ts';
import { formatBound, formatInterval, formatPercent, formatValue, groupThousands } from './format-number.ts';
import { groupingTables, keyMetrics } from './groups.ts';
import { disparitySection } from './html-disparity.ts';
import { explainSection } from './html-explain.ts';
import { htmlStyle } from './html-style.ts';
import { html } from './html-text.ts';
import type { RenderOptions } from './options.ts';

/** Nothing may load from anywhere: no scripts at all, styles only inline, images only as data. */
const contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/**
 * One self-contained HTML page for people who do not read CI logs (risk, audit): the outcome, every finding, a chart
 * per disparity and the metrics per group. No script, no network reference, no web font; every string escaped.
 */
export function renderHtml(verdict: Verdict, _options: RenderOptions): string {
  const failed = verdict.outcome === 'fail';
  const title = `Steward check ${failed ? 'failed' : 'passed'}: ${verdict.policy.name}`;
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${html(title)}</title>`,
    `<style>${htmlStyle}</style>`,
    '</head>',
    '<body>',
    '<main>',
    '<header>',
    `<h1><span class="badge ${failed ? 'fail' : 'pass'}">${failed ? 'FAIL' : 'PASS'}</span>${html(verdict.policy.name)}</h1>`,
    `<p class="summary">${html(summaryLine(verdict))}</p>`,
    metaList(verdict),
    '</header>',
    '<section aria-labelledby="findings">',
    '<h2 id="findings">Findings</h2>',
    findingTable(verdict.findings),
    '</section>',
    ...disparities(verdict),
    ...(verdict.explain === undefined ? [] : [explainSection(verdict.explain)]),
    '<section aria-labelledby="groups">',
    '<h2 id="groups">Metrics by group</h2>',
    groupTables(verdict.metrics),
    '</section>',
    `<footer>steward ${html(verdict.tool.version)} · verdict ${html(verdict.digest)} · policy ${html(verdict.policy.digest)}</footer>`,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function metaList(verdict: Verdict): string {
  const entries: [string, string][] = [['Policy', `${verdict.policy.name} (${verdict.policy.file})`]];
  const model = modelLabel(verdict);
  if (model !== '') entries.push(['Model', model]);
  for (const input of verdict.inputs.filter((item) => item.role !== 'policy')) {
    entries.push([input.role, `${input.file}${input.rows === undefined ? '' : ` · ${groupThousands(input.rows)} rows`} · ${input.digest}`]);
  }
  const { settings } = verdict;
  entries.push([
    'Settings',
    `confidence ${settings.confidence}, min group size ${settings.minGroupSize}, fail on ${settings.failOn}, ` +
      `${settings.bootstrapSamples} bootstrap samples, seed ${verdict.seed}`,
  ]);
  return `<dl class="meta">${entries.map(([term, text]) => `<dt>${html(term)}</dt><dd>${html(text)}</dd>`).join('')}</dl>`;
}

function findingTable(findings: readonly Finding[]): string {
  if (findings.length === 0) return '<p>No findings: the policy has no rules.</p>';
  const header = ['Status', 'Rule', 'Group', 'Metric', 'Value', 'Bound', 'Interval', 'n', 'Message'];
  const rows = sortFindings(findings).map((finding) => {
    const waiver = waiverLine(finding);
    const cells = [
      `<td class="status ${finding.status}">${statusLabel[finding.status]}</td>`,
      `<td>${html(finding.ruleId)}</td>`,
      `<td>${html(findingScope(finding))}</td>`,
      `<td>${html(finding.metric ?? '')}</td>`,
      `<td class="num">${finding.value === undefined ? '' : html(formatValue(finding.value))}</td>`,
      `<td class="num">${html(formatBound(finding.bound))}</td>`,
      `<td class="num">${html(formatInterval(finding.interval))}</td>`,
      `<td class="num">${finding.n === undefined ? '' : groupThousands(finding.n)}</td>`,
      `<td class="message">${html(finding.message)}${waiver === undefined ? '' : `<br><span class="waiver">${html(waiver)}</span>`}</td>`,
    ];
    return `<tr>${cells.join('')}</tr>`;
  });
  return [
    '<div class="scroll"><table>',
    `<thead><tr>${header.map((label) => `<th scope="col">${label}</th>`).join('')}</tr></thead>`,
    `<tbody>\n${rows.join('\n')}\n</tbody>`,
    '</table></div>',
  ].join('\n');
}

function disparities(verdict: Verdict): string[] {
  const views = disparityViews(verdict.metrics, verdict.findings);
  if (views.length === 0) return [];
  return [
    '<section aria-labelledby="disparities">',
    '<h2 id="disparities">Disparities</h2>',
    ...views.map((view, index) => disparitySection(view, index)),
    '</section>',
  ];
}

function groupTables(section: MetricsSection): string {
  const metrics = keyMetrics(section);
  return groupingTables(section, true)
    .map((table) => {
      const header = ['Group', 'n', ...metrics.map((metric) => metric.label)];
      const rows = [section.overall, ...table.slices].map((slice) => {
        const cells = metrics.map((metric) => {
          const value = slice.metrics[metric.name];
          const text = metric.percent ? formatPercent(value?.value) : formatValue(value?.value);
          const interval = value?.interval === undefined ? '' : ` title="${html(formatInterval(value.interval))}"`;
          return `<td class="num"${interval}>${html(text)}</td>`;
        });
        return `<tr><th scope="row">${html(slice.key)}</th><td class="num">${groupThousands(slice.rows)}</td>${cells.join('')}</tr>`;
      });
      return [
        `<h3>${html(table.grouping === '' ? 'Overall' : `By ${table.grouping}`)}</h3>`,
        '<table>',
        `<thead><tr>${header.map((label) => `<th scope="col">${html(label)}</th>`).join('')}</tr></thead>`,
        `<tbody>\n${rows.join('\n')}\n</tbody>`,
        '</table>',
      ].join('\n');
    })
    .join('\n');
}
