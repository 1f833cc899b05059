/**
 * The seam between readers/ and stats/: a batch of evaluation rows already mapped to numbers. Readers produce it
 * from any file format; profiles consume it without knowing where it came from. Columnar typed arrays keep the hot
 * loop free of allocation.
 */
export interface EvaluationBatch {
  readonly rows: number;
  /** Binary task: 1 positive, 0 negative. Regression: the target. NaN = missing. */
  readonly yTrue: Float64Array;
  /** Binary: 1/0 predicted class (from y_pred, or score ≥ threshold). Regression: the prediction. NaN = missing. */
  readonly yPred: Float64Array;
  /** Score / probability of the positive class, when mapped. NaN = missing. */
  readonly score?: Float64Array;
  /** Row weight, when mapped (≥ 0). NaN = missing. */
  readonly weight?: Float64Array;
  /** One code array per sensitive column, in policy order; -1 = missing. */
  readonly groups: readonly Int32Array[];
  /**
   * Code → value, per sensitive column. The arrays are shared and append-only over the whole read, so a code keeps
   * its meaning from one batch to the next.
   */
  readonly groupValues: readonly (readonly string[])[];
}
