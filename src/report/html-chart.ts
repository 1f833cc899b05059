import type { Interval } from '../core/index.ts';
import { formatValue } from './format-number.ts';
import { coordinate as c, html } from './html-text.ts';

/** One dot with error bars: a group's rate, or a disparity's value. */
export interface ChartRow {
  readonly label: string;
  readonly value: number | null;
  readonly interval?: Interval;
  /** Drawn grey: a group left out of the disparity for being smaller than min_group_size. */
  readonly muted: boolean;
  /** 0 or 1: the colour of the row, for charts of two metrics (equalized odds: TPR and FPR). */
  readonly series: number;
}

/** A vertical reference line: the policy's bound, or the value meaning "no disparity". */
export interface ReferenceLine {
  readonly value: number;
  readonly kind: 'bound' | 'ideal';
  readonly label: string;
}

const width = 640;
const labelRight = 220;
const plotLeft = 232;
const plotRight = 610;
const top = 38;
const rowHeight = 24;
const axisHeight = 28;

/** Shares stay on [0, 1]; anything else gets the data range with a 5% margin. */
function domain(rows: readonly ChartRow[], lines: readonly ReferenceLine[]): [number, number] {
  const values: number[] = lines.map((line) => line.value);
  for (const row of rows) {
    if (row.value !== null) values.push(row.value);
    if (row.interval !== undefined) values.push(row.interval.low, row.interval.high);
  }
  if (values.length === 0) return [0, 1];
  const low = Math.min(...values);
  const high = Math.max(...values);
  if (low >= 0 && high <= 1) return [0, 1];
  const margin = (high - low || 1) * 0.05;
  return [low - margin, high + margin];
}

/**
 * A dot-and-whisker chart as inline SVG (no script, no external reference): one row per entry with its point
 * estimate and confidence interval, vertical lines for bounds and ideal values, an x axis with five ticks. The
 * title names the chart for screen readers; the report puts a table with the same numbers next to it.
 */
export function intervalChart(id: string, title: string, rows: readonly ChartRow[], lines: readonly ReferenceLine[]): string {
  const [low, high] = domain(rows, lines);
  const x = (value: number): number => plotLeft + ((value - low) / (high - low)) * (plotRight - plotLeft);
  const height = top + rows.length * rowHeight + axisHeight;
  const axisY = top + rows.length * rowHeight;
  const parts: string[] = [
    `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}-title">`,
    `<title id="${id}-title">${html(title)}</title>`,
  ];
  for (let tick = 0; tick <= 4; tick++) {
    const value = low + ((high - low) * tick) / 4;
    parts.push(
      `<line class="axis" x1="${c(x(value))}" y1="${top - 4}" x2="${c(x(value))}" y2="${axisY}"/>`,
      `<text class="tick" x="${c(x(value))}" y="${axisY + 16}" text-anchor="middle">${html(formatValue(value))}</text>`,
    );
  }
  rows.forEach((row, index) => parts.push(drawRow(row, top + index * rowHeight + rowHeight / 2, x)));
  lines.forEach((line, index) => {
    const at = c(x(line.value));
    parts.push(
      `<line class="${line.kind}" x1="${at}" y1="${top - 6}" x2="${at}" y2="${axisY}"/>`,
      `<text class="${line.kind}-label" x="${at}" y="${12 + (index % 2) * 12}" text-anchor="middle">${html(line.label)}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('\n');
}

function drawRow(row: ChartRow, y: number, x: (value: number) => number): string {
  const classes = [`series-${row.series}`, ...(row.muted ? ['excluded'] : [])].join(' ');
  const parts = [`<g class="${classes}">`, `<text x="${labelRight}" y="${c(y + 4)}" text-anchor="end">${html(row.label)}</text>`];
  if (row.interval !== undefined) {
    const [left, right] = [c(x(row.interval.low)), c(x(row.interval.high))];
    parts.push(
      `<line class="whisker" x1="${left}" y1="${c(y)}" x2="${right}" y2="${c(y)}"/>`,
      `<line class="whisker" x1="${left}" y1="${c(y - 5)}" x2="${left}" y2="${c(y + 5)}"/>`,
      `<line class="whisker" x1="${right}" y1="${c(y - 5)}" x2="${right}" y2="${c(y + 5)}"/>`,
    );
  }
  if (row.value === null) parts.push(`<text class="tick" x="${plotLeft + 4}" y="${c(y + 4)}">n/a</text>`);
  else parts.push(`<circle class="point" cx="${c(x(row.value))}" cy="${c(y)}" r="4"/>`);
  parts.push('</g>');
  return parts.join('');
}
