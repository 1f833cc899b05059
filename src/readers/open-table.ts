import { openCsv } from './csv/reader.ts';
import { formatOf } from './format.ts';
import { openJsonl } from './jsonl/reader.ts';
import { openParquet } from './parquet/reader.ts';
import type { ColumnRequest, ReadOptions, TableReader, TableSource } from './types.ts';

/**
 * Opens a table file of any supported format: the header (or schema) is read and every requested column checked now
 * (INPUT_MISSING_COLUMN names the closest header name); rows stream later from `batches()`, decoding only the
 * requested columns.
 */
export async function openTable(source: TableSource, request: readonly ColumnRequest[], options: ReadOptions = {}): Promise<TableReader> {
  switch (formatOf(source)) {
    case 'csv':
      return openCsv(source, request, options);
    case 'jsonl':
      return openJsonl(source, request, options);
    case 'parquet':
      return openParquet(source, request, options);
  }
}
