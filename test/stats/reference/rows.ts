/**
 * A deliberately slow, literal reference for the stats stage: plain arrays of rows, sorting, Map of row lists, one
 * loop per definition, written straight from scikit-learn's and Fairlearn's documented formulas. The tests use it
 * as the oracle for the profile-based implementation; it shares no code with src/stats.
 */
export interface Row {
  readonly yTrue: number;
  readonly yPred: number;
  readonly score: number;
  readonly weight: number;
  readonly groups: readonly (string | null)[];
}

const usable = (rows: readonly Row[]): Row[] =>
  rows.filter((r) => !Number.isNaN(r.yTrue) && !Number.isNaN(r.yPred) && !Number.isNaN(r.weight));
const scored = (rows: readonly Row[]): Row[] => usable(rows).filter((r) => !Number.isNaN(r.score));
const sumW = (rows: readonly Row[]): number => rows.reduce((s, r) => s + r.weight, 0);
const div0 = (a: number, b: number): number => (b > 0 ? a / b : 0);

export function referenceRates(all: readonly Row[]): Record<string, number | null> {
  const rows = usable(all);
  const w = (f: (r: Row) => boolean): number => sumW(rows.filter(f));
  const tp = w((r) => r.yTrue === 1 && r.yPred === 1);
  const tn = w((r) => r.yTrue === 0 && r.yPred === 0);
  const fp = w((r) => r.yTrue === 0 && r.yPred === 1);
  const fn = w((r) => r.yTrue === 1 && r.yPred === 0);
  const n = tp + tn + fp + fn;
  if (!(n > 0)) {
    return Object.fromEntries(
      ['base_rate', 'selection_rate', 'accuracy', 'precision', 'recall', 'true_positive_rate', 'true_negative_rate', 'false_positive_rate', 'false_negative_rate', 'f1', 'balanced_accuracy'].map((k) => [k, null]),
    );
  }
  const classes: number[] = [];
  if (tn + fp > 0) classes.push(tn / (tn + fp));
  if (tp + fn > 0) classes.push(tp / (tp + fn));
  return {
    base_rate: (tp + fn) / n,
    selection_rate: (tp + fp) / n,
    accuracy: (tp + tn) / n,
    precision: div0(tp, tp + fp),
    recall: div0(tp, tp + fn),
    true_positive_rate: div0(tp, tp + fn),
    true_negative_rate: div0(tn, tn + fp),
    false_positive_rate: div0(fp, fp + tn),
    false_negative_rate: div0(fn, fn + tp),
    f1: div0(2 * tp, 2 * tp + fp + fn),
    balanced_accuracy: classes.length === 0 ? null : classes.reduce((a, b) => a + b, 0) / classes.length,
  };
}

/** ROC AUC by sorting: the ROC curve's points at each distinct threshold (descending), area by trapezoids. */
export function referenceAuc(all: readonly Row[]): number | null {
  const rows = scored(all).sort((a, b) => b.score - a.score);
  const P = sumW(rows.filter((r) => r.yTrue === 1));
  const N = sumW(rows.filter((r) => r.yTrue === 0));
  if (!(P > 0) || !(N > 0)) return null;
  let tps = 0;
  let fps = 0;
  let area = 0;
  let i = 0;
  while (i < rows.length) {
    const threshold = (rows[i] as Row).score;
    const prevT = tps / P;
    const prevF = fps / N;
    while (i < rows.length && (rows[i] as Row).score === threshold) {
      const r = rows[i] as Row;
      if (r.yTrue === 1) tps += r.weight;
      else fps += r.weight;
      i++;
    }
    area += ((fps / N - prevF) * (tps / P + prevT)) / 2;
  }
  return area;
}

/** Average precision as sklearn: Σ over distinct thresholds (descending) of (R_n − R_{n−1}) · P_n. */
export function referenceAveragePrecision(all: readonly Row[]): number | null {
  const rows = scored(all).sort((a, b) => b.score - a.score);
  const P = sumW(rows.filter((r) => r.yTrue === 1));
  if (!(P > 0)) return null;
  let tps = 0;
  let fps = 0;
  let previousRecall = 0;
  let ap = 0;
  let i = 0;
  while (i < rows.length) {
    const threshold = (rows[i] as Row).score;
    while (i < rows.length && (rows[i] as Row).score === threshold) {
      const r = rows[i] as Row;
      if (r.yTrue === 1) tps += r.weight;
      else fps += r.weight;
      i++;
    }
    const recall = tps / P;
    const precision = tps + fps > 0 ? tps / (tps + fps) : 0;
    ap += (recall - previousRecall) * precision;
    previousRecall = recall;
  }
  return ap;
}

