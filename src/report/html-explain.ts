import type { ExplainSection, ExplainSlice } from '../core/index.ts';
import { explainLines } from './explain-view.ts';
import { formatInterval, formatPercent, formatValue, groupThousands } from './format-number.ts';
import { coordinate as c, html } from './html-text.ts';

const width = 640;
const labelRight = 150;
const plotLeft = 160;
const plotRight = 560;
const top = 10;
const rowHeight = 20;
const axisHeight = 26;

/**
 * The explainability section of the HTML report: the summary lines, one inline-SVG bar chart of each feature's
 * share of attribution per slice (overall, then each group, so a feature the model leans on for one group shows at
 * a glance), and tables of the proxy associations and flip rates. Same style as html-chart.ts: no script, no
 * external reference, a <title> per chart and a table with the same numbers.
 */
export function explainSection(explain: ExplainSection): string {
  const parts = [
    '<section aria-labelledby="explain">',
    '<h2 id="explain">Explainability</h2>',
    `<dl class="meta">${explainLines(explain).map((line) => `<dt>${html(line.label)}</dt><dd>${html(line.text)}</dd>`).join('')}</dl>`,
  ];
  const a = explain.attributions;
  if (a !== undefined) {
    parts.push('<h3>Feature importance by group</h3>');
    [a.overall, ...a.groups].forEach((slice, index) => parts.push(importanceFigure(slice, index)));
  }
  if (explain.associations.length > 0) parts.push('<h3>Proxy associations</h3>', associationTable(explain));
  if (explain.flips !== undefined) parts.push('<h3>Counterfactual flips</h3>', flipTable(explain));
  parts.push('</section>');
  return parts.join('\n');
}

function importanceFigure(slice: ExplainSlice, index: number): string {
  const id = `importance-${index}`;
  const title = `importance of features for ${slice.key}`;
  const height = top + slice.features.length * rowHeight + axisHeight;
  const axisY = top + slice.features.length * rowHeight;
  const x = (share: number): number => plotLeft + share * (plotRight - plotLeft);
  const svg = [
    `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}-title">`,
    `<title id="${id}-title">${html(title)}</title>`,
  ];
  for (let tick = 0; tick <= 4; tick++) {
    const at = c(x(tick / 4));
    svg.push(`<line class="axis" x1="${at}" y1="${top - 4}" x2="${at}" y2="${axisY}"/>`, `<text class="tick" x="${at}" y="${axisY + 16}" text-anchor="middle">${tick * 25}%</text>`);
  }
  slice.features.forEach((feature, row) => {
    const y = top + row * rowHeight;
    svg.push(
      `<text x="${labelRight}" y="${c(y + 14)}" text-anchor="end">${html(feature.feature)}</text>`,
      `<rect class="bar" x="${plotLeft}" y="${c(y + 4)}" width="${c(x(feature.share) - plotLeft)}" height="${rowHeight - 8}"/>`,
      `<text class="tick" x="${c(x(feature.share) + 4)}" y="${c(y + 14)}">${html(formatPercent(feature.share))}</text>`,
    );
  });
  svg.push('</svg>');
  const caption = `${slice.key}: share of total |attribution| per feature · ${groupThousands(slice.usable)} of ${groupThousands(slice.rows)} rows explained`;
  return `<figure>${svg.join('\n')}<figcaption>${html(caption)}</figcaption></figure>`;
}

function associationTable(explain: ExplainSection): string {
  const header = ['Feature', 'Sensitive', 'n', "Cramér's V", 'V (corrected)', 'η', 'NMI', 'Importance rank', 'Proxy'];
  const rows = [...explain.associations]
    .sort((x, y) => (y.cramersV ?? 0) - (x.cramersV ?? 0))
    .map((x) => {
      const numbers = [groupThousands(x.n), formatValue(x.cramersV), formatValue(x.cramersVCorrected), formatValue(x.correlationRatio), formatValue(x.normalizedMutualInformation), x.importanceRank === null ? '—' : String(x.importanceRank)];
      return `<tr><th scope="row">${html(x.feature)}</th><td>${html(x.sensitive)}</td>${numbers.map((n) => `<td class="num">${html(n)}</td>`).join('')}<td>${explain.proxies.includes(x.feature) ? 'yes' : ''}</td></tr>`;
    });
  return table(header, rows);
}

function flipTable(explain: ExplainSection): string {
  const header = ['Group', 'Rows tested', 'Flipped', 'Flip rate', 'Interval', 'Swapped'];
  const rows = (explain.flips?.tests ?? []).flatMap((test) =>
    test.groups.map((g) => {
      const cells = [groupThousands(g.rows), groupThousands(g.flipped), formatPercent(g.rate), formatInterval(g.interval)];
      return `<tr><th scope="row">${html(`${test.sensitive}=${g.value}`)}</th>${cells.map((n) => `<td class="num">${html(n)}</td>`).join('')}<td>${html([test.sensitive, ...test.proxies].join(', '))}</td></tr>`;
    }),
  );
  return table(header, rows);
}

function table(header: readonly string[], rows: readonly string[]): string {
  return [
    '<div class="scroll"><table>',
    `<thead><tr>${header.map((label) => `<th scope="col">${html(label)}</th>`).join('')}</tr></thead>`,
    `<tbody>\n${rows.join('\n')}\n</tbody>`,
    '</table></div>',
  ].join('\n');
}
