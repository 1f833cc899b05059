import type { CategoricalProfile } from './categorical-profile.ts';
import type { NumericProfile } from './numeric-profile.ts';
import { binCounts, DEFAULT_BINS, referenceBins, type ReferenceBins } from './reference-bins.ts';

export const MISSING_LABEL = '(missing)';

/** Two count vectors over the same cells (bins or categories), which every distribution distance compares. */
export interface AlignedCounts {
  readonly labels: readonly string[];
  readonly reference: Float64Array;
  readonly current: Float64Array;
}

export interface AlignOptions {
  /** Count missing values as one more cell (default false: missing values are left out; see missing-rate.ts). */
  readonly missingBin?: boolean;
  /** Number of reference-quantile bins for numeric columns (default 10). */
  readonly bins?: number;
  /** Precomputed bins of the reference (reused across windows); overrides `bins`. */
  readonly referenceBins?: ReferenceBins;
}

/** The numeric column's counts per reference-quantile bin (reference-bins.ts), plus missing when asked. */
export function alignNumeric(reference: NumericProfile, current: NumericProfile, options: AlignOptions = {}): AlignedCounts {
  const bins = options.referenceBins ?? referenceBins(reference, options.bins ?? DEFAULT_BINS);
  const labels = bins.edges.map((edge, i) => `(${i === 0 ? '-inf' : String(bins.edges[i - 1])}, ${edge}]`);
  labels.push(`(${bins.edges.length === 0 ? '-inf' : String(bins.edges[bins.edges.length - 1])}, inf)`);
  return withMissing({ labels, reference: binCounts(reference, bins), current: binCounts(current, bins) }, reference.missing, current.missing, options);
}

/**
 * The categorical column's counts over the union of categories: the reference's in its order, then those only the
 * current side has.
 */
export function alignCategorical(reference: CategoricalProfile, current: CategoricalProfile, options: AlignOptions = {}): AlignedCounts {
  const index = new Map<string, number>();
  const labels: string[] = [];
  for (const [name] of [...reference.entries(), ...current.entries()]) {
    if (!index.has(name)) {
      index.set(name, labels.length);
      labels.push(name);
    }
  }
  const fill = (profile: CategoricalProfile): Float64Array => {
    const counts = new Float64Array(labels.length);
    for (const [name, count] of profile.entries()) counts[index.get(name) as number] = count;
    return counts;
  };
  return withMissing({ labels, reference: fill(reference), current: fill(current) }, reference.missing, current.missing, options);
}

function withMissing(counts: AlignedCounts, referenceMissing: number, currentMissing: number, options: AlignOptions): AlignedCounts {
  if (options.missingBin !== true) return counts;
  const extend = (values: Float64Array, missing: number): Float64Array => {
    const next = new Float64Array(values.length + 1);
    next.set(values);
    next[values.length] = missing;
    return next;
  };
  return {
    labels: [...counts.labels, MISSING_LABEL],
    reference: extend(counts.reference, referenceMissing),
    current: extend(counts.current, currentMissing),
  };
}

/** Counts divided by their sum; all NaN when the sum is 0. */
export function shares(counts: Float64Array): Float64Array {
  let total = 0;
  for (const count of counts) total += count;
  return counts.map((count) => count / total);
}
