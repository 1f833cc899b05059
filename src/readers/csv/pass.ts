import type { ColumnPlan } from '../columns/plan.ts';
import { ChunkWindow, openForReading } from '../file-chunks.ts';
import type { ReadProgress } from '../types.ts';
import { CsvBatchSink } from './batch-sink.ts';
import { readCsvHeader } from './header.ts';
import { CsvScanner } from './scanner.ts';

/** Everything one pass over a CSV file needs; the same on the main thread and in the parsing thread (thread.ts). */
export interface CsvPassSpec {
  readonly file: string;
  readonly delimiter: number;
  readonly header: readonly string[];
  readonly plan: ColumnPlan;
  readonly chunkBytes: number;
  readonly batchRows: number;
  readonly onChunk?: ((bytes: Uint8Array) => void) | undefined;
  readonly onProgress?: ((progress: ReadProgress) => void) | undefined;
}

/** A full (or the last) batch's sink and the file row its first row is. */
export interface CsvPassBatch {
  readonly sink: CsvBatchSink;
  readonly firstRow: number;
}

/**
 * One pass over the file with its own handle (closed when the iteration ends, also early): the header is read again
 * (so onChunk sees every byte) and skipped, then the rows are scanned into batches of `batchRows`. It yields the sinks
 * rather than finished batches so the parsing thread can hand their typed arrays over without copying.
 */
export async function* csvPass(spec: CsvPassSpec): AsyncGenerator<CsvPassBatch> {
  const { file, delimiter, header, plan, batchRows } = spec;
  const opened = await openForReading(file);
  try {
    const window = new ChunkWindow(opened.handle, spec.chunkBytes, spec.onChunk);
    const scanner = new CsvScanner(file, delimiter);
    await readCsvHeader(window, scanner, file);
    scanner.setPlan(header, plan.slotOfField);
    scanner.setNumberSlots(Uint8Array.from(header, (_, field) => (plan.slots[plan.slotOfField[field] ?? -1]?.kind === 'number' ? 1 : 0)));
    let sink = new CsvBatchSink(file, delimiter, header, plan.slots, batchRows);
    let firstRow = 0;
    const report = (): void => spec.onProgress?.({ bytesRead: window.bytesRead, totalBytes: opened.size, rowsRead: firstRow + sink.buffers.rows });
    report();
    for (;;) {
      sink.base = window.bytesRead - window.end;
      window.start = scanner.scan(window.bytes, window.start, window.end, window.eof, sink);
      if (sink.buffers.full) {
        const full = sink;
        const at = firstRow;
        firstRow += full.buffers.rows;
        sink = new CsvBatchSink(file, delimiter, header, plan.slots, batchRows);
        yield { sink: full, firstRow: at };
        continue;
      }
      if (window.eof) break;
      await window.refill();
      report();
    }
    report();
    if (sink.buffers.rows > 0) yield { sink, firstRow };
  } finally {
    await opened.handle.close();
  }
}
