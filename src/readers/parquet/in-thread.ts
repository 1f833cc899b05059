import { parquetMetadataAsync, parquetRead, parquetSchema, type FileMetaData } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { fail, isStewardError, StewardError } from '../../core/index.ts';
import { BatchBuffers } from '../columns/batch.ts';
import { planColumns } from '../columns/plan.ts';
import { DEFAULT_BATCH_ROWS } from '../csv/reader.ts';
import { openForReading } from '../file-chunks.ts';
import type { ColumnRequest, ReadOptions, RowBatch, TableReader, TableSource } from '../types.ts';
import { fileAsyncBuffer } from './file-buffer.ts';
import { SlicePages } from './pages.ts';
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
      const slotOf = new Map(columns.map((name, index) => [name, index]));
      let rowsRead = 0;
      let groupStart = 0;
      for (const group of metadata.row_groups) {
        const groupEnd = groupStart + Number(group.num_rows);
        // A slice of DECODE_ROWS rows at a time, not the whole row group: hyparquet decodes only the pages a slice
        // touches (through the offset index when the writer wrote one), so memory is bounded by a slice instead of a
        // row group (a 1M-row group of strings is hundreds of MB of JavaScript values). Slices much smaller than a
        // page would decode the same page again and again, hence a few batches per slice.
        for (let sliceStart = groupStart; sliceStart < groupEnd; sliceStart += DECODE_ROWS) {
          const sliceEnd = Math.min(sliceStart + DECODE_ROWS, groupEnd);
          const pages = new SlicePages(columns.length);
          await guard(file, () =>
            parquetRead({
              file: buffer,
              metadata,
              columns,
              rowStart: sliceStart,
              rowEnd: sliceEnd,
              compressors,
              useOffsetIndex: true,
              onChunk: (chunk) => pages.add(slotOf.get(chunk.columnName) ?? -1, { start: chunk.rowStart, data: chunk.columnData }),
            }),
          );
          pages.seal();
          for (let firstRow = sliceStart; firstRow < sliceEnd; firstRow += batchRows) {
            const rows = Math.min(batchRows, sliceEnd - firstRow);
            const buffers = new BatchBuffers(plan.slots, rows);
            plan.slots.forEach((slot, index) => {
              const locate = (row: number) => ({ file, path: `rows[${firstRow + row}].${slot.name}` });
              pages.each(index, firstRow, firstRow + rows, file, (data, from, count, at) => decodeParquetValues(slot, index, buffers, data, from, count, at, locate));
            });
            buffers.rows = rows;
            rowsRead += rows;
            yield buffers.finish(firstRow, (row, column) => ({ file, path: `rows[${firstRow + row}]${column === undefined ? '' : `.${column}`}` }));
          }
        }
        groupStart = groupEnd;
        // Parquet has no byte cursor to report: progress is the share of rows read, scaled to the file size.
        options.onProgress?.({ bytesRead: Math.round((opened.size * rowsRead) / Math.max(1, totalRows)), totalBytes: opened.size, rowsRead });
      }
    } finally {
      await opened.handle.close();
    }
  }

  return { format: 'parquet', header, totalBytes: size, totalRows, batches };
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
