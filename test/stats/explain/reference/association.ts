/**
 * Slow, literal references for proxy detection over raw paired observations (feature level, group), each straight
 * from its textbook definition.
 */
export interface Pair {
  readonly x: string;
  readonly g: string;
}

function counts<T>(values: readonly T[]): Map<T, number> {
  const map = new Map<T, number>();
  for (const value of values) map.set(value, (map.get(value) ?? 0) + 1);
  return map;
}

/** Cramér's V from the definition: χ² = Σ_cells (O − E)²/E over the observed levels and groups. */
export function referenceCramersV(pairs: readonly Pair[]): number | null {
  const n = pairs.length;
  const xs = counts(pairs.map((p) => p.x));
  const gs = counts(pairs.map((p) => p.g));
  const joint = counts(pairs.map((p) => `${p.x}\u0000${p.g}`));
  const k = Math.min(xs.size - 1, gs.size - 1);
  if (n === 0 || k <= 0) return null;
  let chi2 = 0;
  for (const [x, nx] of xs) {
    for (const [g, ng] of gs) {
      const expected = (nx * ng) / n;
      const observed = joint.get(`${x}\u0000${g}`) ?? 0;
      chi2 += (observed - expected) ** 2 / expected;
    }
  }
  return Math.min(1, Math.sqrt(chi2 / n / k));
}

/** MI = Σ p(x,g) ln(p(x,g) / (p(x) p(g))), NMI = MI / ((H(X) + H(G)) / 2). */
export function referenceNmi(pairs: readonly Pair[]): number | null {
  const n = pairs.length;
  if (n === 0) return null;
  const xs = counts(pairs.map((p) => p.x));
  const gs = counts(pairs.map((p) => p.g));
  const joint = counts(pairs.map((p) => JSON.stringify([p.x, p.g])));
  const h = (m: Map<unknown, number>): number => -[...m.values()].reduce((sum, c) => sum + (c / n) * Math.log(c / n), 0);
  let mi = 0;
  for (const [key, c] of joint) {
    const [x, g] = JSON.parse(key) as [string, string];
    mi += (c / n) * Math.log((c / n) / (((xs.get(x) as number) / n) * ((gs.get(g) as number) / n)));
  }
  const mean = (h(xs) + h(gs)) / 2;
  if (!(mean > 0)) return null;
  return Math.max(0, Math.min(1, mi / mean));
}

/** η² = Σ_g n_g (mean_g − mean)² / Σ (x − mean)², two passes over the raw values. */
export function referenceEta(values: readonly { x: number; g: string }[]): number | null {
  if (values.length === 0) return null;
  const mean = values.reduce((sum, v) => sum + v.x, 0) / values.length;
  const total = values.reduce((sum, v) => sum + (v.x - mean) ** 2, 0);
  if (!(total > 0)) return null;
  let between = 0;
  for (const g of new Set(values.map((v) => v.g))) {
    const members = values.filter((v) => v.g === g);
    const mg = members.reduce((sum, v) => sum + v.x, 0) / members.length;
    between += members.length * (mg - mean) ** 2;
  }
  return Math.min(1, Math.sqrt(between / total));
}
