import { bucketMidpoint, bucketWidth } from './fine-buckets.ts';
import type { NumericProfile } from './numeric-profile.ts';

/** A sample as ascending distinct points with their counts: the steps of its empirical CDF. */
export interface Steps {
  readonly points: Float64Array;
  readonly counts: Float64Array;
  readonly total: number;
}

/** The exact steps of a profile's raw values (ties merged), or undefined once it is no longer exact. */
export function exactSteps(profile: NumericProfile): Steps | undefined {
  const sorted = profile.sortedValues();
  if (sorted === undefined) return undefined;
  const points: number[] = [];
  const counts: number[] = [];
  for (const x of sorted) {
    if (points.length > 0 && points[points.length - 1] === x) counts[counts.length - 1] = (counts[counts.length - 1] as number) + 1;
    else {
      points.push(x);
      counts.push(1);
    }
  }
  return { points: Float64Array.from(points), counts: Float64Array.from(counts), total: sorted.length };
}

/** The fine-histogram steps: one point per non-empty bucket at the bucket's midpoint, plus the bucket widths. */
export function bucketSteps(profile: NumericProfile): Steps & { readonly widths: Float64Array; readonly keys: Int32Array } {
  const { keys, counts } = profile.histogram.buckets();
  return {
    keys,
    points: Float64Array.from(keys, bucketMidpoint),
    widths: Float64Array.from(keys, bucketWidth),
    counts,
    total: profile.histogram.total,
  };
}

/**
 * Walks the union of two step sets in ascending order and calls `visit(x, next, F(x), G(x))` at every point x, where
 * F and G are the two empirical CDFs (right-continuous: F(x) = share of values ≤ x) and `next` is the following point
 * of the union (NaN after the last). Cost O(points of both).
 */
export function walkSteps(a: Steps, b: Steps, visit: (x: number, next: number, fa: number, fb: number) => void): void {
  let i = 0;
  let j = 0;
  let ca = 0;
  let cb = 0;
  const na = a.points.length;
  const nb = b.points.length;
  while (i < na || j < nb) {
    const xa = i < na ? (a.points[i] as number) : Number.POSITIVE_INFINITY;
    const xb = j < nb ? (b.points[j] as number) : Number.POSITIVE_INFINITY;
    const x = Math.min(xa, xb);
    if (xa === x) ca += a.counts[i++] as number;
    if (xb === x) cb += b.counts[j++] as number;
    const next = Math.min(i < na ? (a.points[i] as number) : Number.POSITIVE_INFINITY, j < nb ? (b.points[j] as number) : Number.POSITIVE_INFINITY);
    visit(x, next === Number.POSITIVE_INFINITY ? Number.NaN : next, ca / a.total, cb / b.total);
  }
}
