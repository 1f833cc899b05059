/**
 * The input of the attribution profile: per-row feature attributions (SHAP values, integrated gradients, …) aligned
 * with the evaluation rows, and those rows' group codes. Columnar like EvaluationBatch so the hot loop allocates
 * nothing.
 */
export interface AttributionBatch {
  readonly rows: number;
  /** One array per feature, in the profile's feature order; NaN (or ±∞) makes the row's explanation unusable. */
  readonly attributions: readonly Float64Array[];
  /** One code array per sensitive column, in the profile's order; -1 = missing. */
  readonly groups: readonly Int32Array[];
  /** Code → value, per sensitive column (shared, append-only dictionaries are fine: codes are resolved by value). */
  readonly groupValues: readonly (readonly string[])[];
}
