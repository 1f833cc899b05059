import { defined, type Finding, type MetricsSection } from '../../core/index.ts';
import type { MonitorLabels } from '../../policy/monitor/index.ts';
import { readEvaluation, type TableFormat } from '../../readers/index.ts';
import { computeMetrics, createEvaluationProfile } from '../../stats/index.ts';
import { statusOf } from './drift-findings.ts';

export interface WindowMetrics {
  readonly metrics: MetricsSection;
  readonly rows: number;
  /** Rows whose y_true is present / rows. Labels arrive late, so a fresh window is often partly labelled. */
  readonly coverage: number;
  readonly provisional: boolean;
}

/**
 * The gate's accuracy and fairness metrics on a window that carries labels: the same reader, profile and metric code
 * as `steward check` (rows without a label are left out of every metric, as in the gate). The window is
 * `provisional` while its label coverage is below `labels.min_coverage`.
 */
export async function windowMetrics(file: string, labels: MonitorLabels, options: { format?: TableFormat; delimiter?: string } = {}): Promise<WindowMetrics> {
  const evaluation = await readEvaluation(
    { path: file, ...defined({ format: options.format, delimiter: options.delimiter }) },
    {
      task: 'binary',
      yTrue: labels.yTrue,
      sensitive: labels.sensitive,
      ...defined({ yPred: labels.yPred, score: labels.score, threshold: labels.threshold, positiveLabel: labels.positiveLabel === undefined ? undefined : String(labels.positiveLabel) }),
    },
  );
  const profile = createEvaluationProfile({ task: 'binary', sensitive: labels.sensitive });
  for await (const batch of evaluation.batches()) profile.add(batch);
  const metrics = computeMetrics(profile, { confidence: 0.95, minGroupSize: 30, seed: 0, bootstrapSamples: 0, intersections: false });
  const yTrue = evaluation.health().find((health) => health.role === 'y_true');
  const rows = profile.rows;
  const coverage = rows === 0 ? 0 : (rows - (yTrue?.missing ?? 0)) / rows;
  return { metrics, rows, coverage, provisional: coverage < labels.minCoverage };
}

/**
 * One finding per `labels.metrics` rule: an overall metric, or a disparity between the groups of `grouping`. A rule
 * that fires on a provisional window is a warning, never a failure, and every finding of such a window says so.
 */
export function labelFindings(labels: MonitorLabels, window: WindowMetrics): Finding[] {
  const note = window.provisional ? ` (provisional: label coverage ${round(window.coverage)} < ${labels.minCoverage})` : '';
  return labels.metrics.map((rule): Finding => {
    const disparity = rule.grouping === undefined ? undefined : window.metrics.disparities.find((d) => d.metric === rule.metric && d.aggregation === 'between_groups' && d.grouping.length === 1 && d.grouping[0] === rule.grouping);
    const value = rule.grouping === undefined ? window.metrics.overall.metrics[rule.metric]?.value : disparity?.value;
    const bound = defined({ min: rule.min, max: rule.max });
    const base = { ruleId: rule.id, kind: rule.grouping === undefined ? ('metric' as const) : ('disparity' as const), severity: rule.severity, metric: rule.metric, bound, location: rule.location, evidence: { coverage: window.coverage, provisional: window.provisional, minCoverage: labels.minCoverage } };
    if (value === undefined || value === null) {
      return { ...base, status: 'insufficient_evidence', value: null, message: `${rule.metric}${rule.grouping === undefined ? '' : ` over ${rule.grouping}`} is not defined on this window${note}` };
    }
    const fired = (rule.min !== undefined && value < rule.min) || (rule.max !== undefined && value > rule.max);
    const status = window.provisional && fired ? 'warn' : statusOf(fired, rule.severity);
    return { ...base, status, value, ...(disparity === undefined ? {} : { grouping: disparity.grouping, aggregation: disparity.aggregation, formula: disparity.formula }), message: `${rule.metric}${rule.grouping === undefined ? '' : ` over ${rule.grouping}`} is ${round(value)}${fired ? ', outside its bound' : ''}${note}` };
  });
}

const round = (value: number): string => String(Math.round(value * 10_000) / 10_000);
