import { alignCategorical } from './aligned-counts.ts';
import type { CategoricalProfile } from './categorical-profile.ts';
import type { NumericProfile } from './numeric-profile.ts';

export type DriftTest = 'ks' | 'psi' | 'wasserstein' | 'chi_square' | 'jensen_shannon';

/** The statistics chosen for one column and why, in words a report can show. */
export interface TestChoice {
  readonly tests: readonly DriftTest[];
  readonly reason: string;
}

/** Chi-square is trusted when every expected count of the 2 × K table is at least this (Cochran's rule). */
export const MIN_EXPECTED_COUNT = 5;

/**
 * Numeric columns: KS when both samples are small enough to be held raw (≤ the profiles' exact cap, 10,000 by
 * default), where it is exact and sensitive; otherwise PSI over the reference-quantile bins and the normalised
 * Wasserstein distance, which measure the size of a shift (with millions of rows KS flags shifts too small to matter).
 * Categorical columns: chi-square when every expected count is ≥ 5, else the Jensen–Shannon distance, which needs no
 * large-sample approximation. A side with no values gets no test.
 */
export function chooseTests(reference: NumericProfile | CategoricalProfile, current: NumericProfile | CategoricalProfile): TestChoice {
  if (reference.count === 0 || current.count === 0) {
    return { tests: [], reason: `no test: the ${reference.count === 0 ? 'reference' : 'current'} sample has no non-missing value` };
  }
  if (reference.kind === 'numeric' && current.kind === 'numeric') {
    if (reference.exact && current.exact) {
      return { tests: ['ks'], reason: `numeric, both samples small (${reference.count} and ${current.count} values, ≤ ${reference.exactCap}): exact Kolmogorov–Smirnov` };
    }
    return {
      tests: ['psi', 'wasserstein'],
      reason: `numeric, large samples (${reference.count} and ${current.count} values): PSI on reference-quantile bins and Wasserstein distance / reference sd`,
    };
  }
  if (reference.kind === 'categorical' && current.kind === 'categorical') {
    const minExpected = smallestExpected(reference, current);
    if (minExpected >= MIN_EXPECTED_COUNT) {
      return { tests: ['chi_square'], reason: `categorical, every expected count ≥ ${MIN_EXPECTED_COUNT} (smallest ${round(minExpected)}): chi-square test of homogeneity` };
    }
    return { tests: ['jensen_shannon'], reason: `categorical, an expected count below ${MIN_EXPECTED_COUNT} (smallest ${round(minExpected)}): Jensen–Shannon distance` };
  }
  throw new TypeError('chooseTests: the reference and current profiles are of different kinds');
}

function smallestExpected(reference: CategoricalProfile, current: CategoricalProfile): number {
  const counts = alignCategorical(reference, current);
  const total = reference.count + current.count;
  let smallest = Number.POSITIVE_INFINITY;
  for (let k = 0; k < counts.labels.length; k++) {
    const column = (counts.reference[k] as number) + (counts.current[k] as number);
    smallest = Math.min(smallest, (reference.count * column) / total, (current.count * column) / total);
  }
  return smallest;
}

const round = (value: number): string => String(Math.round(value * 100) / 100);
