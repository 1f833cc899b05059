import { Worker } from 'node:worker_threads';
import { fail, StewardError } from '../../core/index.ts';
import type { SlotPlan } from '../columns/plan.ts';
import type { Column, ColumnRequest, ReadOptions, RowBatch } from '../types.ts';
import { csvLocator } from './locate.ts';
import type { CsvBatchMessage, CsvMainMessage, CsvWorkerInput, CsvWorkerMessage } from './protocol.ts';

// Run from source (.ts, type-stripped) or from the build (.js): the worker is the sibling file of the same kind.
const workerUrl = new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js', import.meta.url);

/**
 * Batches the parsing thread may run ahead of the consumer. Two are enough to keep it busy while the consumer works
 * on one (the consumer is the faster side) and keep the memory in flight small: each batch of 65,536 rows is ~3 MB,
 * and the 10M-row check's peak RSS went from ~253 to ~243 MiB going from four to two.
 */
const AHEAD = 2;

export interface ThreadPassSpec {
  readonly file: string;
  readonly delimiter: number;
  readonly header: readonly string[];
  readonly requests: readonly ColumnRequest[];
  readonly slots: readonly SlotPlan[];
  readonly chunkBytes: number;
  readonly batchRows: number;
}

/**
 * One pass over a CSV file parsed in a worker thread (worker.ts) while the caller works on the batches already
 * parsed: a pipeline, so the rows still reach the caller one batch at a time and in file order, and every floating
 * sum downstream sees its addends in the same order as with parsing on this thread. onChunk and onProgress are
 * called here, in file order, interleaved with the batches as the parsing produced them. A StewardError in the
 * worker is rethrown here unchanged (same code, message and file:line:column) after the batches before it.
 */
export async function* csvPassInThread(spec: ThreadPassSpec, options: ReadOptions): AsyncGenerator<RowBatch> {
  const input: CsvWorkerInput = {
    file: spec.file,
    delimiter: spec.delimiter,
    header: spec.header,
    requests: spec.requests,
    chunkBytes: spec.chunkBytes,
    batchRows: spec.batchRows,
    sendChunks: options.onChunk !== undefined,
    sendProgress: options.onProgress !== undefined,
    ahead: AHEAD,
  };
  const mailbox = new Mailbox(new Worker(workerUrl, { workerData: input }));
  // This pass's own mirror of the worker's dictionaries: codes restart at 0 in every pass.
  const dictionaries = spec.slots.map((): string[] => []);
  try {
    for (;;) {
      const message = await mailbox.receive();
      switch (message.type) {
        case 'chunk':
          options.onChunk?.(message.bytes); // its bytes are only valid during the call (ReadOptions.onChunk)
          mailbox.recycle(message.bytes.buffer as ArrayBuffer);
          break;
        case 'progress':
          options.onProgress?.(message.progress);
          break;
        case 'batch':
          mailbox.idle();
          yield toRowBatch(message, spec, dictionaries);
          mailbox.credit();
          break;
        case 'done':
          return;
        case 'error':
          throw new StewardError(message.problem);
        case 'crash': {
          const error = new Error(`the CSV parsing thread failed: ${message.message}`);
          if (message.stack !== undefined) error.stack = message.stack;
          throw error;
        }
      }
    }
  } finally {
    await mailbox.stop();
  }
}

function toRowBatch(message: CsvBatchMessage, spec: ThreadPassSpec, dictionaries: string[][]): RowBatch {
  const columns = new Map<string, Column>();
  const rows = message.rows;
  spec.slots.forEach((slot, index) => {
    const codes = message.codes[index];
    const values = message.numbers[index];
    if (codes !== undefined) {
      const dictionary = dictionaries[index] as string[];
      for (const value of message.newValues[index] ?? []) dictionary.push(value);
      columns.set(slot.name, { kind: 'category', codes: codes.subarray(0, rows), dictionary });
    } else if (values !== undefined) {
      const invalid = message.invalid[index];
      columns.set(slot.name, invalid === undefined ? { kind: 'number', values: values.subarray(0, rows) } : { kind: 'number', values: values.subarray(0, rows), invalid });
    } else {
      fail('INTERNAL_INVARIANT', `the CSV parsing thread sent no values for column "${slot.name}"`);
    }
  });
  return { rows, firstRow: message.firstRow, columns, locate: csvLocator(spec.file, spec.delimiter, spec.header, spec.slots, message) };
}

/**
 * The worker and its messages, in order. The worker keeps the process alive only while this thread waits for it,
 * so a pass abandoned without being closed cannot hang the process; an unexpected exit is an internal error.
 */
class Mailbox {
  private readonly worker: Worker;
  private readonly inbox: CsvWorkerMessage[] = [];
  private waiting: { resolve: (message: CsvWorkerMessage) => void; reject: (error: unknown) => void } | undefined;
  private failure: Error | undefined;

  constructor(worker: Worker) {
    this.worker = worker;
    worker.on('message', (message: CsvWorkerMessage) => {
      if (this.waiting === undefined) this.inbox.push(message);
      else this.waiting.resolve(message);
      this.waiting = undefined;
    });
    worker.on('error', (error) => this.abort(new Error(`the CSV parsing thread failed: ${error.message}`, { cause: error })));
    worker.on('exit', (code) => this.abort(new Error(`the CSV parsing thread stopped early (exit code ${code})`)));
  }

  receive(): Promise<CsvWorkerMessage> {
    const queued = this.inbox.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    if (this.failure !== undefined) return Promise.reject(this.failure);
    this.worker.ref();
    return new Promise((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  /** The consumer holds a batch: the worker may go on parsing, but need not keep the process alive. */
  idle(): void {
    this.worker.unref();
  }

  /** The consumer took a batch: the worker may parse one more. */
  credit(): void {
    this.worker.postMessage(1 satisfies CsvMainMessage);
  }

  /** Hands a chunk's buffer back to the worker to copy the next chunk into. */
  recycle(buffer: ArrayBuffer): void {
    this.worker.postMessage(buffer satisfies CsvMainMessage, [buffer]);
  }

  async stop(): Promise<void> {
    this.failure ??= new Error('the CSV parsing thread was stopped');
    await this.worker.terminate();
  }

  private abort(error: Error): void {
    this.failure ??= error;
    this.waiting?.reject(this.failure);
    this.waiting = undefined;
  }
}
