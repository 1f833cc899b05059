import { planColumns } from '../columns/plan.ts';
import { ChunkWindow, DEFAULT_CHUNK_BYTES, openForReading } from '../file-chunks.ts';
import { delimiterOf } from '../format.ts';
import type { ColumnRequest, ReadOptions, RowBatch, TableReader, TableSource } from '../types.ts';
import { readCsvHeader } from './header.ts';
import { csvPass } from './pass.ts';
import { CsvScanner } from './scanner.ts';
import { csvPassInThread } from './thread.ts';

export const DEFAULT_BATCH_ROWS = 65_536;

/**
 * Files at least this large are parsed in a worker thread while the caller computes on the batches already parsed
 * (thread.ts). Below it, starting a thread costs more than the overlap can win back.
 */
export const DEFAULT_THREAD_BYTES = 8 << 20;

/**
 * Opens a CSV/TSV file: reads and checks its header and the requested columns now, streams the rows later. Each call
 * of batches() reads the file again from the start with its own file handle, closed when the iteration ends (also
 * early, by break or an error). Both ways of parsing (here or in a worker thread) yield the same batches and the
 * same errors at the same file:line:column.
 */
export async function openCsv(source: TableSource, requests: readonly ColumnRequest[], options: ReadOptions = {}): Promise<TableReader> {
  const file = source.path;
  const delimiter = delimiterOf(source);
  const chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  const batchRows = options.batchRows ?? DEFAULT_BATCH_ROWS;
  const { handle, size } = await openForReading(file);
  let header: Awaited<ReturnType<typeof readCsvHeader>>;
  try {
    header = await readCsvHeader(new ChunkWindow(handle, chunkBytes), new CsvScanner(file, delimiter), file);
  } finally {
    await handle.close();
  }
  const plan = planColumns(header.names, requests, header.location);
  const threaded = size >= (options.threadBytes ?? DEFAULT_THREAD_BYTES);

  async function* batches(): AsyncGenerator<RowBatch> {
    if (threaded) {
      yield* csvPassInThread({ file, delimiter, header: header.names, requests, slots: plan.slots, chunkBytes, batchRows }, options);
      return;
    }
    const pass = csvPass({ file, delimiter, header: header.names, plan, chunkBytes, batchRows, onChunk: options.onChunk, onProgress: options.onProgress });
    for await (const { sink, firstRow } of pass) yield sink.finish(firstRow);
  }

  return { format: 'csv', header: header.names, totalBytes: size, batches };
}
