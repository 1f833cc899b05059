/**
 * The Parquet decoder's thread. hyparquet is trusted with valid files only: on a corrupt one it can throw anything,
 * allocate without bound or loop forever (a page header without a size makes its read offset NaN). Running it here
 * lets the main thread stop it by a watchdog and turn any failure into INPUT_INVALID_PARQUET, and it decodes the
 * next batches while the main thread computes statistics on the previous ones (reader.ts keeps requests queued).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isStewardError } from '../../core/index.ts';
import type { ReadProgress } from '../types.ts';
import { openParquetInThread } from './in-thread.ts';
import type { WorkerInput, WorkerMessage } from './protocol.ts';

const input = workerData as WorkerInput;
const port = parentPort;

function post(message: WorkerMessage, transfer: ArrayBuffer[] = []): void {
  port?.postMessage(message, transfer);
}

async function run(): Promise<void> {
  let progress: ReadProgress | undefined;
  const reader = await openParquetInThread({ path: input.path, format: 'parquet' }, input.requests, {
    ...(input.batchRows === undefined ? {} : { batchRows: input.batchRows }),
    ...(input.sampleRows === undefined ? {} : { sampleRows: input.sampleRows }),
    onProgress: (update) => (progress = update),
  });
  post({ type: 'header', header: reader.header, totalBytes: reader.totalBytes, totalRows: reader.totalRows });
  const batches = reader.batches()[Symbol.asyncIterator]();
  const sent = input.requests.map(() => 0);
  // Several requests are answered back to back, so the generator may have moved on (and updated the progress) before
  // an earlier answer is posted: each update is sent once, with whichever answer comes first.
  let posted: ReadProgress | undefined;
  const fresh = (): ReadProgress | undefined => (progress === posted ? undefined : (posted = progress));
  port?.on('message', () => {
    batches.next().then((next) => {
      if (next.done === true) return post({ type: 'done', progress: fresh() });
      const batch = next.value;
      const columns = [...batch.columns.values()];
      // A batch's arrays are fresh and fill their buffers: they are handed over as they are (transferred, not copied).
      const numbers = columns.map((column) => (column.kind === 'number' ? whole(column.values) : undefined));
      const codes = columns.map((column) => (column.kind === 'category' ? whole(column.codes) : undefined));
      const invalid = columns.map((column) => (column.kind === 'number' ? column.invalid : undefined));
      const newValues = columns.map((column, slot) => {
        if (column.kind !== 'category') return [];
        const added = column.dictionary.slice(sent[slot]);
        sent[slot] = column.dictionary.length;
        return added;
      });
      const transfer = [...numbers, ...codes].flatMap((array) => (array === undefined ? [] : [array.buffer as ArrayBuffer]));
      post({ type: 'batch', firstRow: batch.firstRow, rows: batch.rows, numbers, codes, invalid, newValues, progress: fresh() }, transfer);
    }, report);
  });
}

/** The array itself when it spans its whole buffer (so transferring the buffer moves just it), else a copy. */
function whole<T extends Float64Array | Int32Array>(array: T): T {
  return array.byteOffset === 0 && array.byteLength === array.buffer.byteLength ? array : (array.slice() as T);
}

function report(error: unknown): void {
  if (isStewardError(error)) return post({ type: 'error', problem: error.problem, steward: true });
  const message = error instanceof Error ? error.message : String(error);
  post({ type: 'error', problem: { code: 'INPUT_INVALID_PARQUET', message: `the Parquet file cannot be read: ${message}`, location: { file: input.path } }, steward: false });
}

run().catch(report);
