import type { AttributionSlice } from './attribution-metrics.ts';

/**
 * Attribution disparity of one feature across the groups of one sensitive column:
 *   disparity = max_g share_f(g) − min_g share_f(g),   share_f(g) = Σ_{rows of g}|a_f| / Σ_{rows of g} Σ_f'|a_f'|.
 * It asks "does the model explain its decisions for one group with this feature much more than for another?" (e.g.
 * income drives 40 % of the explanation for one group and 5 % for another). Shares, not mean |a|, are compared so a
 * group whose scores are simply larger in magnitude does not look disparate. Ideal ("no disparity"): 0; range [0, 1].
 * Groups with fewer usable rows than min_group_size are excluded (listed); with fewer than two groups left the
 * value is null (undefined).
 */
export interface AttributionDisparity {
  readonly column: string;
  readonly feature: string;
  readonly value: number | null;
  readonly ideal: 0;
  /** Keys of the groups with the smallest and the largest share (empty when value is null). */
  readonly extremes: readonly string[];
  /** Keys of the groups left out because they are smaller than min_group_size. */
  readonly excluded: readonly string[];
  readonly formula: string;
}

const FORMULA = 'max_g share_f(g) − min_g share_f(g), share_f(g) = Σ|a_f| / Σ_f′ Σ|a_f′| over the usable rows of g';

export function attributionDisparities(
  features: readonly string[],
  sensitive: readonly string[],
  groups: readonly AttributionSlice[],
  minGroupSize: number,
): AttributionDisparity[] {
  return sensitive.flatMap((column) => {
    const ofColumn = groups.filter((group) => group.column === column);
    const kept = ofColumn.filter((group) => group.usable >= minGroupSize);
    const excluded = ofColumn.filter((group) => group.usable < minGroupSize).map((group) => group.key);
    return features.map((feature, f): AttributionDisparity => {
      if (kept.length < 2) return { column, feature, value: null, ideal: 0, extremes: [], excluded, formula: FORMULA };
      let low = kept[0] as AttributionSlice;
      let high = low;
      for (const group of kept) {
        const share = group.features[f]?.share ?? 0;
        if (share < (low.features[f]?.share ?? 0)) low = group;
        if (share > (high.features[f]?.share ?? 0)) high = group;
      }
      const value = (high.features[f]?.share ?? 0) - (low.features[f]?.share ?? 0);
      return { column, feature, value, ideal: 0, extremes: [low.key, high.key], excluded, formula: FORMULA };
    });
  });
}
