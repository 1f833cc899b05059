import { formatBound, formatCount, formatInterval, formatValue } from './format-number.ts';
import { intervalChart, type ChartRow, type ReferenceLine } from './html-chart.ts';
import { anchor, html } from './html-text.ts';
import type { DisparityView } from './disparity-view.ts';

/**
 * One disparity: a chart of the compared metric per group (point, confidence interval, n), a strip with the
 * disparity's own value and interval against the policy bound and the ideal, and a table with the same numbers for
 * readers who cannot see the charts.
 */
export function disparitySection(view: DisparityView, index: number): string {
  const { disparity, components, groups } = view;
  const id = anchor('disparity', index);
  const excluded = new Set(disparity.excluded);
  const rows: ChartRow[] = components.flatMap((metric, series) =>
    groups.map((group) => {
      const value = group.metrics[metric];
      const label = `${components.length > 1 ? `${metric} · ` : ''}${group.key} (${formatCount(value?.n ?? group.rows)})`;
      return {
        label,
        value: value?.value ?? null,
        ...(value?.interval === undefined ? {} : { interval: value.interval }),
        muted: excluded.has(group.key),
        series: series % 2,
      };
    }),
  );
  const lines: ReferenceLine[] = [{ value: disparity.ideal, kind: 'ideal', label: `ideal ${formatValue(disparity.ideal)}` }];
  for (const bound of view.bounds) {
    if (bound.min !== undefined) lines.push({ value: bound.min, kind: 'bound', label: `min ${formatValue(bound.min)}` });
    if (bound.max !== undefined) lines.push({ value: bound.max, kind: 'bound', label: `max ${formatValue(bound.max)}` });
  }
  const strip: ChartRow = {
    label: disparity.metric,
    value: disparity.value,
    ...(disparity.interval === undefined ? {} : { interval: disparity.interval }),
    muted: false,
    series: 0,
  };
  const grouping = disparity.grouping.join('&');
  const bounds = view.bounds.map(formatBound).filter((text) => text !== '');
  return [
    `<h3 id="${id}">${html(`${disparity.metric} by ${grouping}`)}</h3>`,
    `<p>${html(`${formatValue(disparity.value)} ${formatInterval(disparity.interval)}`)}${bounds.length > 0 ? html(` — policy: ${bounds.join(', ')}`) : ''}` +
      `<br><small>${html(disparity.formula)}${disparity.aggregation === 'to_overall' ? ' (each group against overall)' : ''}</small></p>`,
    '<figure>',
    rows.length > 0 ? intervalChart(`${id}-groups`, `${components.join(' and ')} by ${grouping}, with confidence intervals`, rows, []) : '',
    intervalChart(`${id}-value`, `${disparity.metric} with its confidence interval against the policy bound`, [strip], lines),
    `<figcaption>${html(figureCaption(view))}</figcaption>`,
    '</figure>',
    groupTable(view, rows),
  ].join('\n');
}

function figureCaption(view: DisparityView): string {
  const parts = ['Dots are point estimates, whiskers confidence intervals.'];
  if (view.disparity.excluded.length > 0) parts.push(`Grey: left out (below min group size): ${view.disparity.excluded.join(', ')}.`);
  if (view.disparity.extremes.length > 0) parts.push(`Computed from: ${view.disparity.extremes.join(', ')}.`);
  return parts.join(' ');
}

function groupTable(view: DisparityView, rows: readonly ChartRow[]): string {
  if (rows.length === 0) return '';
  const body = view.components.flatMap((metric) =>
    view.groups.map((group) => {
      const value = group.metrics[metric];
      const note = view.disparity.excluded.includes(group.key) ? 'excluded' : '';
      return (
        `<tr><td>${html(group.key)}</td><td>${html(metric)}</td><td class="num">${html(formatValue(value?.value))}</td>` +
        `<td class="num">${html(formatInterval(value?.interval))}</td><td class="num">${value?.n ?? group.rows}</td><td>${note}</td></tr>`
      );
    }),
  );
  return [
    '<table>',
    `<caption>${html(`${view.components.join(' and ')} by group (the numbers of the chart)`)}</caption>`,
    '<thead><tr><th scope="col">Group</th><th scope="col">Metric</th><th scope="col">Value</th><th scope="col">Interval</th><th scope="col">n</th><th scope="col">Note</th></tr></thead>',
    `<tbody>${body.join('\n')}</tbody>`,
    '</table>',
  ].join('\n');
}
