/** Bins per numeric feature when edges are chosen from data: deciles. */
export const DEFAULT_BINS = 10;

/**
 * Quantile bin edges of the finite values (type-7 / linear-interpolation quantiles at 1/B … (B−1)/B, as numpy's
 * default), deduplicated, so each bin holds about 1/B of the sample. The proxy profile takes them from the first
 * batch where a feature has a finite value and keeps them fixed for the rest of the read: one pass, and the
 * contingency tables of every batch share the same bins and merge by addition. A first batch that is not
 * representative only makes bins uneven, it never makes counts wrong. Empty when there is no finite value.
 */
export function quantileEdges(values: ArrayLike<number>, bins = DEFAULT_BINS): number[] {
  // A typed array sorts numerically without a comparator call per comparison (-0 before 0, which only reorders equal
  // values: the edges are the same numbers).
  const buffer = new Float64Array(values.length);
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i] as number;
    if (Number.isFinite(x)) buffer[count++] = x;
  }
  if (count === 0) return [];
  const finite = buffer.subarray(0, count).sort();
  const edges: number[] = [];
  for (let q = 1; q < bins; q++) {
    const position = (q / bins) * (finite.length - 1);
    const low = Math.floor(position);
    const lower = finite[low] as number;
    const upper = finite[Math.min(low + 1, finite.length - 1)] as number;
    const edge = lower + (upper - lower) * (position - low);
    if (edges.length === 0 || edge > (edges[edges.length - 1] as number)) edges.push(edge);
  }
  return edges;
}

/** Bin of x: the number of edges ≤ x, so bins are (−∞, e₁), [e₁, e₂), …, [e_last, ∞). */
export function binOf(edges: readonly number[], x: number): number {
  let low = 0;
  let high = edges.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((edges[mid] as number) <= x) low = mid + 1;
    else high = mid;
  }
  return low;
}
