/**
 * The sufficient statistics of attributions over one slice of rows (overall, or one group): every attribution metric
 * is a function of these sums, and two slices' sums merge by addition (DESIGN.md principle 3).
 */
export interface AttributionSums {
  /** Rows seen in the slice, usable or not. */
  rows: number;
  /** Rows whose attributions are all finite: the only rows the sums below include. */
  usable: number;
  /** Σ|a_f| per feature over usable rows. */
  readonly sumAbs: Float64Array;
  /** Σa_f per feature over usable rows (the signed direction of the feature's effect). */
  readonly sum: Float64Array;
}

export function emptySums(features: number): AttributionSums {
  return { rows: 0, usable: 0, sumAbs: new Float64Array(features), sum: new Float64Array(features) };
}

/** Adds `from` into `into`. */
export function addSums(into: AttributionSums, from: AttributionSums): void {
  into.rows += from.rows;
  into.usable += from.usable;
  for (let f = 0; f < into.sumAbs.length; f++) {
    into.sumAbs[f] = (into.sumAbs[f] as number) + (from.sumAbs[f] as number);
    into.sum[f] = (into.sum[f] as number) + (from.sum[f] as number);
  }
}

/** A copy, so a snapshot handed out cannot be changed by later adds. */
export function copySums(sums: AttributionSums): AttributionSums {
  return { rows: sums.rows, usable: sums.usable, sumAbs: sums.sumAbs.slice(), sum: sums.sum.slice() };
}
