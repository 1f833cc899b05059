import { fail } from '../../core/index.ts';
import type { ColumnDrift } from './column-drift.ts';
import { benjaminiHochberg } from './fdr.ts';

export interface DatasetDrift {
  /** Names of the drifting columns, in input order. */
  readonly drifting: readonly string[];
  /** Columns that could be tested (columns with no test are left out). */
  readonly tested: number;
  /** drifting / tested (NaN when nothing was tested). */
  readonly share: number;
  readonly threshold: number;
  /** share ≥ threshold. */
  readonly drift: boolean;
  /** Present when Benjamini–Hochberg was applied: the adjusted p-value per column name (columns with a p-value). */
  readonly adjustedPValues?: Readonly<Record<string, number>>;
}

export interface DatasetDriftOptions {
  /** Share of tested columns that must drift for the dataset to drift; default 0.5. */
  readonly share?: number;
  /**
   * False discovery rate q: when set, a column tested by a p-value (KS, chi-square) drifts when its Benjamini–Hochberg
   * adjusted p-value across the columns is ≤ q, instead of its raw p-value < its level. Distance-only columns keep
   * their threshold decision.
   */
  readonly fdr?: number;
}

/** Dataset drift: the dataset drifts when at least `share` of its tested columns drift. */
export function datasetDrift(columns: readonly { readonly name: string; readonly result: ColumnDrift }[], options: DatasetDriftOptions = {}): DatasetDrift {
  const threshold = options.share ?? 0.5;
  if (!(threshold > 0 && threshold <= 1)) fail('STATS_INVALID_OPTION', `share is ${threshold}`, { location: { path: 'share' }, expected: 'a number in (0, 1]' });
  const tested = columns.filter((column) => column.result.tests.length > 0);
  let decisions = tested.map((column) => column.result.drift);
  let adjustedPValues: Record<string, number> | undefined;
  if (options.fdr !== undefined) {
    const q = options.fdr;
    if (!(q > 0 && q < 1)) fail('STATS_INVALID_OPTION', `fdr is ${q}`, { location: { path: 'fdr' }, expected: 'a number strictly between 0 and 1' });
    const adjusted = benjaminiHochberg(tested.map((column) => column.result.pValue));
    adjustedPValues = {};
    decisions = tested.map((column, i) => {
      const p = adjusted[i] as number;
      if (Number.isNaN(p)) return column.result.drift;
      (adjustedPValues as Record<string, number>)[column.name] = p;
      const distanceDrift = column.result.statistics.some((s) => s.pValue === undefined && s.drift);
      return p <= q || distanceDrift;
    });
  }
  const drifting = tested.filter((_, i) => decisions[i] === true).map((column) => column.name);
  const share = tested.length === 0 ? Number.NaN : drifting.length / tested.length;
  return { drifting, tested: tested.length, share, threshold, drift: share >= threshold, ...(adjustedPValues === undefined ? {} : { adjustedPValues }) };
}
