import type { Bound, Interval } from '../../core/index.ts';

export type Side = 'below' | 'above';

/**
 * Which side of the bound a value lies on, or undefined when it is within. With `fail_on: interval` a bound is
 * crossed only when the whole interval lies beyond it (high < min, or low > max): the data must show the breach, not
 * merely allow it. Without an interval the point decides in both modes.
 */
export function beyond(value: number, interval: Interval | undefined, bound: Bound, failOn: 'point' | 'interval'): Side | undefined {
  const low = failOn === 'interval' && interval !== undefined ? interval.high : value;
  const high = failOn === 'interval' && interval !== undefined ? interval.low : value;
  if (bound.min !== undefined && low < bound.min) return 'below';
  if (bound.max !== undefined && high > bound.max) return 'above';
  return undefined;
}

/** `within the allowed range 0.8–1.25`, `below the minimum 0.6`: how a value relates to its bound, in words. */
export function boundPhrase(bound: Bound, side: Side | undefined, rangeName = 'allowed range'): string {
  const { min, max } = bound;
  const range = min !== undefined && max !== undefined ? `the ${rangeName} ${fmt(min)}–${fmt(max)}` : undefined;
  if (side === 'below') return range === undefined ? `below the minimum ${fmt(min ?? Number.NaN)}` : `below ${range}`;
  if (side === 'above') return range === undefined ? `above the maximum ${fmt(max ?? Number.NaN)}` : `above ${range}`;
  if (range !== undefined) return `within ${range}`;
  return min !== undefined ? `meeting the minimum ${fmt(min)}` : `within the maximum ${fmt(max ?? Number.NaN)}`;
}

/** Numbers in messages: three significant digits below 100, one decimal above; exact numbers stay in the data. */
export function fmt(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 100) return String(Math.round(value * 10) / 10);
  return String(Number(value.toPrecision(3)));
}

/** ` (95% CI 0.52–0.61)`, or nothing. */
export function intervalText(interval: Interval | undefined): string {
  if (interval === undefined) return '';
  return ` (${fmt(interval.level * 100)}% CI ${fmt(interval.low)}–${fmt(interval.high)})`;
}

/** `selection_rate` → `selection rate`; `explain.flip_rate` → `flip rate`. */
export function humanName(metric: string): string {
  return metric.replace(/^explain\./, '').replaceAll('_', ' ');
}
