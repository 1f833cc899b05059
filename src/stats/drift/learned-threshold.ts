import { fail } from '../../core/index.ts';

export interface LearnedBounds {
  /** The statistic of each reference chunk against the whole reference. */
  readonly values: readonly number[];
  readonly mean: number;
  /** Sample standard deviation (n − 1) of `values`. */
  readonly sd: number;
  /** mean − k·sd and mean + k·sd: a window's statistic outside [low, high] is unusual for this reference. */
  readonly low: number;
  readonly high: number;
  readonly k: number;
}

/**
 * Thresholds learned from the reference itself: the caller splits the reference stream into chunks (e.g. one
 * profile per day of the reference period), and for each chunk computes `statistic(reference, chunk)`; the bounds are
 * mean ± k·σ of those values (σ with n − 1, k = 3 by default). This measures how much the statistic moves between
 * samples that are NOT drifted, so the alert fires only beyond the reference's own noise. Needs at least two chunks.
 */
export function learnThreshold<P>(reference: P, chunks: readonly P[], statistic: (reference: P, chunk: P) => number, k = 3): LearnedBounds {
  return boundsOf(
    chunks.map((chunk) => statistic(reference, chunk)),
    k,
  );
}

/** mean ± k·sd of statistic values computed elsewhere (NaN values are rejected: they mean a chunk was empty). */
export function boundsOf(values: readonly number[], k = 3): LearnedBounds {
  if (!(k >= 0 && Number.isFinite(k))) fail('STATS_INVALID_OPTION', `k is ${k}`, { location: { path: 'k' }, expected: 'a finite number ≥ 0' });
  if (values.length < 2) fail('STATS_INVALID_OPTION', `${values.length} reference chunk(s) given`, { location: { path: 'chunks' }, expected: 'at least 2 chunks of the reference' });
  const bad = values.findIndex((value) => !Number.isFinite(value));
  if (bad >= 0) fail('STATS_INVALID_OPTION', `reference chunk ${bad} gives the statistic ${values[bad]}`, { location: { path: `chunks[${bad}]` }, expected: 'a chunk with values on both sides' });
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const sd = Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (values.length - 1));
  return { values, mean, sd, low: mean - k * sd, high: mean + k * sd, k };
}
