import { alignCategorical, type AlignOptions } from './aligned-counts.ts';
import type { CategoricalProfile } from './categorical-profile.ts';
import { chiSquareSurvival } from './gamma.ts';

export interface NewCategory {
  readonly category: string;
  readonly count: number;
}

export interface ChiSquareResult {
  readonly statistic: number;
  readonly df: number;
  readonly pValue: number;
  /** The smallest expected count of the 2 × K table (the usual validity rule asks ≥ 5). */
  readonly minExpected: number;
  /** Categories of the current profile that the reference never saw, with their current counts. */
  readonly newCategories: readonly NewCategory[];
  /** True when the reference aggregated some categories as `(other)`: a "new" category may have been among them. */
  readonly referenceOverflowed: boolean;
}

/**
 * Pearson's chi-square test of homogeneity on the 2 × K table (reference, current) × categories, over the categories
 * that occur on either side (new categories included: their reference cell is 0 but its expected count is not):
 *   E_sk = R_s · C_k / N,   χ² = Σ_sk (O_sk − E_sk)² / E_sk,   df = K − 1,   p = Q((K − 1)/2, χ²/2),
 * without Yates' continuity correction (scipy.stats.chi2_contingency(table, correction=False)). Ideal value 0 (the
 * same shares). K = 1 gives χ² = 0, df = 0, p = 1; NaN when either side has no counted value. Categories unseen in
 * the reference are also listed in `newCategories`, a finding of their own.
 */
export function chiSquareHomogeneity(reference: CategoricalProfile, current: CategoricalProfile, options: AlignOptions = {}): ChiSquareResult {
  const counts = alignCategorical(reference, current, options);
  const newCategories: NewCategory[] = [];
  counts.labels.forEach((category, k) => {
    const count = counts.current[k] as number;
    if ((counts.reference[k] as number) === 0 && count > 0) newCategories.push({ category, count });
  });
  const base = { newCategories, referenceOverflowed: reference.overflowed };
  const r = sum(counts.reference);
  const c = sum(counts.current);
  if (r === 0 || c === 0) return { statistic: Number.NaN, df: 0, pValue: Number.NaN, minExpected: 0, ...base };
  const total = r + c;
  let statistic = 0;
  let minExpected = Number.POSITIVE_INFINITY;
  let k = 0;
  for (let i = 0; i < counts.labels.length; i++) {
    const column = (counts.reference[i] as number) + (counts.current[i] as number);
    if (column === 0) continue;
    k++;
    for (const [observed, side] of [[counts.reference[i] as number, r], [counts.current[i] as number, c]] as const) {
      const expected = (side * column) / total;
      minExpected = Math.min(minExpected, expected);
      statistic += ((observed - expected) * (observed - expected)) / expected;
    }
  }
  const df = k - 1;
  return { statistic: df === 0 ? 0 : statistic, df, pValue: chiSquareSurvival(statistic, df), minExpected, ...base };
}

function sum(values: Float64Array): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}
