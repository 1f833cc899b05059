import { shares, type AlignedCounts } from './aligned-counts.ts';

/**
 * Jensen–Shannon distance over aligned cells, base-2 logarithm so it lies in [0, 1]:
 *   JSD = ½ Σ p_i log2(p_i / m_i) + ½ Σ q_i log2(q_i / m_i),  m = (p + q) / 2,   distance = √JSD,
 * with p, q the reference and current shares and 0 · log 0 = 0 (no smoothing is needed: m_i > 0 wherever p_i or q_i
 * is). Ideal value 0 (identical shares); 1 when the two have disjoint support. Agrees with
 * scipy.spatial.distance.jensenshannon(p, q, base=2). NaN when either side has no counted value.
 */
export function jensenShannonDistance(counts: AlignedCounts): number {
  const p = shares(counts.reference);
  const q = shares(counts.current);
  if (p.length === 0 || Number.isNaN(p[0]) || Number.isNaN(q[0])) return Number.NaN;
  let divergence = 0;
  for (let i = 0; i < p.length; i++) {
    const pi = p[i] as number;
    const qi = q[i] as number;
    const m = (pi + qi) / 2;
    if (pi > 0) divergence += 0.5 * pi * Math.log2(pi / m);
    if (qi > 0) divergence += 0.5 * qi * Math.log2(qi / m);
  }
  return Math.sqrt(Math.min(1, Math.max(0, divergence)));
}
