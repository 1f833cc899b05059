import type { Finding, MetricsSection } from '../../core/index.ts';
import { runMonitorExpression, type Monitor } from '../../policy/monitor/index.ts';
import type { ColumnDrift, DatasetDrift } from '../../stats/drift/index.ts';
import { statusOf } from './drift-findings.ts';

/** The CEL variables of a window (src/policy/monitor/cel-monitor.ts documents them). */
export function celColumns(results: readonly { name: string; result: ColumnDrift }[]): Map<string, Map<string, number>> {
  const columns = new Map<string, Map<string, number>>();
  for (const { name, result } of results) {
    const values = new Map<string, number>();
    for (const s of result.statistics) {
      values.set(s.test, s.value);
      if (s.pValue !== undefined) values.set(`${s.test}_p`, s.pValue);
    }
    values.set('missing_change', result.missingRate.change);
    values.set('new_count', result.newCategories.reduce((sum, c) => sum + c.count, 0));
    values.set('drift', result.drift ? 1 : 0);
    columns.set(name, values);
  }
  return columns;
}

/** One finding per `rules:` expression: true = healthy; an evaluation error is insufficient evidence, not a pass. */
export function expressionFindings(monitor: Monitor, results: readonly { name: string; result: ColumnDrift }[], dataset: DatasetDrift, metrics?: MetricsSection): Finding[] {
  const overall = new Map<string, number>();
  for (const [name, metric] of Object.entries(metrics?.overall.metrics ?? {})) if (metric.value !== null) overall.set(name, metric.value);
  const variables = { columns: celColumns(results), share: Number.isNaN(dataset.share) ? 0 : dataset.share, drifting: dataset.drifting, overall };
  return monitor.rules.map((rule): Finding => {
    const outcome = runMonitorExpression(rule.expression, variables);
    const base = { ruleId: rule.id, kind: 'expression' as const, severity: rule.severity, formula: rule.expression, location: rule.location, evidence: { expression: rule.expression } };
    if (!outcome.ok) return { ...base, status: 'insufficient_evidence', message: `${rule.description ?? rule.id}: the expression could not be evaluated (${outcome.error})` };
    if (typeof outcome.value !== 'boolean') return { ...base, status: 'insufficient_evidence', message: `${rule.description ?? rule.id}: the expression returned ${String(outcome.value)}, not a bool` };
    return { ...base, status: statusOf(!outcome.value, rule.severity), message: `${rule.description ?? rule.id}: ${outcome.value ? 'holds' : 'does not hold'} (${rule.expression})` };
  });
}
