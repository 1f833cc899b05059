import { parquetMetadataAsync, parquetRead, parquetSchema, type AsyncBuffer, type FileMetaData } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { fail, isStewardError, StewardError } from '../../core/index.ts';
import { BatchBuffers } from '../columns/batch.ts';
import { planColumns } from '../columns/plan.ts';
import { DEFAULT_BATCH_ROWS } from '../csv/reader.ts';
import { openForReading } from '../file-chunks.ts';
import type { ColumnRequest, ReadOptions, RowBatch, TableReader, TableSource } from '../types.ts';
import { codingParsers } from './coded-text.ts';
import { fileAsyncBuffer } from './file-buffer.ts';
import { SlicePages } from './pages.ts';
import { decodeParquetValues } from './values.ts';

/**
 * Most rows decoded per slice (see batches()). A row group up to this size is one slice: Parquet pages may span a
 * whole column chunk (hyparquet-writer's do, 1M rows each in the benchmark file), and a slice that cuts a page
 * decodes the whole page again for every slice it touches. Larger groups (pyarrow once wrote 64M-row groups) are cut,
 * so memory stays bounded: 1M rows of the check's six columns are 36 MB of typed arrays.
 */
export const SLICE_ROWS = 1 << 20;

/**
 * Opens a Parquet file with hyparquet, in the calling thread (the worker's side of reader.ts; the magic bytes were
 * already checked there). The footer metadata gives the schema (header = top-level column names) now; batches() then
 * decodes one slice of a row group at a time (at most SLICE_ROWS rows; `sliceRowsOverride` lets tests cut smaller
 * ones), only the requested columns, so memory is bounded by a slice, not the file. Every Parquet codec but LZO is read
 * (hyparquet does snappy; hyparquet-compressors adds gzip, zstd, brotli, lz4 — writers such as pyarrow, Spark and
 * DuckDB use zstd and gzip too). Anything hyparquet rejects (bad magic, corrupt footer or pages, an LZO page) is
 * INPUT_INVALID_PARQUET. Row positions in errors are 0-based row indexes (`rows[12].score`).
 */
export async function openParquetInThread(
  source: TableSource,
  requests: readonly ColumnRequest[],
  options: ReadOptions = {},
  sliceRowsOverride?: number,
): Promise<TableReader> {
  const file = source.path;
  const batchRows = options.batchRows ?? DEFAULT_BATCH_ROWS;
  const sliceRows = Math.max(1, sliceRowsOverride ?? SLICE_ROWS);
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
  // A sample stops decoding where the caller stops reading (see ReadOptions.sampleRows).
  const lastRow = Math.min(totalRows, Math.max(1, options.sampleRows ?? totalRows));

  async function* batches(): AsyncGenerator<RowBatch> {
    const opened = await openForReading(file);
    try {
      const buffer = fileAsyncBuffer(opened.handle, opened.size);
      let rowsRead = 0;
      let groupStart = 0;
      for (const group of metadata.row_groups) {
        if (groupStart >= lastRow) break;
        const groupEnd = Math.min(groupStart + Number(group.num_rows), lastRow);
        for (let sliceStart = groupStart; sliceStart < groupEnd; sliceStart += sliceRows) {
          const sliceEnd = Math.min(sliceStart + sliceRows, groupEnd);
          const parts = await decodeSlice(buffer, sliceStart, sliceEnd);
          for (let part = 0; part < parts.length; part++) {
            const buffers = parts[part] as BatchBuffers;
            const firstRow = sliceStart + part * batchRows;
            rowsRead += buffers.rows;
            // Let go of the part before it is yielded: once posted, its arrays belong to the main thread.
            parts[part] = undefined;
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

  /**
   * Decodes rows [sliceStart, sliceEnd) of every requested column straight into the arrays of the slice's batches
   * (batchRows rows each, the last one shorter), one column at a time: hyparquet reads that column's bytes of the
   * slice (through the offset index when the writer wrote one) and decodes its pages, which are converted at once and
   * dropped before the next column is read. So at most one column's compressed bytes and decoded JavaScript values
   * are alive besides the batches' typed arrays. Each batch owns its arrays exactly (no copy is cut from a shared
   * slice), so the worker hands them to the main thread as they are.
   */
  async function decodeSlice(buffer: AsyncBuffer, sliceStart: number, sliceEnd: number): Promise<(BatchBuffers | undefined)[]> {
    const parts: BatchBuffers[] = [];
    for (let first = sliceStart; first < sliceEnd; first += batchRows) {
      const part = new BatchBuffers(plan.slots, Math.min(batchRows, sliceEnd - first));
      part.rows = part.capacity;
      parts.push(part);
    }
    for (const [index, slot] of plan.slots.entries()) {
      const pages = new SlicePages(1);
      await guard(file, () =>
        parquetRead({
          file: buffer,
          metadata,
          columns: [slot.name],
          rowStart: sliceStart,
          rowEnd: sliceEnd,
          compressors,
          useOffsetIndex: true,
          ...(slot.dictionary === undefined ? {} : { parsers: codingParsers(slot.dictionary) }),
          onChunk: (chunk) => pages.add(0, { start: chunk.rowStart, data: chunk.columnData }),
        }),
      );
      pages.seal();
      pages.each(0, sliceStart, sliceEnd, file, (data, from, count, at) => {
        // A run of a page may cross batch boundaries: each batch takes its share, at its own row numbers.
        for (let done = 0; done < count; ) {
          const part = Math.floor((at + done) / batchRows);
          const partStart = sliceStart + part * batchRows;
          const row = at + done - part * batchRows;
          const rows = Math.min(count - done, batchRows - row);
          const locate = (r: number) => ({ file, path: `rows[${partStart + r}].${slot.name}` });
          decodeParquetValues(slot, index, parts[part] as BatchBuffers, data, from + done, rows, row, locate);
          done += rows;
        }
      });
    }
    return parts;
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
