/** Slow, literal references for rank statistics of importance vectors. */

/** Rank by counting: 1 + #{smaller} + (#{equal} − 1) / 2. */
function countRank(values: readonly number[], v: number): number {
  const smaller = values.filter((x) => x < v).length;
  const equal = values.filter((x) => x === v).length;
  return 1 + smaller + (equal - 1) / 2;
}

/** Spearman ρ as Pearson's r of count-based ranks. */
export function referenceSpearman(a: readonly number[], b: readonly number[]): number | null {
  const ra = a.map((v) => countRank(a, v));
  const rb = b.map((v) => countRank(b, v));
  const n = a.length;
  if (n < 2) return null;
  const ma = ra.reduce((x, y) => x + y, 0) / n;
  const mb = rb.reduce((x, y) => x + y, 0) / n;
  const cov = ra.reduce((sum, r, i) => sum + (r - ma) * ((rb[i] as number) - mb), 0);
  const va = ra.reduce((sum, r) => sum + (r - ma) ** 2, 0);
  const vb = rb.reduce((sum, r) => sum + (r - mb) ** 2, 0);
  if (va === 0 || vb === 0) return null;
  return cov / Math.sqrt(va * vb);
}

/** τ-b with the tie terms from the sizes of tie groups: n₁ = Σ t(t − 1)/2. */
export function referenceKendall(a: readonly number[], b: readonly number[]): number | null {
  const n = a.length;
  let s = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i < j) s += Math.sign((a[i] as number) - (a[j] as number)) * Math.sign((b[i] as number) - (b[j] as number));
  const ties = (values: readonly number[]): number => [...new Set(values)].map((v) => values.filter((x) => x === v).length).reduce((sum, t) => sum + (t * (t - 1)) / 2, 0);
  const n0 = (n * (n - 1)) / 2;
  const d = Math.sqrt((n0 - ties(a)) * (n0 - ties(b)));
  return d > 0 ? s / d : null;
}

/** Indices of the k largest values, ties by lower index: a stable sort by value descending. */
export function referenceTopK(values: readonly number[], k: number): number[] {
  return values
    .map((v, i) => ({ v, i }))
    .sort((x, y) => (y.v === x.v ? x.i - y.i : y.v > x.v ? 1 : -1))
    .slice(0, k)
    .map((entry) => entry.i);
}
