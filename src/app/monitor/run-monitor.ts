import { defined, type Finding, type InputRef, type MetricsSection, type Verdict } from '../../core/index.ts';
import { summarize } from '../../policy/index.ts';
import { loadMonitor, type Monitor, type MonitorColumn } from '../../policy/monitor/index.ts';
import type { TableFormat } from '../../readers/index.ts';
import { columnDrift, datasetDrift, type ColumnDrift, type DriftThresholds } from '../../stats/drift/index.ts';
import { digestFile } from '../file-digest.ts';
import { sealVerdict } from '../seal-verdict.ts';
import { columnFinding, datasetFinding, missingFinding, newCategoryFinding } from './drift-findings.ts';
import { expressionFindings } from './expression-findings.ts';
import { labelFindings, windowMetrics, type WindowMetrics } from './label-metrics.ts';
import { profileTable, type DriftProfile } from './profile-table.ts';
import { loadReference, type LoadedReference, type ReferenceColumnJson } from './reference.ts';

export interface MonitorRunRequest {
  readonly monitorFile: string;
  readonly referenceFile: string;
  readonly currentFile: string;
  readonly dataFormat?: TableFormat;
  readonly delimiter?: string;
}

export interface MonitorRun {
  readonly monitor: Monitor;
  readonly reference: LoadedReference;
  /** The window judged: here the current file's digest. */
  readonly window: string;
  readonly verdict: Verdict;
}

/**
 * `steward monitor run`, one shot: the current file is profiled (one pass, columns of the reference), each column is
 * compared with the stored reference profile (statistics chosen per column type and size, fixed or learned
 * thresholds), then missing-rate change, new categories, dataset drift and the CEL rules become findings of a
 * Verdict, so every report format of the gate renders it and the exit code follows the same rule.
 */
export async function runMonitor(request: MonitorRunRequest): Promise<MonitorRun> {
  const monitor = await loadMonitor(request.monitorFile);
  const reference = await loadReference(request.referenceFile, monitor);
  const digest = digestFile(request.currentFile); // hashed on another core while this one profiles
  digest.catch(() => undefined);
  const current = await profileTable(request.currentFile, reference.columns, defined({ format: request.dataFormat, delimiter: request.delimiter }));
  const currentDigest = await digest;
  const labels = monitor.labels === undefined ? undefined : await windowMetrics(request.currentFile, monitor.labels, defined({ format: request.dataFormat, delimiter: request.delimiter }));
  const verdict = judgeWindow({ monitor, reference, rows: current.rows, profiles: current.profiles, ...(labels === undefined ? {} : { labels }), dataset: { role: 'dataset', file: request.currentFile, digest: currentDigest, rows: current.rows } });
  return { monitor, reference, window: currentDigest, verdict };
}

export interface WindowJudgement {
  readonly monitor: Monitor;
  readonly reference: LoadedReference;
  readonly rows: number;
  /** The window's drift profile of every reference column. */
  readonly profiles: ReadonlyMap<string, DriftProfile>;
  readonly labels?: WindowMetrics;
  /** The window as the verdict's `dataset` input (a file and its digest, or a store window). */
  readonly dataset: InputRef;
}

/**
 * The judgement of one window, whatever it came from (a file or ingested decisions): each column is compared with
 * the stored reference profile (statistics chosen per column type and size, fixed or learned thresholds), then
 * missing-rate change, new categories, dataset drift, label metrics and the CEL rules become findings of a Verdict,
 * so every report format of the gate renders it and the exit code follows the same rule.
 */
