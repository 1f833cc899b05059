import type { Finding, FindingStatus, Location, Severity } from '../../core/index.ts';
import type { Monitor, MonitorColumn } from '../../policy/monitor/index.ts';
import type { ColumnDrift, DatasetDrift, StatisticFinding } from '../../stats/drift/index.ts';

/** A rule that fired gets `fail` when its severity is error, `warn` otherwise (the gate's convention). */
export function statusOf(fired: boolean, severity: Severity): FindingStatus {
  if (!fired) return 'pass';
  return severity === 'error' ? 'fail' : 'warn';
}

const fmt = (value: number): string => (Number.isFinite(value) ? String(Math.round(value * 10_000) / 10_000) : String(value));

function describeStatistic(s: StatisticFinding): string {
  if (s.pValue !== undefined) return `${s.test} D/χ² ${fmt(s.value)}, p ${fmt(s.pValue)} ${s.drift ? '<' : '≥'} ${fmt(s.threshold)}`;
  return `${s.test} ${fmt(s.value)} ${s.drift ? '≥' : '<'} ${fmt(s.threshold)}`;
}

/**
 * One finding per column: the statistics that ran, their thresholds, p-values, and why those tests were chosen.
 * `adjusted` is the Benjamini–Hochberg decision across columns when the monitor sets `fdr` (it replaces the raw one).
 */
export function columnFinding(name: string, drift: ColumnDrift, settings: Pick<MonitorColumn, 'severity' | 'location'>, adjusted: boolean | undefined): Finding {
  const first = drift.statistics[0];
  const tested = drift.tests.length > 0;
  const fired = adjusted === undefined ? drift.drift : adjusted;
  return {
    ruleId: `drift.${name}`,
    kind: 'drift',
    severity: settings.severity,
    status: tested ? statusOf(fired, settings.severity) : 'insufficient_evidence',
    message: tested
      ? `column ${name} ${fired ? 'drifted' : 'did not drift'}: ${drift.statistics.map(describeStatistic).join('; ')}`
      : `column ${name} could not be tested: ${drift.reason}`,
    ...(first === undefined ? {} : { metric: first.test, value: Number.isFinite(first.pValue ?? first.value) ? (first.pValue ?? first.value) : null, bound: first.pValue === undefined ? { max: first.threshold } : { min: first.threshold } }),
    formula: 'a column drifts when any chosen statistic crosses its threshold (p-value tests: p < level; distances: value ≥ threshold)',
    evidence: {
      column: name,
      tests: drift.tests,
      reason: drift.reason,
      statistics: drift.statistics.map((s) => ({ test: s.test, value: finite(s.value), ...(s.pValue === undefined ? {} : { pValue: finite(s.pValue) }), threshold: s.threshold, drift: s.drift, exact: s.exact, errorBound: finite(s.errorBound) })),
      ...(adjusted === undefined ? {} : { benjaminiHochberg: true }),
    },
    location: settings.location,
  };
}

/** Missing-rate change as a finding of its own: fires when |Δ| > max_change and the z-test is significant. */
export function missingFinding(name: string, drift: ColumnDrift, monitor: Monitor, location: Location): Finding {
  const m = drift.missingRate;
  const fired = Math.abs(m.change) > monitor.missingRate.maxChange && m.pValue < monitor.missingRate.level;
  return {
    ruleId: `missing_rate.${name}`,
    kind: 'missingness',
    severity: monitor.missingRate.severity,
    status: Number.isNaN(m.change) ? 'insufficient_evidence' : statusOf(fired, monitor.missingRate.severity),
    message: `column ${name} missing share ${fmt(m.referenceRate)} → ${fmt(m.currentRate)} (change ${fmt(m.change)}, p ${fmt(m.pValue)}; allowed |change| ≤ ${fmt(monitor.missingRate.maxChange)})`,
    metric: 'missing_rate_change',
    value: finite(m.change),
    bound: { min: -monitor.missingRate.maxChange, max: monitor.missingRate.maxChange },
    ...(m.interval === undefined ? {} : { interval: m.interval }),
    formula: 'Δ = missing_current/rows_current − missing_reference/rows_reference; fires when |Δ| > max_change and the pooled two-proportion z-test p < level',
    evidence: { column: name, referenceRate: finite(m.referenceRate), currentRate: finite(m.currentRate), pValue: finite(m.pValue), level: monitor.missingRate.level },
    location,
  };
}

/** Categories the reference never saw, as a finding of its own (categorical columns only). */
export function newCategoryFinding(name: string, drift: ColumnDrift, currentCount: number, monitor: Monitor, location: Location): Finding {
  const unseen = drift.newCategories.reduce((sum, category) => sum + category.count, 0);
  const share = currentCount === 0 ? 0 : unseen / currentCount;
  const fired = share > monitor.newCategories.maxShare;
  return {
    ruleId: `new_categories.${name}`,
    kind: 'representation',
    severity: monitor.newCategories.severity,
    status: statusOf(fired, monitor.newCategories.severity),
    message: drift.newCategories.length === 0 ? `column ${name} has no category the reference never saw` : `column ${name} has ${drift.newCategories.length} categor${drift.newCategories.length === 1 ? 'y' : 'ies'} the reference never saw (${drift.newCategories.slice(0, 5).map((c) => `"${c.category}" ×${c.count}`).join(', ')}), ${fmt(share)} of its values`,
    metric: 'new_category_share',
    value: share,
    bound: { max: monitor.newCategories.maxShare },
    n: currentCount,
    formula: 'share = values in categories absent from the reference / non-missing current values',
    evidence: { column: name, categories: drift.newCategories.map((c) => ({ category: c.category, count: c.count })) },
    location,
  };
}

export function datasetFinding(result: DatasetDrift, monitor: Monitor): Finding {
  const tested = result.tested > 0;
  return {
    ruleId: 'dataset_drift',
    kind: 'drift',
    severity: monitor.datasetDrift.severity,
    status: tested ? statusOf(result.drift, monitor.datasetDrift.severity) : 'insufficient_evidence',
    message: tested
      ? `${result.drifting.length} of ${result.tested} columns drifted (share ${fmt(result.share)}; the dataset drifts at ≥ ${fmt(result.threshold)})${result.drifting.length > 0 ? `: ${result.drifting.join(', ')}` : ''}`
      : 'no column could be tested',
    metric: 'drift_share',
    value: tested ? result.share : null,
    bound: { max: result.threshold },
    n: result.tested,
    formula: 'share = drifting columns / tested columns; the dataset drifts when share ≥ threshold',
    evidence: { drifting: result.drifting, tested: result.tested, ...(result.adjustedPValues === undefined ? {} : { adjustedPValues: result.adjustedPValues, fdr: monitor.fdr }) },
    location: monitor.location,
  };
}

/** JSON has no NaN or Infinity: such values are reported as null. */
function finite(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}
