import { parquetMetadataAsync, parquetScan, parquetSchema, type FileMetaData } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { fail, isStewardError, StewardError } from '../../core/index.ts';
import { BatchBuffers } from '../columns/batch.ts';
import { planColumns } from '../columns/plan.ts';
import { DEFAULT_BATCH_ROWS } from '../csv/reader.ts';
import { openForReading } from '../file-chunks.ts';
import type { ColumnRequest, ReadOptions, RowBatch, TableReader, TableSource } from '../types.ts';
import { fileAsyncBuffer } from './file-buffer.ts';
import { decodeParquetValues } from './values.ts';

/** Rows decoded per hyparquet call (see batches()). */
export const DECODE_ROWS = 1 << 18;

/**
 * Opens a Parquet file with hyparquet, in the calling thread (the worker's side of reader.ts; the magic bytes were
 * already checked there). The footer metadata gives the schema (header = top-level column names) now;
 * batches() then reads one row group at a time, only the requested columns, so memory is bounded by a row group, not
 * the file. Every Parquet codec but LZO is read (hyparquet does snappy; hyparquet-compressors adds gzip, zstd,
 * brotli, lz4 — writers such as pyarrow, Spark and DuckDB use zstd and gzip too). Anything hyparquet rejects (bad
 * magic, corrupt footer or pages, an LZO page) is
 * INPUT_INVALID_PARQUET. Row positions in errors are 0-based row indexes (`rows[12].score`).
 */
export async function openParquetInThread(source: TableSource, requests: readonly ColumnRequest[], options: ReadOptions = {}): Promise<TableReader> {
  const file = source.path;
  const batchRows = options.batchRows ?? DEFAULT_BATCH_ROWS;
  const { handle, size } = await openForReading(file);
  let metadata: FileMetaData;
  let header: string[];
  try {
    const buffer = fileAsyncBuffer(handle, size);
    metadata = await guard(file, () => parquetMetadataAsync(buffer));
    header = await guard(file, () => Promise.resolve(parquetSchema(metadata).children.map((child) => child.element.name)));
  } finally {
    await handle.close();
  }
  if (header.length === 0 || Number(metadata.num_rows) === 0) {
    fail('INPUT_EMPTY_FILE', 'the Parquet file has no rows', { location: { file }, expected: 'at least one row' });
  }
  const plan = planColumns(header, requests, { file, path: 'schema' });
  const totalRows = Number(metadata.num_rows);

  async function* batches(): AsyncGenerator<RowBatch> {
    const opened = await openForReading(file);
    try {
      const buffer = fileAsyncBuffer(opened.handle, opened.size);
      const columns = plan.slots.map((slot) => slot.name);
      const scan = await guard(file, () => parquetScan({ file: buffer, metadata, columns, compressors }));
      let rowsRead = 0;
      for (const range of scan.ranges) {
        // A slice of DECODE_ROWS rows at a time, not the whole row group: hyparquet decodes only the pages a slice
        // touches (through the offset index when the writer wrote one), so memory is bounded by a slice instead of a
        // row group (a 1M-row group of strings is hundreds of MB of JavaScript values). Slices much smaller than a
        // page would decode the same page again and again, hence a few batches per slice.
        for (let sliceStart = range.rowStart; sliceStart < range.rowEnd; sliceStart += DECODE_ROWS) {
          const sliceRows = Math.min(DECODE_ROWS, range.rowEnd - sliceStart);
          const data = await guard(file, () =>
            Promise.all(columns.map((column) => scan.readColumn({ column, rowStart: sliceStart, rowEnd: sliceStart + sliceRows }))),
          );
          if (data.some((values) => values.length !== sliceRows)) {
            fail('INPUT_INVALID_PARQUET', `a row group has fewer values than its ${range.rowEnd - range.rowStart} rows`, { location: { file, path: `rows[${sliceStart}]` } });
          }
          for (let from = 0; from < sliceRows; from += batchRows) {
            const rows = Math.min(batchRows, sliceRows - from);
            const firstRow = sliceStart + from;
            const buffers = new BatchBuffers(plan.slots, rows);
            plan.slots.forEach((slot, index) => {
              decodeParquetValues(slot, index, buffers, data[index] ?? [], from, rows, (row) => ({ file, path: `rows[${firstRow + row}].${slot.name}` }));
            });
            buffers.rows = rows;
            rowsRead += rows;
            yield buffers.finish(firstRow, (row, column) => ({ file, path: `rows[${firstRow + row}]${column === undefined ? '' : `.${column}`}` }));
          }
        }
        // Parquet has no byte cursor to report: progress is the share of rows read, scaled to the file size.
        options.onProgress?.({ bytesRead: Math.round((opened.size * rowsRead) / Math.max(1, totalRows)), totalBytes: opened.size, rowsRead });
      }
    } finally {
      await opened.handle.close();
    }
  }

  return { format: 'parquet', header, totalBytes: size, batches };
}

/** Runs a hyparquet call, turning whatever it throws on a corrupt file into INPUT_INVALID_PARQUET. */
async function guard<T>(file: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isStewardError(error)) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new StewardError(
      { code: 'INPUT_INVALID_PARQUET', message: `the Parquet file cannot be read: ${reason}`, location: { file }, expected: 'a valid Parquet file' },
      { cause: error },
    );
  }
}
