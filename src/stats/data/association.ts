/** Text features with more distinct values than this are not assessed for association (see cramersV). */
export const ASSOCIATION_MAX_VALUES = 1000;

/**
 * Cramér's V between a text feature (r values) and the binary label, from rows per (value, class) laid out
 * 2·value + class:  V = √(χ² / (n · min(r − 1, 1))), χ² = Σ (O − E)² / E, E = row total · class total / n.
 * 0 = no association (the ideal for a feature), 1 = the feature determines the label. Values with no labelled row
 * are dropped. Zero-denominator rule: null when fewer than two values or a class has no row. A feature with more than
 * ASSOCIATION_MAX_VALUES values, or fewer than 10 rows per value on average, is not assessed (null): V is biased
 * towards 1 when most values occur once, so an id-like column would always look like a leak.
 */
export function cramersV(counts: Float64Array, values: number): number | null {
  let n = 0;
  let positives = 0;
  let r = 0;
  for (let v = 0; v < values; v++) {
    const neg = counts[2 * v] ?? 0;
    const pos = counts[2 * v + 1] ?? 0;
    if (neg + pos === 0) continue;
    r++;
    n += neg + pos;
    positives += pos;
  }
  const negatives = n - positives;
  if (r < 2 || positives === 0 || negatives === 0 || r > ASSOCIATION_MAX_VALUES || n < 10 * r) return null;
  let chi2 = 0;
  for (let v = 0; v < values; v++) {
    const neg = counts[2 * v] ?? 0;
    const pos = counts[2 * v + 1] ?? 0;
    const total = neg + pos;
    if (total === 0) continue;
    const expectedPos = (total * positives) / n;
    const expectedNeg = (total * negatives) / n;
    chi2 += (pos - expectedPos) ** 2 / expectedPos + (neg - expectedNeg) ** 2 / expectedNeg;
  }
  return Math.min(1, Math.sqrt(chi2 / n));
}
