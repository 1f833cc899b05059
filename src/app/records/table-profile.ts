import { extname } from 'node:path';
import type { ColumnSchema } from '../../core/index.ts';
import { openTable, readRaw, type ReadProgress, type TableFormat } from '../../readers/index.ts';
import { inferColumnTypes } from './column-types.ts';

/** Rows of the sample column types are inferred from. */
export const SCHEMA_SAMPLE_ROWS = 10_000;

const tabular: Readonly<Record<string, TableFormat>> = {
  '.csv': 'csv',
  '.tsv': 'csv',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.parquet': 'parquet',
  '.pq': 'parquet',
};

/** The table format of a file by its extension, or undefined for a file that is not read as a table. */
export function tabularFormatOf(path: string): TableFormat | undefined {
  return tabular[extname(path).toLowerCase()];
}

export interface TableProfile {
  readonly rows: number;
  readonly columns: readonly ColumnSchema[];
}

/**
 * Row count and schema of a table file with the project's readers: one short read of the first SCHEMA_SAMPLE_ROWS
 * rows (every column as text) for the types, and one full streaming read that decodes no column for the count —
 * decoding every column of every row would cost far more and keep every distinct value in memory. A malformed
 * file fails with the reader's own coded error (file, line, column).
 */
export async function profileTable(path: string, format: TableFormat, onProgress?: (progress: ReadProgress) => void): Promise<TableProfile> {
  const source = { path, format };
  const { header } = await openTable(source, []);
  const sample = await openTable(source, header.map((name) => ({ name, kind: 'category' as const })), { batchRows: SCHEMA_SAMPLE_ROWS, sampleRows: SCHEMA_SAMPLE_ROWS });
  let first;
  for await (const batch of sample.batches()) {
    first = batch;
    break;
  }
  const columns = inferColumnTypes(header, first);
  const { rows } = await readRaw(source, [], onProgress === undefined ? {} : { onProgress });
  return { rows, columns };
}
