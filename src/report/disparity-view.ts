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

/** The compared slice metrics that the groups actually carry. */
export function componentsOf(disparity: DisparityValue, groups: readonly SliceMetrics[]): string[] {
  const names = new Set(groups.flatMap((group) => Object.keys(group.metrics)));
  return disparity.of.filter((name) => names.has(name));
}

function sameGrouping(a: readonly string[], b: readonly string[] | undefined): boolean {
  return b !== undefined && a.length === b.length && a.every((column, index) => column === b[index]);
}

/**
 * Views of the disparities that a rule put a bound on: those are what a reader of the report must judge. Every other
 * disparity is listed in the tables and the JSON report; charting all of them (every grouping and intersection,
 * both aggregations) buries the few that matter.
 */
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
  }).filter((view) => view.bounds.length > 0);
}
