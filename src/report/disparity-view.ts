import type { Bound, DisparityValue, Finding, MetricsSection, SliceMetrics } from '../core/index.ts';

/**
 * What a disparity is made of, for drawing it: the per-group metrics it compares and the bounds rules put on it.
 * Presentation only — it reads names and bounds already in the verdict and computes nothing.
 */
export interface DisparityView {
  readonly disparity: DisparityValue;
  /** The slice metrics the disparity compares (`selection_rate`; TPR and FPR for equalized odds). */
  readonly components: readonly string[];
  readonly groups: readonly SliceMetrics[];
  readonly bounds: readonly Bound[];
}

/**
 * The compared slice metrics are the metric names that occur as words in the disparity's formula
 * (`min_g selection_rate(g) / max_g selection_rate(g)`); report/ may not import the metric registry of stats/.
 */
export function componentsOf(disparity: DisparityValue, groups: readonly SliceMetrics[]): string[] {
  const names = new Set(groups.flatMap((group) => Object.keys(group.metrics)));
  const words = new Set(disparity.formula.split(/[^A-Za-z0-9_]+/));
  return [...names].filter((name) => words.has(name)).sort((a, b) => disparity.formula.indexOf(a) - disparity.formula.indexOf(b));
}

function sameGrouping(a: readonly string[], b: readonly string[] | undefined): boolean {
  return b !== undefined && a.length === b.length && a.every((column, index) => column === b[index]);
}

export function disparityViews(section: MetricsSection, findings: readonly Finding[]): DisparityView[] {
  return section.disparities.map((disparity) => {
    const groups = section.groups.filter((group) => sameGrouping(disparity.grouping, group.grouping));
    const bounds = findings
      .filter(
        (finding) =>
          finding.metric === disparity.metric &&
          sameGrouping(disparity.grouping, finding.grouping) &&
          (finding.aggregation === undefined || finding.aggregation === disparity.aggregation) &&
          finding.bound !== undefined,
      )
      .map((finding) => finding.bound as Bound);
    return { disparity, components: componentsOf(disparity, groups), groups, bounds };
  });
}
