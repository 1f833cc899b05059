/** A feature's values in one batch: numbers (NaN = missing) or category codes into a dictionary (-1 = missing). */
export type FeatureValues =
  | { readonly kind: 'number'; readonly values: Float64Array }
  | { readonly kind: 'category'; readonly codes: Int32Array; readonly dictionary: readonly string[] };

/** The input of the proxy profile: the model's features and the sensitive columns of the same evaluation rows. */
export interface ProxyBatch {
  readonly rows: number;
  /** One entry per feature, in the profile's feature order; each of the kind the profile declares for it. */
  readonly features: readonly FeatureValues[];
  /** One code array per sensitive column, in the profile's order; -1 = missing. */
  readonly groups: readonly Int32Array[];
  readonly groupValues: readonly (readonly string[])[];
}

export interface FeatureSpec {
  readonly name: string;
  readonly kind: 'number' | 'category';
}
