import { defined } from '../../core/index.ts';
import type { Monitor } from '../../policy/monitor/index.ts';
import { openTable, type TableFormat } from '../../readers/index.ts';
import type { WatchedColumn } from './profile-table.ts';

/** Rows read to tell whether a column of undeclared type holds numbers. */
const SNIFF_ROWS = 10_000;

/**
 * The columns a monitor watches, with their kinds. `columns: infer` means every column of the reference file except
 * the label mapping (y_true, y_pred, score); a column of type `infer` (or any column then) is a number when every
 * non-missing value among the first 10,000 rows is a finite number, else a category.
 */
export async function watchedColumns(monitor: Monitor, path: string, options: { format?: TableFormat; delimiter?: string } = {}): Promise<WatchedColumn[]> {
  const source = { path, ...defined({ format: options.format, delimiter: options.delimiter }) };
  const labelColumns = new Set([monitor.labels?.yTrue, monitor.labels?.yPred, monitor.labels?.score].filter((name) => name !== undefined));
  const declared =
    monitor.columns === 'infer'
      ? (await openTable(source, [])).header.filter((name) => !labelColumns.has(name)).map((name) => ({ name, type: 'infer' as const }))
      : monitor.columns.map((column) => ({ name: column.name, type: column.type }));
  const unknown = declared.filter((column) => column.type === 'infer').map((column) => column.name);
  const numeric = unknown.length === 0 ? new Set<string>() : await sniffNumbers(source, unknown);
  return declared.map((column) => ({ name: column.name, type: column.type === 'infer' ? (numeric.has(column.name) ? 'number' : 'category') : column.type }));
}

async function sniffNumbers(source: { path: string }, names: readonly string[]): Promise<Set<string>> {
  const reader = await openTable(source, names.map((name) => ({ name, kind: 'category' })), { batchRows: SNIFF_ROWS, sampleRows: SNIFF_ROWS });
  const numeric = new Set(names);
  for await (const batch of reader.batches()) {
    for (const name of names) {
      const column = batch.columns.get(name);
      if (column?.kind !== 'category') continue;
      let seen = false;
      for (const code of column.codes) {
        if (code < 0) continue;
        seen = true;
        const text = (column.dictionary[code] ?? '').trim();
        if (text === '' || !Number.isFinite(Number(text))) {
          numeric.delete(name);
          break;
        }
      }
      if (!seen) numeric.delete(name);
    }
    break; // the first batch is the sample
  }
  return numeric;
}
