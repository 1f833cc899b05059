import type { Finding } from '../../../core/index.ts';
import type { DatasetFacts } from '../../../stats/data/index.ts';
import { columnDrift, type ColumnDrift } from '../../../stats/drift/index.ts';
import type { DatasetMapping, PolicySettings, PreviousVersionRule } from '../../types.ts';
import { fmt } from '../bounds.ts';
import { statusOf } from '../finding-base.ts';
import { dataRuleFields, percent } from './common.ts';

/**
 * Change against the previous recorded version of the same dataset (the latest `steward record dataset` of
 * data.dataset whose digest differs from this file's): per column present in both, the monitoring statistics of
 * stats/drift chosen for the column's kind and size (PSI, KS, chi-square, Wasserstein, Jensen–Shannon; binning, ε and
 * log base in docs/drift.md) with the rule's thresholds, the change in missing share and — with `new_categories` —
 * categories the previous version never had. One failing finding per changed column; otherwise one passing finding.
 * No previous version (the first one recorded), or one whose file is gone or changed, is insufficient evidence.
 */
export function evaluatePreviousVersionRule(rule: PreviousVersionRule, dataset: DatasetMapping, facts: DatasetFacts, settings: PolicySettings): Finding[] {
  const previous = facts.previous;
  if (previous === undefined || 'unavailable' in previous) {
    const why = previous === undefined ? 'no previous version was looked up' : previous.unavailable;
    return [{ ...dataRuleFields(rule), status: 'insufficient_evidence', evidence: { dataset: dataset.name ?? null }, message: `the dataset cannot be compared with its previous recorded version: ${why}` }];
  }
  const columns = previous.columns.filter((c) => (rule.columns === undefined ? c.name !== dataset.id : rule.columns.includes(c.name)));
  const evidenceBase = { dataset: dataset.name ?? null, previous_digest: previous.digest, previous_source: previous.source, previous_recorded_at: previous.recordedAt, previous_rows: previous.rows, added_columns: previous.added };
  const findings: Finding[] = [];
  const summary: Record<string, unknown> = {};
  for (const column of columns) {
    const drift = columnDrift(column.before, column.now, { thresholds: rule.thresholds, confidence: settings.confidence });
    const reasons = reasonsOf(drift, rule);
    summary[column.name] = { drift: reasons.length > 0, statistics: Object.fromEntries(drift.statistics.map((s) => [s.test, s.value])) };
    if (reasons.length === 0) continue;
    const main = drift.statistics.find((s) => s.drift) ?? drift.statistics[0];
    findings.push({
      ...dataRuleFields(rule),
      // A test is bounded by its p-value (drift when p < level), a distance by its value (drift when ≥ threshold).
      metric: main === undefined ? 'missing_rate_change' : main.pValue === undefined ? main.test : `${main.test}_p_value`,
      status: statusOf(true, rule.severity),
      value: main === undefined ? drift.missingRate.change : (main.pValue ?? main.value),
      ...(main === undefined ? {} : { bound: main.pValue === undefined ? { max: main.threshold } : { min: main.threshold } }),
      formula: drift.reason,
      evidence: {
        ...evidenceBase,
        column: column.name,
        statistics: drift.statistics.map((s) => ({ test: s.test, value: s.value, p_value: s.pValue ?? null, threshold: s.threshold, drift: s.drift, exact: s.exact, error_bound: s.errorBound })),
        missing_rate: { before: drift.missingRate.referenceRate, now: drift.missingRate.currentRate, change: drift.missingRate.change },
        new_categories: drift.newCategories.length,
      },
      message: `"${column.name}" changed since the previous version (${previous.recordedAt.slice(0, 10)}): ${reasons.join('; ')}`,
    });
  }
  if (findings.length > 0) return findings;
  return [{ ...dataRuleFields(rule), status: 'pass', n: columns.length, evidence: { ...evidenceBase, columns: summary }, message: `no column changed beyond its thresholds since the previous version recorded ${previous.recordedAt.slice(0, 10)} (${columns.length} columns compared)` }];
}

function reasonsOf(drift: ColumnDrift, rule: PreviousVersionRule): string[] {
  const reasons = drift.statistics.filter((s) => s.drift).map((s) => (s.pValue === undefined ? `${s.test} ${fmt(s.value)} ≥ ${fmt(s.threshold)}` : `${s.test} p = ${fmt(s.pValue)} < ${fmt(s.threshold)}`));
  const change = drift.missingRate.change;
  if (rule.maxMissingRateChange !== undefined && Math.abs(change) > rule.maxMissingRateChange) {
    reasons.push(`missing share ${percent(drift.missingRate.referenceRate)} → ${percent(drift.missingRate.currentRate)}`);
  }
  if (rule.newCategories && drift.newCategories.length > 0) reasons.push(`${drift.newCategories.length} new ${drift.newCategories.length === 1 ? 'category' : 'categories'}`);
  return reasons;
}
