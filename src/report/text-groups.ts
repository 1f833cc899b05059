import type { MetricsSection, SliceMetrics } from '../core/index.ts';
import { describeDisparity } from './finding-details.ts';
import { formatPercent, formatValue, groupThousands } from './format-number.ts';
import { groupingTables, keyMetrics, type KeyMetric } from './groups.ts';
import { padEnd, padStart, sanitizeTerminal as clean, truncate, wrap } from './terminal-text.ts';
import type { Colors } from './text.ts';

const numberWidth = 10;

/**
 * One compact table per single-column grouping (intersections are in the other formats): the overall row, then each
 * group with its size and key metrics, then the headline disparities of that grouping: demographic parity ratio,
 * equalized odds difference and whatever disparity a finding is about. The other formats list every disparity;
 * a terminal report stays readable in ten seconds.
 */
export function renderGroupTables(
  section: MetricsSection,
  colors: Colors,
  width: number,
  findingMetrics: ReadonlySet<string> = new Set(),
): string[] {
  const shown = new Set(['demographic_parity_ratio', 'equalized_odds_difference', ...findingMetrics]);
  const metrics = keyMetrics(section);
  const lines: string[] = [];
  for (const table of groupingTables(section, false)) {
    const labelWidth = Math.max(12, Math.min(32, width - 2 - (metrics.length + 1) * numberWidth));
    lines.push(colors.bold(table.grouping === '' ? 'Overall' : `Groups by ${clean(table.grouping)}`));
    const header = ['n', ...metrics.map((metric) => metric.label)].map((label) => padStart(label, numberWidth));
    lines.push(colors.dim(`  ${padEnd('group', labelWidth)}${header.join('')}`));
    for (const slice of [section.overall, ...table.slices]) lines.push(`  ${row(slice, metrics, labelWidth)}`);
    const disparities = section.disparities.filter(
      (item) => item.grouping.join('&') === table.grouping && item.aggregation === 'between_groups' && shown.has(item.metric),
    );
    for (const disparity of disparities) lines.push(...wrap(clean(describeDisparity(disparity)), width, '  ').map((line) => colors.dim(line)));
    lines.push('');
  }
  return lines;
}

function row(slice: SliceMetrics, metrics: readonly KeyMetric[], labelWidth: number): string {
  const label = padEnd(truncate(clean(slice.key), labelWidth - 1), labelWidth);
  const cells = metrics.map((metric) => {
    const value = slice.metrics[metric.name]?.value;
    return padStart(metric.percent ? formatPercent(value) : formatValue(value), numberWidth);
  });
  return label + padStart(groupThousands(slice.rows), numberWidth) + cells.join('');
}
