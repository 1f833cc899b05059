import type { Finding } from '../../../core/index.ts';
import type { ColumnFacts, DatasetFacts } from '../../../stats/data/index.ts';
import type { DatasetMapping, LeakageRule } from '../../types.ts';
import { fmt } from '../bounds.ts';
import { failedStatus } from '../finding-base.ts';
import { dataRuleFields } from './common.ts';

/**
 * Leakage: a feature that alone predicts the label. For number features the single-feature ROC AUC folded to
 * max(AUC, 1 − AUC) (a feature predicting the label backwards leaks as much), no leakage = 0.5, against max_auc; for
 * text features Cramér's V with the label, no association = 0, against max_association. A feature equal to the label
 * (or to the id) on every row is an exact copy. One finding per offending feature and reason; when none offends, one
 * passing finding naming the strongest feature. When the label has one class (or no feature could be measured) and
 * nothing else offends, the rule cannot be decided.
 */
export function evaluateLeakageRule(rule: LeakageRule, dataset: DatasetMapping, facts: DatasetFacts): Finding[] {
  const features = facts.columns.filter((c) => (rule.columns === undefined ? c.role === 'feature' : rule.columns.includes(c.name) && c.name !== dataset.label));
  const findings: Finding[] = [];
  const fail = (column: ColumnFacts, metric: string, value: number, max: number, message: string, formula: string): void => {
    findings.push({ ...dataRuleFields(rule), metric, status: failedStatus(rule.severity), value, bound: { max }, n: column.rows, formula, evidence: evidenceOf(column), message });
  };
  let strongest: { column: ColumnFacts; metric: string; value: number } | undefined;
  for (const column of features) {
    const rows = column.rows;
    if (dataset.label !== undefined && rows > 0 && column.equalLabel === rows) {
      fail(column, 'exact_copy', 1, 0, `"${column.name}" is an exact copy of the label "${dataset.label}"`, 'rows where the feature equals the label / rows');
      continue;
    }
    if (dataset.id !== undefined && rows > 0 && column.equalId === rows) {
      fail(column, 'exact_copy', 1, 0, `"${column.name}" is an exact copy of the id "${dataset.id}"`, 'rows where the feature equals the id / rows');
      continue;
    }
    if (column.auc !== null) {
      const folded = Math.max(column.auc, 1 - column.auc);
      if (folded > rule.maxAuc) {
        fail(column, 'single_feature_auc', folded, rule.maxAuc, `"${column.name}" alone predicts the label with ROC AUC ${fmt(folded)}${column.auc < 0.5 ? ' (inversely)' : ''}, above the maximum ${fmt(rule.maxAuc)}`, 'max(AUC, 1 − AUC) of the feature as a score for the label');
        continue;
      }
      if (strongest === undefined || strength('single_feature_auc', folded) > strength(strongest.metric, strongest.value)) strongest = { column, metric: 'single_feature_auc', value: folded };
    }
    if (column.association !== null) {
      if (column.association > rule.maxAssociation) {
        fail(column, 'cramers_v', column.association, rule.maxAssociation, `"${column.name}" is associated with the label with Cramér's V ${fmt(column.association)}, above the maximum ${fmt(rule.maxAssociation)}`, "Cramér's V = √(χ² / n) of the feature × label table");
        continue;
      }
      if (strongest === undefined || strength('cramers_v', column.association) > strength(strongest.metric, strongest.value)) strongest = { column, metric: 'cramers_v', value: column.association };
    }
  }
  if (findings.length > 0) return findings;
  const measured = Object.fromEntries(features.map((c) => [c.name, { auc: c.auc, auc_error_bound: c.aucErrorBound, cramers_v: c.association }]));
  if (strongest === undefined && dataset.label !== undefined && features.length > 0) {
    return [{ ...dataRuleFields(rule), status: 'insufficient_evidence', value: null, evidence: { features: measured }, message: `no feature could be measured against the label (a label with one class, or only high-cardinality features), so leakage cannot be decided beyond exact copies, of which there are none` }];
  }
  return [
    {
      ...dataRuleFields(rule),
      status: 'pass',
      ...(strongest === undefined ? {} : { metric: strongest.metric, value: strongest.value }),
      bound: strongest?.metric === 'cramers_v' ? { max: rule.maxAssociation } : { max: rule.maxAuc },
      evidence: { features: measured, max_auc: rule.maxAuc, max_association: rule.maxAssociation },
      message: strongest === undefined ? `no feature copies the label or the id (${features.length} checked)` : `no feature leaks the label: the strongest, "${strongest.column.name}", has ${strongest.metric === 'cramers_v' ? "Cramér's V" : 'ROC AUC'} ${fmt(strongest.value)}`,
    },
  ];
}

function evidenceOf(column: ColumnFacts): Record<string, unknown> {
  return { column: column.name, rows: column.rows, equal_to_label: column.equalLabel, equal_to_id: column.equalId, auc: column.auc, auc_error_bound: column.aucErrorBound, cramers_v: column.association };
}

/** Both measures on one 0–1 scale for picking the strongest feature: 2·(AUC − ½) (Gini) or V itself. */
function strength(metric: string, value: number): number {
  return metric === 'single_feature_auc' ? 2 * (value - 0.5) : value;
}
