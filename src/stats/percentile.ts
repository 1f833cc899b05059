/**
 * The q-quantile of sorted values by linear interpolation between closest ranks (Hyndman & Fan type 7, numpy's
 * default): position q·(m − 1).
 */
export function quantileSorted(sorted: Float64Array, q: number): number {
  const m = sorted.length;
  if (m === 0) return Number.NaN;
  const position = q * (m - 1);
  const below = Math.floor(position);
  const above = Math.min(m - 1, below + 1);
  const low = sorted[below] ?? Number.NaN;
  const high = sorted[above] ?? Number.NaN;
  return low + (high - low) * (position - below);
}
