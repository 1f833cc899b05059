/**
 * Count, mean, M2 = Σ (x − mean)², min and max of the finite values of a column, mergeable by Chan, Golub & LeVeque's
 * pairwise update (1979): for parts A and B, δ = mean_B − mean_A, n = n_A + n_B,
 *   mean = mean_A + δ·n_B/n,   M2 = M2_A + M2_B + δ²·n_A·n_B/n.
 * A batch is summarised by two passes over the batch alone (its mean, then its M2) and merged in: the cost is
 * proportional to the batch, and the result does not depend on how rows were split into batches beyond rounding.
 */
export interface Moments {
  count: number;
  mean: number;
  m2: number;
  min: number;
  max: number;
}

export function emptyMoments(): Moments {
  return { count: 0, mean: 0, m2: 0, min: Number.POSITIVE_INFINITY, max: Number.NEGATIVE_INFINITY };
}

/** Chan's merge of `part` into `into`. */
export function mergeMoments(into: Moments, part: Moments): void {
  if (part.count === 0) return;
  if (into.count === 0) {
    Object.assign(into, part);
    return;
  }
  const n = into.count + part.count;
  const delta = part.mean - into.mean;
  into.mean += (delta * part.count) / n;
  into.m2 += part.m2 + (delta * delta * into.count * part.count) / n;
  into.count = n;
  into.min = Math.min(into.min, part.min);
  into.max = Math.max(into.max, part.max);
}

/** The moments of the finite values of `values` (NaN and ±Infinity are skipped: they are counted as missing). */
export function batchMoments(values: Float64Array): Moments {
  let count = 0;
  let sum = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const x = values[i] as number;
    if (x - x !== 0) continue; // NaN or ±Infinity
    count++;
    sum += x;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  if (count === 0) return emptyMoments();
  const mean = sum / count;
  let m2 = 0;
  for (let i = 0; i < values.length; i++) {
    const d = (values[i] as number) - mean;
    if (d - d === 0) m2 += d * d;
  }
  return { count, mean, m2, min, max };
}

/** Population standard deviation √(M2/n) (numpy's default ddof = 0); NaN when n = 0. */
export function populationSd(moments: Moments): number {
  return moments.count === 0 ? Number.NaN : Math.sqrt(moments.m2 / moments.count);
}
