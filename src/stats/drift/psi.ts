import { shares, type AlignedCounts } from './aligned-counts.ts';

/** Shares below this are raised to it before PSI takes logarithms (empty bins would otherwise give ±∞). */
export const PSI_EPSILON = 1e-4;

export interface PsiResult {
  readonly value: number;
  readonly bins: number;
  readonly epsilon: number;
}

/**
 * Population stability index over aligned cells (reference-quantile bins for numbers, categories otherwise):
 *   PSI = Σ_i (c_i − r_i) · ln(c_i / r_i),
 * with r_i, c_i the reference and current shares of cell i, each first raised to at least ε = 1e-4 (a clip, as the
 * common implementations do; shares are not renormalised afterwards), natural logarithm. Ideal value 0 (identical
 * shares); every term is ≥ 0. Rule of thumb: < 0.1 stable, 0.1–0.25 moderate shift, > 0.25 major shift.
 * NaN when either side has no counted value.
 */
export function psi(counts: AlignedCounts, epsilon: number = PSI_EPSILON): PsiResult {
  const reference = shares(counts.reference);
  const current = shares(counts.current);
  let value = 0;
  for (let i = 0; i < reference.length; i++) {
    const r = Math.max(reference[i] as number, epsilon);
    const c = Math.max(current[i] as number, epsilon);
    value += (c - r) * Math.log(c / r);
  }
  if (reference.length === 0) value = Number.NaN;
  return { value, bins: reference.length, epsilon };
}
