import { fail } from '../../core/index.ts';
import { bucketUpper } from './fine-buckets.ts';
import type { NumericProfile } from './numeric-profile.ts';

/** PSI and the numeric Jensen–Shannon distance use this many reference-quantile bins unless told otherwise. */
export const DEFAULT_BINS = 10;

/**
 * Bins fixed on the reference quantiles. Edge i (i = 1 … B − 1) is the fine bucket (fine-buckets.ts) holding the
 * reference value of rank ⌈i·n/B⌉ (the inverse empirical CDF at i/B); equal edges are merged, so heavy ties give
 * fewer bins. Bin j holds the values whose bucket key k satisfies key_{j−1} < k ≤ key_j (key_0 = −∞, key_B = +∞), so
 * values below the reference minimum fall in the first bin and values above its maximum in the last. Because edges
 * are bucket boundaries, any profile is binned EXACTLY from its fine histogram, and the edges are the reference
 * quantiles to within one bucket (relative 2^-10). The same edges come out whether the reference is exact or not.
 */
export interface ReferenceBins {
  /** Edge bucket keys, ascending and distinct. */
  readonly keys: Int32Array;
  /** The edges as values: the upper end of each edge's bucket (a bin holds values up to about its edge). */
  readonly edges: readonly number[];
}

export function referenceBins(reference: NumericProfile, bins: number = DEFAULT_BINS): ReferenceBins {
  if (!Number.isInteger(bins) || bins < 2) fail('STATS_INVALID_OPTION', `bins is ${bins}`, { location: { path: 'bins' }, expected: 'an integer ≥ 2' });
  const n = reference.count;
  const keys: number[] = [];
  if (n > 0) {
    let edge = 1;
    let rank = Math.ceil(n / bins);
    let seen = 0;
    reference.histogram.forEach((key, count) => {
      seen += count;
      while (edge < bins && seen >= rank) {
        if (keys[keys.length - 1] !== key) keys.push(key);
        edge++;
        rank = Math.ceil((edge * n) / bins);
      }
    });
  }
  return { keys: Int32Array.from(keys), edges: keys.map(bucketUpper) };
}

/** Counts of `profile` per bin of `bins` (length = edges + 1), summed from its fine histogram: O(buckets). */
export function binCounts(profile: NumericProfile, bins: ReferenceBins): Float64Array {
  const edges = bins.keys;
  const counts = new Float64Array(edges.length + 1);
  let bin = 0;
  profile.histogram.forEach((key, count) => {
    while (bin < edges.length && key > (edges[bin] as number)) bin++;
    counts[bin] = (counts[bin] as number) + count;
  });
  return counts;
}
