import { planColumns } from '../columns/plan.ts';
import { ChunkWindow, DEFAULT_CHUNK_BYTES, openForReading } from '../file-chunks.ts';
import { delimiterOf } from '../format.ts';
import type { ColumnRequest, ReadOptions, RowBatch, TableReader, TableSource } from '../types.ts';
import { CsvBatchSink } from './batch-sink.ts';
import { readCsvHeader } from './header.ts';
import { CsvScanner } from './scanner.ts';

export const DEFAULT_BATCH_ROWS = 65_536;

/**
 * Opens a CSV/TSV file: reads and checks its header and the requested columns now, streams the rows later. Each call
 * of batches() reads the file again from the start with its own file handle, closed when the iteration ends (also
 * early, by break or an error).
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

  async function* batches(): AsyncGenerator<RowBatch> {
    const opened = await openForReading(file);
    try {
      const window = new ChunkWindow(opened.handle, chunkBytes, options.onChunk);
      const scanner = new CsvScanner(file, delimiter);
      await readCsvHeader(window, scanner, file);
      scanner.setPlan(header.names, plan.slotOfField);
      let sink = new CsvBatchSink(file, delimiter, header.names, plan.slots, batchRows);
      let firstRow = 0;
      const report = (): void =>
        options.onProgress?.({ bytesRead: window.bytesRead, totalBytes: opened.size, rowsRead: firstRow + sink.buffers.rows });
      report();
      for (;;) {
        sink.base = window.bytesRead - window.end;
        window.start = scanner.scan(window.bytes, window.start, window.end, window.eof, sink);
        if (sink.buffers.full) {
          const batch = sink.finish(firstRow);
          firstRow += batch.rows;
          sink = new CsvBatchSink(file, delimiter, header.names, plan.slots, batchRows);
          yield batch;
          continue;
        }
        if (window.eof) break;
        await window.refill();
        report();
      }
      report();
      if (sink.buffers.rows > 0) yield sink.finish(firstRow);
    } finally {
      await opened.handle.close();
    }
  }

  return { format: 'csv', header: header.names, totalBytes: size, batches };
}
