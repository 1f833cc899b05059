import type { Interval } from '../core/index.ts';

/**
 * Wilson score interval for a proportion (Wilson 1927; Newcombe 1998, method 3):
 *   centre = (p̂ + z²/2n) / (1 + z²/n),   half-width = z/(1 + z²/n) · √(p̂(1 − p̂)/n + z²/4n²).
 * `n` is the UNWEIGHTED count of the denominator rows, as the brief for Steward asks: with a weight column the point
 * estimate p̂ is the weighted proportion and the interval is the Wilson interval around it for n rows (no design
 * effect is applied — an approximation, documented in the report). No interval when n = 0.
 */
export function wilsonInterval(proportion: number, n: number, z: number, level: number): Interval | undefined {
  if (!(n > 0) || !Number.isFinite(proportion)) return undefined;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (proportion + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt(Math.max(0, (proportion * (1 - proportion)) / n + z2 / (4 * n * n)));
  return {
    // at p̂ = 0 (or 1) the bound is exactly 0 (or 1); say so instead of leaving a rounding residue
    low: proportion <= 0 ? 0 : Math.max(0, centre - half),
    high: proportion >= 1 ? 1 : Math.min(1, centre + half),
    level,
    method: 'wilson',
  };
}

/** A symmetric normal-approximation interval estimate ± z·se, optionally clipped to [lo, hi]. */
export function normalInterval(
  estimate: number,
  standardError: number,
  z: number,
  level: number,
  clip: { readonly low?: number; readonly high?: number } = {},
): Interval | undefined {
  if (!Number.isFinite(estimate) || !Number.isFinite(standardError) || standardError < 0) return undefined;
  let low = estimate - z * standardError;
  let high = estimate + z * standardError;
  if (clip.low !== undefined) low = Math.max(clip.low, low);
  if (clip.high !== undefined) high = Math.min(clip.high, high);
  return { low, high, level, method: 'normal' };
}
