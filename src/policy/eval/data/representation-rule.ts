import type { Finding, Interval, MetricsSection } from '../../../core/index.ts';
import { criticalValue, MISSING_VALUE, wilsonInterval } from '../../../stats/index.ts';
import type { DatasetMapping, Grouping, PolicySettings, RepresentationRule } from '../../types.ts';
import { beyond, intervalText } from '../bounds.ts';
import { statusOf } from '../finding-base.ts';
import { groupsOf } from '../metric-rule.ts';
import { dataRuleFields, percent } from './common.ts';

interface Group {
  readonly key: string;
  readonly values: readonly string[];
  readonly rows: number;
}

/**
 * Representation: each group's share of rows, share(g) = rows(g) / rows, with a Wilson interval, against
 * `min_share` and — for single-column groupings with `reference` shares — against [reference − tolerance,
 * reference + tolerance]. Groups come from the data AND from the declaration: allowed values of the sensitive
 * columns (every combination, for intersections) and reference values, so a group absent from the data is an empty
 * group of share 0, not a silent omission. min_group_size does not apply (a small group is what this rule is about;
 * the interval carries the uncertainty). Rows whose sensitive value is missing are not a group here.
 */
export function evaluateRepresentationRule(rule: RepresentationRule, metrics: MetricsSection, dataset: DatasetMapping, settings: PolicySettings): Finding[] {
  const total = metrics.overall.rows;
  const z = criticalValue(settings.confidence);
  return rule.groupings.flatMap((grouping) =>
    groupsFor(grouping, metrics, dataset, rule).map((group) => {
      const share = total === 0 ? 0 : group.rows / total;
      const interval: Interval | undefined = wilsonInterval(share, total, z, settings.confidence);
      const reference = grouping.length === 1 ? rule.reference[grouping[0] ?? '']?.[group.values[0] ?? ''] : undefined;
      const failures: string[] = [];
      if (rule.minShare !== undefined && beyond(share, interval, { min: rule.minShare }, settings.failOn) !== undefined) {
        failures.push(`below the minimum ${percent(rule.minShare)}`);
      }
      if (reference !== undefined) {
        const band = { min: reference - rule.tolerance, max: reference + rule.tolerance };
        const side = beyond(share, interval, band, settings.failOn);
        if (side !== undefined) failures.push(`${side} the reference ${percent(reference)} ± ${percent(rule.tolerance)}`);
      }
      const bound = reference !== undefined ? { min: Math.max(reference - rule.tolerance, rule.minShare ?? 0), max: reference + rule.tolerance } : { min: rule.minShare ?? 0 };
      const failed = failures.length > 0;
      return {
        ...dataRuleFields(rule),
        metric: 'representation',
        group: group.key,
        grouping,
        status: statusOf(failed, rule.severity),
        value: share,
        bound,
        n: total,
        ...(interval === undefined ? {} : { interval }),
        formula: 'rows(g) / rows',
        evidence: { rows: group.rows, total, min_share: rule.minShare ?? null, reference: reference ?? null, tolerance: rule.tolerance, fail_on: settings.failOn },
        message: `${group.key} is ${percent(share)} of the rows${intervalText(interval)}${failed ? `, ${failures.join(' and ')}` : ', as required'}`,
      };
    }),
  );
}

function groupsFor(grouping: Grouping, metrics: MetricsSection, dataset: DatasetMapping, rule: RepresentationRule): Group[] {
  const seen = new Map<string, Group>();
  for (const slice of groupsOf(metrics, [grouping])) {
    const values = grouping.map((column) => slice.group[column] ?? MISSING_VALUE);
    if (values.includes(MISSING_VALUE)) continue;
    seen.set(slice.key, { key: slice.key, values, rows: slice.rows });
  }
  const declaredValues = grouping.map((column) => {
    const declared = dataset.columns.find((c) => c.name === column)?.values ?? [];
    const referenced = grouping.length === 1 ? Object.keys(rule.reference[column] ?? {}) : [];
    return [...new Set([...declared, ...referenced])];
  });
  if (declaredValues.every((values) => values.length > 0)) {
    for (const values of product(declaredValues)) {
      const key = grouping.map((column, i) => `${column}=${values[i] ?? ''}`).join('&');
      if (!seen.has(key)) seen.set(key, { key, values, rows: 0 });
    }
  }
  return [...seen.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function product(lists: readonly (readonly string[])[]): string[][] {
  return lists.reduce<string[][]>((acc, list) => acc.flatMap((prefix) => list.map((value) => [...prefix, value])), [[]]);
}
