/**
 * Null distributions of the two-sample Kolmogorov–Smirnov statistic D (two-sided).
 */

/**
 * Exact P(D ≥ d) for samples of sizes n and m without ties, where d = dScaled / (n·m) (D·n·m is always an integer).
 * Under the null every arrangement of the n + m pooled values is equally likely; each is a lattice path from (0, 0) to
 * (n, m), and D ≥ d exactly when the path touches a point with |i·m − j·n| ≥ dScaled. The probability of staying
 * strictly inside is computed by the normalised path-count recurrence (Hodges 1957)
 *   w(i, j) = (i·w(i−1, j) + j·w(i, j−1)) / (i + j),   w = 0 outside,
 * where w(i, j) = (paths to (i, j) inside) / C(i + j, i) stays in [0, 1], so nothing overflows. P = 1 − w(n, m).
 * Cost O(n·m) time, O(m) memory. Values below ~1e-15 are lost to rounding (1 − w cancels) and returned as such.
 * With ties the test is conservative (the true P(D ≥ d) is smaller), as for scipy's `exact` method.
 */
export function ksExactPValue(n: number, m: number, dScaled: number): number {
  if (dScaled <= 0) return 1;
  const w = new Float64Array(m + 1);
  const inside = (i: number, j: number): boolean => Math.abs(i * m - j * n) < dScaled;
  w[0] = 1;
  for (let j = 1; j <= m; j++) w[j] = inside(0, j) ? (w[j - 1] as number) : 0;
  for (let i = 1; i <= n; i++) {
    w[0] = inside(i, 0) ? (w[0] as number) : 0;
    for (let j = 1; j <= m; j++) {
      w[j] = inside(i, j) ? (i * (w[j] as number) + j * (w[j - 1] as number)) / (i + j) : 0;
    }
  }
  return Math.min(1, Math.max(0, 1 - (w[m] as number)));
}

/**
 * The Kolmogorov distribution's survival function Q(λ) = P(K > λ) = 2 Σ_{k≥1} (−1)^(k−1) exp(−2k²λ²), summed directly
 * for λ ≥ 1.18 and through the equivalent theta-function form 1 − (√(2π)/λ) Σ_{k≥1} exp(−(2k−1)²π²/(8λ²)) below,
 * where the alternating series converges slowly. Both converge to double precision in a few terms.
 */
export function kolmogorovSurvival(lambda: number): number {
  if (!(lambda > 0)) return 1;
  if (lambda < 1.18) {
    const factor = -(Math.PI * Math.PI) / (8 * lambda * lambda);
    let sum = 0;
    for (let k = 1; k <= 20; k++) sum += Math.exp(factor * (2 * k - 1) * (2 * k - 1));
    return Math.min(1, Math.max(0, 1 - (Math.sqrt(2 * Math.PI) / lambda) * sum));
  }
  let sum = 0;
  for (let k = 1; k <= 100; k++) {
    const term = Math.exp(-2 * k * k * lambda * lambda);
    sum += k % 2 === 1 ? term : -term;
    if (term < 1e-17 * sum) break;
  }
  return Math.min(1, Math.max(0, 2 * sum));
}

/**
 * Asymptotic P(D ≥ d) with the effective sample size n_e = n·m/(n + m) and Stephens' (1970) small-sample correction
 * λ = (√n_e + 0.12 + 0.11/√n_e) · d (as in Numerical Recipes' kstwo).
 */
export function ksAsymptoticPValue(n: number, m: number, d: number): number {
  const root = Math.sqrt((n * m) / (n + m));
  return kolmogorovSurvival((root + 0.12 + 0.11 / root) * d);
}
