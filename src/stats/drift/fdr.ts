import { fail } from '../../core/index.ts';

/**
 * Benjamini–Hochberg adjusted p-values (the step-up procedure controlling the false discovery rate):
 * with the m finite p-values sorted ascending p_(1) ≤ … ≤ p_(m), the adjusted value of p_(i) is
 *   min_{j ≥ i} min(1, m · p_(j) / j),
 * returned in the input order (statsmodels' multipletests(method='fdr_bh')). NaN p-values (no test was possible) are
 * left out of m and stay NaN.
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const order = pValues
    .map((p, index) => ({ p, index }))
    .filter(({ p }) => !Number.isNaN(p))
    .sort((x, y) => x.p - y.p || x.index - y.index);
  const m = order.length;
  const adjusted = pValues.map(() => Number.NaN);
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const entry = order[rank - 1] as { p: number; index: number };
    running = Math.min(running, (m * entry.p) / rank);
    adjusted[entry.index] = Math.min(1, running);
  }
  return adjusted;
}

/** Which tests are discoveries at false discovery rate q: BH-adjusted p ≤ q (false for NaN p-values). */
export function discoveriesAtFdr(pValues: readonly number[], q: number): boolean[] {
  if (!(q > 0 && q < 1)) fail('STATS_INVALID_OPTION', `fdr is ${q}`, { location: { path: 'fdr' }, expected: 'a number strictly between 0 and 1' });
  return benjaminiHochberg(pValues).map((p) => p <= q);
}