export function judgeWindow(input: WindowJudgement): Verdict {
  const { monitor, reference, profiles } = input;
  const settingsOf = columnSettings(monitor);
  const results: { name: string; result: ColumnDrift }[] = [];
  for (const column of reference.reference.columns) {
    const settings = settingsOf(column.name);
    const thresholds = learnedThresholds(settings.thresholds, column);
    const result = columnDrift(reference.profiles.get(column.name) as DriftProfile, profiles.get(column.name) as DriftProfile, {
      thresholds,
      bins: monitor.bins,
      ...(settings.tests === undefined ? {} : { tests: settings.tests }),
    });
    results.push({ name: column.name, result });
  }
  const dataset = datasetDrift(results, { share: monitor.datasetDrift.share, ...(monitor.fdr === undefined ? {} : { fdr: monitor.fdr }) });
  const findings: Finding[] = [];
  for (const { name, result } of results) {
    const settings = settingsOf(name);
    const adjusted = dataset.adjustedPValues === undefined ? undefined : dataset.drifting.includes(name);
    findings.push(columnFinding(name, result, settings, adjusted));
    findings.push(missingFinding(name, result, monitor, settings.location));
    const profile = profiles.get(name) as DriftProfile;
    if (profile.kind === 'categorical') findings.push(newCategoryFinding(name, result, profile.count, monitor, settings.location));
  }
  findings.push(datasetFinding(dataset, monitor));
  if (monitor.labels !== undefined && input.labels !== undefined) findings.push(...labelFindings(monitor.labels, input.labels));
  findings.push(...expressionFindings(monitor, results, dataset, input.labels?.metrics));
  const inputs: InputRef[] = [
    { role: 'policy', file: monitor.file, digest: monitor.digest },
    { role: 'baseline', file: reference.file, digest: reference.digest, rows: reference.reference.data.rows },
    input.dataset,
  ];
  const [model, version] = splitModel(monitor.model);
  return sealVerdict(
    {
      policy: { name: monitor.name, file: monitor.file, digest: monitor.digest },
      model: { name: model, ...(version === undefined ? { version: reference.reference.version } : { version }) },
      inputs,
      seed: 0,
      settings: { confidence: 0.95, minGroupSize: 0, failOn: 'point', bootstrapSamples: 0 },
      columns: Object.fromEntries(reference.columns.map((column) => [column.name, column.type])),
      health: reference.columns.map((column) => {
        const profile = profiles.get(column.name) as DriftProfile;
        return { column: column.name, role: 'feature', missing: profile.missing, rows: profile.count + profile.missing };
      }),
      metrics: input.labels?.metrics ?? emptyMetrics(input.rows),
    },
    findings,
    (list) => (list.some((finding) => finding.status === 'fail') ? 'fail' : 'pass'),
    summarize,
  );
}

export function splitModel(model: string): [string, string | undefined] {
  const at = model.lastIndexOf('@');
  return at <= 0 ? [model, undefined] : [model.slice(0, at), model.slice(at + 1)];
}

/** The monitor's settings of one column (a column of `columns: infer` gets the monitor-wide ones). */
function columnSettings(monitor: Monitor): (name: string) => Pick<MonitorColumn, 'severity' | 'location' | 'thresholds' | 'tests'> {
  const declared = new Map(monitor.columns === 'infer' ? [] : monitor.columns.map((column) => [column.name, column]));
  return (name) => declared.get(name) ?? { severity: monitor.driftSeverity, location: monitor.location, thresholds: monitor.thresholds };
}

/** A learned bound replaces the fixed threshold of its statistic: the upper end mean + k·σ of the chunk statistics. */
function learnedThresholds(fixed: DriftThresholds, column: ReferenceColumnJson): DriftThresholds {
  const learned = column.learned;
  if (learned === undefined) return fixed;
  const out = { ...fixed };
  for (const [test, bounds] of Object.entries(learned)) if (bounds !== undefined && bounds.high > 0) out[test as keyof DriftThresholds] = bounds.high;
  return out;
}

/** A window without labels has no model metrics: an empty section keeps the Verdict shape. */
function emptyMetrics(rows: number): MetricsSection {
  return { task: 'binary', overall: { key: 'overall', grouping: [], group: {}, rows, weight: rows, metrics: {} }, groups: [], disparities: [] };
}
