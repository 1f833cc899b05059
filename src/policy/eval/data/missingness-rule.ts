import type { Finding } from '../../../core/index.ts';
import type { DatasetFacts } from '../../../stats/data/index.ts';
import type { Grouping, MissingnessRule, PolicySettings } from '../../types.ts';
import { boundPhrase, fmt } from '../bounds.ts';
import { statusOf } from '../finding-base.ts';
import { dataRuleFields, percent } from './common.ts';

/**
 * Missingness per group: for each column, its missing share per group, missing(g, c) / rows(g), over groups of at
 * least min_group_size rows; the gap is max_g − min_g (no disparity 0). Data missing more often for one group is a
 * bias signal in itself. One finding per grouping, its value the worst column's gap; every column's gap is in the
 * evidence. Fewer than two groups large enough is insufficient evidence.
 */
export function evaluateMissingnessRule(rule: MissingnessRule, facts: DatasetFacts, settings: PolicySettings): Finding[] {
  return rule.groupings.map((grouping) => finding(rule, grouping, facts, settings));
}

function finding(rule: MissingnessRule, grouping: Grouping, facts: DatasetFacts, settings: PolicySettings): Finding {
  const key = grouping.join('&');
  const tables = facts.missing.filter((m) => m.grouping.join('&') === key && (rule.columns === undefined || rule.columns.includes(m.column)));
  const gaps: { column: string; gap: number; high: string; low: string; rates: Record<string, number> }[] = [];
  let qualifying = 0;
  for (const table of tables) {
    const groups = table.groups.filter((g) => g.rows >= settings.minGroupSize && g.rows > 0);
    qualifying = Math.max(qualifying, groups.length);
    if (groups.length < 2) continue;
    const rates = groups.map((g) => ({ key: g.key, rate: g.missing / g.rows }));
    const high = rates.reduce((a, b) => (b.rate > a.rate ? b : a));
    const low = rates.reduce((a, b) => (b.rate < a.rate ? b : a));
    gaps.push({ column: table.column, gap: high.rate - low.rate, high: high.key, low: low.key, rates: Object.fromEntries(rates.map((r) => [r.key, r.rate])) });
  }
  gaps.sort((a, b) => b.gap - a.gap || (a.column < b.column ? -1 : 1));
  const bound = { max: rule.maxDifference };
  const common = { ...dataRuleFields(rule), metric: 'missing_share_difference', grouping, aggregation: 'between_groups' as const, bound, formula: 'max_g missing(g, c) / rows(g) − min_g missing(g, c) / rows(g), worst column c' };
  const worst = gaps[0];
  if (worst === undefined) {
    return { ...common, value: null, status: 'insufficient_evidence', evidence: { min_group_size: settings.minGroupSize, columns: tables.map((t) => t.column) }, message: `missingness over ${key} cannot be decided: fewer than two groups have ${settings.minGroupSize} rows` };
  }
  const failed = worst.gap > rule.maxDifference;
  const evidence = {
    min_group_size: settings.minGroupSize,
    worst_column: worst.column,
    gaps: Object.fromEntries(gaps.map((g) => [g.column, g.gap])),
    worst_rates: worst.rates,
    failing_columns: gaps.filter((g) => g.gap > rule.maxDifference).map((g) => g.column),
  };
  return {
    ...common,
    value: worst.gap,
    status: statusOf(failed, rule.severity),
    evidence,
    message:
      worst.gap === 0
        ? `no column is missing more often in one group of ${key} than another`
        : `"${worst.column}" is missing for ${percent(worst.rates[worst.high] ?? 0)} of ${worst.high} but ${percent(worst.rates[worst.low] ?? 0)} of ${worst.low}: a gap of ${fmt(worst.gap)}, ${boundPhrase(bound, failed ? 'above' : undefined)}`,
  };
}
