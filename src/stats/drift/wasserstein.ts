import { bucketSteps, exactSteps, walkSteps, type Steps } from './ecdf.ts';
import { populationSd } from './moments.ts';
import type { NumericProfile } from './numeric-profile.ts';

export interface WassersteinResult {
  /** W1 / sd_ref (see below). */
  readonly value: number;
  /** W1 itself, in the column's units. */
  readonly distance: number;
  /** Population standard deviation of the reference (ddof 0). */
  readonly referenceSd: number;
  readonly exact: boolean;
  /** |value − the raw-value value| ≤ errorBound; 0 when exact. */
  readonly errorBound: number;
}

/**
 * Wasserstein-1 (earth mover's) distance between the two empirical distributions of the finite values,
 *   W1 = ∫ |F_ref(x) − F_cur(x)| dx,
 * normalised by the reference's population standard deviation: value = W1 / sd_ref, so it reads "how many reference
 * standard deviations the mass moved" and is unit-free. Ideal value 0. When sd_ref = 0 the value is 0 if W1 = 0 and
 * +∞ otherwise (any movement away from a constant reference is infinitely many of its sds). From raw values when both
 * profiles are exact; otherwise every value is moved to its fine bucket's midpoint, which moves each by at most half
 * the bucket width, so |W1 − W1_binned| ≤ Σ_b (width_b / 2)(p_b + q_b) — reported (divided by sd_ref) as errorBound.
 * NaN when either side has no value. Agrees with scipy.stats.wasserstein_distance(u, v) / numpy.std(u).
 */
export function wasserstein(reference: NumericProfile, current: NumericProfile): WassersteinResult {
  const sd = populationSd(reference.moments);
  const rawA = exactSteps(reference);
  const rawB = exactSteps(current);
  const exact = rawA !== undefined && rawB !== undefined;
  if (reference.count === 0 || current.count === 0) return { value: Number.NaN, distance: Number.NaN, referenceSd: sd, exact, errorBound: 0 };
  let errorBound = 0;
  let a: Steps;
  let b: Steps;
  if (exact) {
    a = rawA;
    b = rawB;
  } else {
    const ba = bucketSteps(reference);
    const bb = bucketSteps(current);
    errorBound = halfWidthMass(ba.widths, ba.counts, ba.total) + halfWidthMass(bb.widths, bb.counts, bb.total);
    a = ba;
    b = bb;
  }
  let distance = 0;
  walkSteps(a, b, (x, next, fa, fb) => {
    if (!Number.isNaN(next)) distance += Math.abs(fa - fb) * (next - x);
  });
  return { value: normalise(distance, sd), distance, referenceSd: sd, exact, errorBound: exact ? 0 : normalise(errorBound, sd) };
}

function normalise(distance: number, sd: number): number {
  if (sd > 0) return distance / sd;
  return distance === 0 ? 0 : Number.POSITIVE_INFINITY;
}

function halfWidthMass(widths: Float64Array, counts: Float64Array, total: number): number {
  let sum = 0;
  for (let i = 0; i < widths.length; i++) sum += ((widths[i] as number) / 2) * ((counts[i] as number) / total);
  return sum;
}
