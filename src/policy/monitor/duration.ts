import { fail } from '../../core/index.ts';

const unitMs: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `30m`, `1h`, `2d` → milliseconds (the schema already checked the form; anything else is a located error). */
export function parseDuration(text: string): number {
  const match = /^(\d+)(ms|s|m|h|d)$/.exec(text);
  const unit = match?.[2];
  if (match === null || unit === undefined) return fail('MONITOR_INVALID_FIELD', `"${text}" is not a duration`, { expected: 'a duration such as 30m, 1h, 1d' });
  return Number(match[1]) * (unitMs[unit] ?? 1);
}
