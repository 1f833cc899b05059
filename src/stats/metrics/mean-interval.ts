import type { MetricValue } from '../../core/index.ts';
import { normalInterval } from '../wilson.ts';

/**
 * A weighted mean Σw·x / Σw with a normal-approximation interval: se = √(s² / n), s² = (Σw·x²/Σw − mean²) · n/(n − 1)
 * with n the unweighted row count. No interval when n < 2; value null when Σw = 0.
 */
export function meanWithInterval(
  sum: number,
  sumSquares: number,
  weight: number,
  n: number,
  ci: { readonly z: number; readonly level: number },
  clip: { readonly low?: number; readonly high?: number },
): MetricValue {
  if (!(weight > 0)) return { value: null, n };
  const mean = sum / weight;
  if (n < 2) return { value: mean, n };
  const variance = Math.max(0, sumSquares / weight - mean * mean) * (n / (n - 1));
  const interval = normalInterval(mean, Math.sqrt(variance / n), ci.z, ci.level, clip);
  return interval === undefined ? { value: mean, n } : { value: mean, n, interval };
}