export function referenceScoreMetrics(all: readonly Row[]): Record<string, number | null> {
  const rows = scored(all);
  const W = sumW(rows);
  if (!(W > 0)) return { log_loss: null, brier_score: null, expected_calibration_error: null, calibration_in_the_large: null };
  const eps = 2.220446049250313e-16;
  let ll = 0;
  let brier = 0;
  let sp = 0;
  let sy = 0;
  for (const r of rows) {
    const p = Math.min(Math.max(r.score, eps), 1 - eps);
    ll += -r.weight * (r.yTrue * Math.log(p) + (1 - r.yTrue) * Math.log(1 - p));
    brier += r.weight * (r.score - r.yTrue) ** 2;
    sp += r.weight * r.score;
    sy += r.weight * r.yTrue;
  }
  const bins = new Map<number, Row[]>();
  for (const r of rows) {
    const b = r.score <= 0 ? 0 : r.score >= 1 ? 9 : Math.min(9, Math.floor(r.score * 10));
    bins.set(b, [...(bins.get(b) ?? []), r]);
  }
  let ece = 0;
  for (const members of bins.values()) {
    const wb = sumW(members);
    if (wb === 0) continue;
    const meanY = members.reduce((s, r) => s + r.weight * r.yTrue, 0) / wb;
    const meanP = members.reduce((s, r) => s + r.weight * r.score, 0) / wb;
    ece += (wb / W) * Math.abs(meanY - meanP);
  }
  return { log_loss: ll / W, brier_score: brier / W, expected_calibration_error: ece, calibration_in_the_large: (sp - sy) / W };
}

export function referenceRegression(all: readonly Row[]): Record<string, number | null> {
  const rows = usable(all);
  const W = sumW(rows);
  if (!(W > 0)) return { mean_absolute_error: null, root_mean_squared_error: null, r2: null, mean_absolute_percentage_error: null };
  const mean = rows.reduce((s, r) => s + r.weight * r.yTrue, 0) / W;
  const ssRes = rows.reduce((s, r) => s + r.weight * (r.yTrue - r.yPred) ** 2, 0);
  const ssTot = rows.reduce((s, r) => s + r.weight * (r.yTrue - mean) ** 2, 0);
  const eps = 2.220446049250313e-16;
  return {
    mean_absolute_error: rows.reduce((s, r) => s + r.weight * Math.abs(r.yTrue - r.yPred), 0) / W,
    root_mean_squared_error: Math.sqrt(ssRes / W),
    r2: rows.length < 2 ? null : ssTot === 0 ? (ssRes === 0 ? 1 : 0) : 1 - ssRes / ssTot,
    mean_absolute_percentage_error: rows.reduce((s, r) => s + (r.weight * Math.abs(r.yTrue - r.yPred)) / Math.max(Math.abs(r.yTrue), eps), 0) / W,
  };
}

/** Group-by on the given column positions; key `name=value&…`, missing → `(missing)`. */
export function referenceGroupBy(rows: readonly Row[], names: readonly string[], columns: readonly number[]): Map<string, Row[]> {
  const out = new Map<string, Row[]>();
  for (const r of rows) {
    const key = columns.map((c) => `${names[c]}=${r.groups[c] ?? '(missing)'}`).join('&');
    out.set(key, [...(out.get(key) ?? []), r]);
  }
  return out;
}

/** Fairlearn-style aggregation of one metric over the groups (values already filtered to the taking-part groups). */
export function referenceAggregate(form: 'difference' | 'ratio', aggregation: 'between_groups' | 'to_overall', values: number[], overall: number): number | null {
  if (values.length < 2) return null;
  const fold = (a: number, b: number): number => (a === b ? 1 : Math.max(a, b) > 0 ? Math.min(a, b) / Math.max(a, b) : 1);
  if (form === 'difference') {
    return aggregation === 'between_groups' ? Math.max(...values) - Math.min(...values) : Math.max(...values.map((v) => Math.abs(v - overall)));
  }
  return aggregation === 'between_groups' ? fold(Math.min(...values), Math.max(...values)) : Math.min(...values.map((v) => fold(v, overall)));
}
