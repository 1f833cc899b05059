import { fail } from '../../core/index.ts';
import { openTable, type CategoryColumn, type NumberColumn, type ReadOptions, type TableSource } from '../../readers/index.ts';
import type { AttributionMetrics } from '../../stats/explain/index.ts';

export interface ImportanceFileSpec {
  readonly source: TableSource;
  /** Default `feature`. */
  readonly featureColumn?: string;
  /** Default `importance`. */
  readonly importanceColumn?: string;
}

/**
 * Reads a global importance file (one row per feature: name, importance — e.g. mean |SHAP|, or a model's built-in
 * feature_importances_) into feature → importance, in file order. Memory is one entry per feature. A repeated or
 * empty feature name, or an importance that is missing or not finite, is EXPLAIN_DUPLICATE_FEATURE at its line.
 */
export async function readGlobalImportance(spec: ImportanceFileSpec, options: ReadOptions = {}): Promise<Map<string, number>> {
  const featureColumn = spec.featureColumn ?? 'feature';
  const importanceColumn = spec.importanceColumn ?? 'importance';
  const table = await openTable(spec.source, [{ name: featureColumn, kind: 'category' }, { name: importanceColumn, kind: 'number' }], options);
  const importance = new Map<string, number>();
  for await (const batch of table.batches()) {
    const names = batch.columns.get(featureColumn) as CategoryColumn;
    const values = (batch.columns.get(importanceColumn) as NumberColumn).values;
    for (let row = 0; row < batch.rows; row++) {
      const code = names.codes[row] as number;
      const name = code < 0 ? undefined : names.dictionary[code];
      const value = values[row] as number;
      const problem =
        name === undefined ? 'has no feature name' : importance.has(name) ? `repeats feature "${name}"` : Number.isFinite(value) ? undefined : `has no finite importance for "${name}"`;
      if (problem !== undefined) {
        fail('EXPLAIN_DUPLICATE_FEATURE', `the importance file ${problem}`, {
          location: batch.locate(row, name === undefined || importance.has(name) ? featureColumn : importanceColumn),
          expected: 'one row per feature with a name and a finite importance',
        });
      }
      importance.set(name as string, value);
    }
  }
  if (importance.size === 0) fail('EXPLAIN_NO_FEATURES', 'the importance file lists no feature', { location: { file: spec.source.path } });
  return importance;
}

/** The overall global importance (mean |attribution|) of computed attribution metrics, as compareImportance takes it. */
export function importanceOf(metrics: AttributionMetrics): Map<string, number> {
  return new Map(metrics.overall.features.flatMap((f) => (f.importance === null ? [] : [[f.feature, f.importance] as const])));
}
