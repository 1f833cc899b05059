import { bucketSteps, exactSteps, walkSteps, type Steps } from './ecdf.ts';
import { ksAsymptoticPValue, ksExactPValue } from './ks-distribution.ts';
import type { NumericProfile } from './numeric-profile.ts';

/** The exact null distribution is used while n·m is at most this (O(n·m) work, a few milliseconds). */
export const KS_EXACT_CELLS = 1_000_000;

export interface KsResult {
  /** D = sup_x |F(x) − G(x)|. */
  readonly statistic: number;
  readonly pValue: number;
  /** 'exact' null distribution (small samples) or 'asymptotic' (Kolmogorov with Stephens' correction). */
  readonly method: 'exact' | 'asymptotic';
  /** True when D was computed from the raw values of both samples; false when from the fine histograms. */
  readonly exact: boolean;
  /** D is within [statistic, statistic + errorBound] of the raw-value D; 0 when exact. */
  readonly errorBound: number;
  readonly n: number;
  readonly m: number;
}

/**
 * Two-sample Kolmogorov–Smirnov test, two-sided: D = sup_x |F_ref(x) − F_cur(x)| over the empirical CDFs of the
 * finite values (missing left out). Ties are handled by evaluating both CDFs after all values equal to x. Ideal value
 * 0. When both profiles still hold their raw values D is exact; otherwise both are read from the fine histograms at
 * bucket ends, which can only miss a jump inside a bucket, so the true D lies in [D, D + max bucket share].
 * p-value: exact null distribution (ks-distribution.ts) when D is exact and n·m ≤ KS_EXACT_CELLS, asymptotic
 * otherwise. NaN statistic and p-value when either side has no value.
 */
export function kolmogorovSmirnov(reference: NumericProfile, current: NumericProfile): KsResult {
  const n = reference.count;
  const m = current.count;
  const rawA = exactSteps(reference);
  const rawB = exactSteps(current);
  const exact = rawA !== undefined && rawB !== undefined;
  if (n === 0 || m === 0) return { statistic: Number.NaN, pValue: Number.NaN, method: 'asymptotic', exact, errorBound: 0, n, m };
  const a: Steps = exact ? rawA : bucketSteps(reference);
  const b: Steps = exact ? rawB : bucketSteps(current);
  let statistic = 0;
  walkSteps(a, b, (_x, _next, fa, fb) => {
    const gap = Math.abs(fa - fb);
    if (gap > statistic) statistic = gap;
  });
  const errorBound = exact ? 0 : Math.max(maxShare(a), maxShare(b));
  if (exact && n * m <= KS_EXACT_CELLS) {
    return { statistic, pValue: ksExactPValue(n, m, Math.round(statistic * n * m)), method: 'exact', exact, errorBound, n, m };
  }
  return { statistic, pValue: ksAsymptoticPValue(n, m, statistic), method: 'asymptotic', exact, errorBound, n, m };
}

function maxShare(steps: Steps): number {
  let most = 0;
  for (const count of steps.counts) if (count > most) most = count;
  return most / steps.total;
}
