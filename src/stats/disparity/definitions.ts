import { disparityMetrics, type DisparityMetricInfo } from '../registry.ts';
import { confusionRate, type ConfusionRate } from '../metrics/confusion-rates.ts';
import { S_FN, S_FP, S_SCORED_W, S_SUM_D, S_TN, S_TP } from './summary.ts';

/** A group's value of one slice metric, read from its summary (summary.ts); null when undefined for the group. */
export type SummaryValue = (summary: Float64Array) => number | null;

export interface DisparityDefinition {
  readonly info: DisparityMetricInfo;
  /** One component, or two for equalized odds (TPR and FPR: the worse of the two gaps counts). */
  readonly components: readonly SummaryValue[];
  /** disparate_impact compares to a reference group instead of min/max. */
  readonly reference: boolean;
}

const rate =
  (name: ConfusionRate): SummaryValue =>
  (s) =>
    confusionRate(name, s[S_TN] ?? 0, s[S_FP] ?? 0, s[S_FN] ?? 0, s[S_TP] ?? 0);

/** calibration-in-the-large = mean(p) − mean(y) over scored rows; null without scored rows. */
const calibrationInTheLarge: SummaryValue = (s) => {
  const w = s[S_SCORED_W] ?? 0;
  return w > 0 ? (s[S_SUM_D] ?? 0) / w : null;
};

const valueOf = (metric: string): SummaryValue =>
  metric === 'calibration_in_the_large' ? calibrationInTheLarge : rate(metric as ConfusionRate);

/**
 * Every disparity of registry.ts with its components. The formulas (MetricFrame semantics, aggregate.ts):
 * - `<m>_difference`: between_groups max_g m(g) − min_g m(g); to_overall max_g |m(g) − m(overall)|. Ideal 0.
 * - `<m>_ratio`: between_groups min_g m(g) / max_g m(g); to_overall min_g fold(m(g) / m(overall)). Ideal 1.
 *   0/0 = 1 (foldedRatio).
 * - equalized_odds_*: the worse of the TPR and FPR values (difference: the larger, ratio: the smaller).
 * - calibration_gap: the difference form over calibration_in_the_large (mean score − base rate). Ideal 0.
 * - disparate_impact: between_groups, selection_rate(g) / selection_rate(reference) furthest from 1 over g ≠
 *   reference, the reference being options.referenceGroups or else the group with the highest selection rate (so
 *   the value is then ≤ 1); to_overall, selection_rate(g) / selection_rate(overall) furthest from 1. Ideal 1,
 *   four-fifths band [0.8, 1.25].
 * Rates follow confusion-rates.ts (a zero denominator gives 0).
 */
export const disparityDefinitions: readonly DisparityDefinition[] = disparityMetrics.map((info) => ({
  info,
  components: info.of.map(valueOf),
  reference: info.name === 'disparate_impact',
}));

/** Human-readable formula of a disparity and aggregation, for reports. */
export function formulaOf(definition: DisparityDefinition, aggregation: 'between_groups' | 'to_overall'): string {
  const one = (m: string): string => {
    if (definition.reference) {
      return aggregation === 'between_groups'
        ? `${m}(g) / ${m}(reference), furthest from 1 (|log|) over g ≠ reference`
        : `${m}(g) / ${m}(overall), furthest from 1 (|log|) over g`;
    }
    if (definition.info.form === 'difference') {
      return aggregation === 'between_groups' ? `max_g ${m}(g) − min_g ${m}(g)` : `max_g |${m}(g) − ${m}(overall)|`;
    }
    return aggregation === 'between_groups'
      ? `min_g ${m}(g) / max_g ${m}(g)`
      : `min_g min(${m}(g) / ${m}(overall), ${m}(overall) / ${m}(g))`;
  };
  const parts = definition.info.of.map(one);
  if (parts.length === 1) return parts[0] ?? '';
  return `${definition.info.form === 'difference' ? 'max' : 'min'}(${parts.join(', ')})`;
}
