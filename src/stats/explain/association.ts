/**
 * Association measures between a feature and a sensitive column, from a contingency table counts[level][group] or
 * per-group moments. Empty rows and columns (a level or group never seen together with the other variable) are
 * ignored: r and c below count non-empty ones.
 */

/** Drops all-zero rows and columns; returns the table with its total. */
function compact(table: readonly (readonly number[])[]): { cells: number[][]; n: number } {
  const width = table.reduce((max, row) => Math.max(max, row.length), 0);
  const columnTotals = Array.from({ length: width }, (_, g) => table.reduce((sum, row) => sum + (row[g] ?? 0), 0));
  const keep = columnTotals.flatMap((total, g) => (total > 0 ? [g] : []));
  const cells = table.map((row) => keep.map((g) => row[g] ?? 0)).filter((row) => row.some((count) => count > 0));
  return { cells, n: cells.reduce((sum, row) => sum + row.reduce((a, b) => a + b, 0), 0) };
}

/** Pearson's χ² = Σ (O − E)² / E with E = row total · column total / n, over a compacted table. */
function chiSquare(cells: readonly (readonly number[])[], n: number): number {
  const rowTotals = cells.map((row) => row.reduce((a, b) => a + b, 0));
  const width = cells[0]?.length ?? 0;
  const columnTotals = Array.from({ length: width }, (_, g) => cells.reduce((sum, row) => sum + (row[g] ?? 0), 0));
  let chi2 = 0;
  cells.forEach((row, i) => {
    row.forEach((observed, g) => {
      const expected = ((rowTotals[i] as number) * (columnTotals[g] as number)) / n;
      chi2 += ((observed - expected) * (observed - expected)) / expected;
    });
  });
  return chi2;
}

/**
 * Cramér's V = √(φ² / min(r − 1, c − 1)), φ² = χ² / n. Range [0, 1]; ideal (no association, so not a proxy) 0; 1 =
 * the feature determines the group. null when min(r − 1, c − 1) = 0 (one level or one group: association is
 * undefined) or n = 0.
 *
 * biasCorrected (Bergsma 2013, J. Korean Stat. Soc. 42:323): φ̃² = max(0, φ² − (r−1)(c−1)/(n−1)),
 * r̃ = r − (r−1)²/(n−1), c̃ = c − (c−1)²/(n−1), Ṽ = √(φ̃² / min(r̃ − 1, c̃ − 1)). Plain V is biased upward in small
 * samples and with many levels (pure noise gives V > 0); the corrected value removes most of that bias, so it is
 * the one to gate on for small groups. null also when n ≤ 1 or the corrected
 * denominator is ≤ 0.
 */
export function cramersV(table: readonly (readonly number[])[], options: { biasCorrected?: boolean } = {}): number | null {
  const { cells, n } = compact(table);
  const r = cells.length;
  const c = cells[0]?.length ?? 0;
  if (n === 0 || Math.min(r - 1, c - 1) <= 0) return null;
  const phi2 = chiSquare(cells, n) / n;
  if (options.biasCorrected !== true) return Math.min(1, Math.sqrt(phi2 / Math.min(r - 1, c - 1)));
  if (n <= 1) return null;
  const phi2c = Math.max(0, phi2 - ((r - 1) * (c - 1)) / (n - 1));
  const rc = r - ((r - 1) * (r - 1)) / (n - 1);
  const cc = c - ((c - 1) * (c - 1)) / (n - 1);
  const denominator = Math.min(rc - 1, cc - 1);
  if (!(denominator > 0)) return null;
  return Math.min(1, Math.sqrt(phi2c / denominator));
}

/** Shannon entropy in nats of counts with total n: −Σ (k/n) ln(k/n). */
function entropy(counts: readonly number[], n: number): number {
  let h = 0;
  for (const k of counts) if (k > 0) h -= (k / n) * Math.log(k / n);
  return h;
}

/**
 * Normalised mutual information NMI = I(X; G) / ((H(X) + H(G)) / 2), with the empirical (plug-in) entropies of the
 * table and I = H(X) + H(G) − H(X, G) — the arithmetic-mean normalisation that is scikit-learn's default for
 * normalized_mutual_info_score. The log base cancels. Range [0, 1]; ideal (independent) 0. null when n = 0 or
 * H(X) + H(G) = 0 (both variables constant: no information to share). Number features use their bins, so NMI
 * measures the association of the binned feature.
 */
export function normalizedMutualInformation(table: readonly (readonly number[])[]): number | null {
  const { cells, n } = compact(table);
  if (n === 0) return null;
  const hx = entropy(cells.map((row) => row.reduce((a, b) => a + b, 0)), n);
  const width = cells[0]?.length ?? 0;
  const hg = entropy(Array.from({ length: width }, (_, g) => cells.reduce((sum, row) => sum + (row[g] ?? 0), 0)), n);
  const hxg = entropy(cells.flat(), n);
  const mean = (hx + hg) / 2;
  if (!(mean > 0)) return null;
  return Math.max(0, Math.min(1, (hx + hg - hxg) / mean));
}

/**
 * Correlation ratio η = √(SS_between / SS_total) of a number feature across the groups of a sensitive column, exact
 * (not binned) from per-group count n_g, mean m_g and M2_g = Σ (x − m_g)²:
 *   SS_between = Σ n_g (m_g − m)²,  SS_within = Σ M2_g,  SS_total = SS_between + SS_within,  m = Σ n_g m_g / Σ n_g.
 * Range [0, 1]; ideal (group means equal: the feature says nothing about the group on average) 0; 1 = the group
 * determines the value. null when SS_total = 0 (constant feature) or fewer than one row.
 */
export function correlationRatio(moments: { readonly n: readonly number[]; readonly mean: readonly number[]; readonly m2: readonly number[] }): number | null {
  let total = 0;
  let weighted = 0;
  moments.n.forEach((n, g) => {
    total += n;
    weighted += n * (moments.mean[g] ?? 0);
  });
  if (total === 0) return null;
  const mean = weighted / total;
  let between = 0;
  let within = 0;
  moments.n.forEach((n, g) => {
    if (n === 0) return;
    const d = (moments.mean[g] ?? 0) - mean;
    between += n * d * d;
    within += moments.m2[g] ?? 0;
  });
  const ssTotal = between + within;
  if (!(ssTotal > 0)) return null;
  return Math.min(1, Math.sqrt(between / ssTotal));
}
