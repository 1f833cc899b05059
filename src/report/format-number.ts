import type { Bound, Interval } from '../core/index.ts';

/**
 * Number formatting shared by every human-facing report, so the terminal, the job summary and the HTML page show
 * the same digits. The JSON report never goes through here: it carries full precision.
 */

/** `n/a` for null or undefined (a metric undefined for the slice); integers as they are; otherwise 3 decimals. */
export function formatValue(value: number | null | undefined): string {
  if (value === null || value === undefined) return 'n/a';
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude < 0.001) return value.toExponential(2);
  if (magnitude >= 1000) return value.toFixed(0);
  if (magnitude >= 100) return value.toFixed(1);
  return value.toFixed(3);
}

/** A share as a percentage with one decimal, `71.2%`; `n/a` when undefined. */
export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'n/a';
  return `${(value * 100).toFixed(1)}%`;
}

/** `95% CI [0.655, 0.838] bootstrap`; empty when there is no interval. */
export function formatInterval(interval: Interval | undefined): string {
  if (interval === undefined) return '';
  return `${formatLevel(interval.level)} CI [${formatValue(interval.low)}, ${formatValue(interval.high)}] ${interval.method}`;
}

/** A confidence level as people say it: 0.95 → `95%`, 0.995 → `99.5%`. */
export function formatLevel(level: number): string {
  return `${Number((level * 100).toFixed(2))}%`;
}

/** `≥ 0.800`, `≤ 0.100`, `in [0.800, 1.250]`; empty when the rule has no numeric bound. */
export function formatBound(bound: Bound | undefined): string {
  if (bound === undefined) return '';
  const { min, max } = bound;
  if (min !== undefined && max !== undefined) return `in [${formatValue(min)}, ${formatValue(max)}]`;
  if (min !== undefined) return `≥ ${formatValue(min)}`;
  if (max !== undefined) return `≤ ${formatValue(max)}`;
  return '';
}

/** `n=1,960` with thousands separators fixed to commas (not the machine's locale), for deterministic output. */
export function formatCount(n: number | undefined): string {
  if (n === undefined) return '';
  return `n=${groupThousands(n)}`;
}

export function groupThousands(n: number): string {
  if (!Number.isInteger(n)) return formatValue(n);
  const sign = n < 0 ? '-' : '';
  return sign + String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
