import type { EvaluationBatch } from '../../core/index.ts';
import type { MonitorLabels } from '../../policy/monitor/index.ts';
import type { WindowDecision } from '../../store/index.ts';
import type { DriftProfile } from './profile-table.ts';

/**
 * How a stored decision reads as a row of a table, so one monitor document serves files and ingested decisions: its
 * `features` and `sensitive` attributes by name, plus `prediction`, `score` and — once it arrived — `label`.
 */
export function decisionRow(decision: WindowDecision): Record<string, unknown> {
  const record = JSON.parse(decision.record) as { features?: Record<string, unknown>; sensitive?: Record<string, unknown>; prediction?: unknown; score?: unknown };
  const row: Record<string, unknown> = { ...record.features, ...record.sensitive, prediction: record.prediction, score: record.score };
  if (decision.label !== undefined) row.label = (JSON.parse(decision.label) as { label?: unknown }).label;
  return row;
}

/** A number, or NaN (missing) for anything that is not a finite number or a numeric string. */
function numberOf(value: unknown): number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : Number.NaN;
  if (typeof value === 'string' && value.trim() !== '') return Number(value);
  return Number.NaN;
}

/** Adds one page of rows to the column's drift profile (values the reader would read as missing are missing). */
export function addRows(profile: DriftProfile, name: string, rows: readonly Record<string, unknown>[]): void {
  if (profile.kind === 'numeric') {
    profile.add(Float64Array.from(rows, (row) => numberOf(row[name])));
    return;
  }
  const dictionary: string[] = [];
  const codes = new Map<string, number>();
  const column = Int32Array.from(rows, (row) => {
    const value = row[name];
    if (value === undefined || value === null || value === '') return -1;
    const text = String(value);
    let code = codes.get(text);
    if (code === undefined) {
      code = dictionary.length;
      dictionary.push(text);
      codes.set(text, code);
    }
    return code;
  });
  profile.add(column, dictionary);
}

/**
 * A class as 1/0: equal to `positive_label` when the monitor names one; else true/1/"1"/"true" is 1 and
 * false/0/"0"/"false" is 0. Anything else (or no label yet) is missing, and the gate's profile leaves the row out.
 */
function classOf(value: unknown, positive: MonitorLabels['positiveLabel']): number {
  if (value === undefined || value === null) return Number.NaN;
  if (positive !== undefined) return String(value) === String(positive) ? 1 : 0;
  if (value === true || value === 1 || value === '1' || value === 'true') return 1;
  if (value === false || value === 0 || value === '0' || value === 'false') return 0;
  return Number.NaN;
}

/**
 * One page as the gate's evaluation batch: y_true from `labels.y_true`, y_pred from `labels.y_pred` or score ≥
 * threshold, the sensitive columns coded through dictionaries shared across pages (`groupValues`, append-only).
 */
export function evaluationBatch(rows: readonly Record<string, unknown>[], labels: MonitorLabels, groupValues: string[][]): EvaluationBatch {
  const codeMaps = groupValues.map((values) => new Map(values.map((value, code) => [value, code])));
  const yPred = Float64Array.from(rows, (row) => {
    if (labels.yPred !== undefined) return classOf(row[labels.yPred], labels.positiveLabel);
    const score = numberOf(row[labels.score ?? '']);
    return Number.isNaN(score) ? Number.NaN : score >= (labels.threshold ?? 0.5) ? 1 : 0;
  });
  const groups = labels.sensitive.map((name, k) =>
    Int32Array.from(rows, (row) => {
      const value = row[name];
      if (value === undefined || value === null) return -1;
      const text = String(value);
      const codes = codeMaps[k] as Map<string, number>;
      const values = groupValues[k] as string[];
      let code = codes.get(text);
      if (code === undefined) {
        code = values.length;
        values.push(text);
        codes.set(text, code);
      }
      return code;
    }),
  );
  return {
    rows: rows.length,
    yTrue: Float64Array.from(rows, (row) => classOf(row[labels.yTrue], labels.positiveLabel)),
    yPred,
    ...(labels.score === undefined ? {} : { score: Float64Array.from(rows, (row) => numberOf(row[labels.score as string])) }),
    groups,
    groupValues,
  };
}
