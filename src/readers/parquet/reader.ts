import { Worker } from 'node:worker_threads';
import { fail, StewardError } from '../../core/index.ts';
import { planColumns, type SlotPlan } from '../columns/plan.ts';
import { openForReading } from '../file-chunks.ts';
import type { Column, ColumnRequest, ReadOptions, RowBatch, TableReader, TableSource } from '../types.ts';
import type { BatchMessage, WorkerInput, WorkerMessage } from './protocol.ts';

/** How long the decoder may work on one row group before the file is declared corrupt (it may be looping). */
export const DEFAULT_STALL_MS = 120_000;

/**
 * Batch requests the worker may be answering while the main thread profiles. Decoding comes in slices (a row group,
 * 16 batches in the benchmark file) and takes the worker a few batches' worth of the main thread's time; with one
 * request ahead the main thread waited for every slice, and with none it waited for every batch. Eight default
 * batches of the check's six columns are 19 MB in flight.
 */
export const BATCHES_AHEAD = 8;

/**
 * The decoder thread's young generation, in MB. hyparquet allocates arrays of a whole page (8 MB for a 1M-row page)
 * that die at once; with V8's default sizing the worker's heap grew to about 200 MB before they were collected, with
 * this cap it stays near 80 MB (peak RSS of the 10M-row bare read 264–281 MiB instead of 295–312, same CPU). Only
 * the young generation is capped: a limit on the old one would turn a large but valid file into an out-of-memory
 * failure.
 */
const DECODER_YOUNG_MB = 8;

// Run from source (.ts, type-stripped) or from the build (.js): the worker is the sibling file of the same kind.
const workerUrl = new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js', import.meta.url);

/**
 * Opens a Parquet file. hyparquet runs in a worker thread (see worker.ts) under a watchdog: every answer must come
 * within `stallMs`, and a worker that throws, runs out of memory or stalls is stopped and reported as
 * INPUT_INVALID_PARQUET, never as a crash or a hang. At most BATCHES_AHEAD batches are requested ahead of the one
 * being profiled, so the worker decodes while the main thread computes and memory in flight stays bounded.
 */
export async function openParquet(source: TableSource, requests: readonly ColumnRequest[], options: ReadOptions = {}): Promise<TableReader> {
  const file = source.path;
  const stallMs = options.stallMs ?? DEFAULT_STALL_MS;
  await checkMagic(file);
  const start = async (): Promise<{ thread: DecoderThread; header: readonly string[]; totalBytes: number; totalRows: number | undefined }> => {
    const thread = new DecoderThread({ path: file, requests, batchRows: options.batchRows, sampleRows: options.sampleRows }, stallMs);
    try {
      const first = await thread.receive();
      if (first.type !== 'header') fail('INTERNAL_INVARIANT', `the Parquet worker answered ${first.type} before the header`);
      return { thread, header: first.header, totalBytes: first.totalBytes, totalRows: first.totalRows };
    } catch (error) {
      await thread.stop();
      throw error;
    }
  };
  // The worker that read the header serves the first pass; later passes start their own.
  const { thread: first, header, totalBytes, totalRows } = await start();
  first.idle();
  let opened: DecoderThread | undefined = first;
  const plan = planColumns(header, requests, { file, path: 'schema' });

  async function* batches(): AsyncGenerator<RowBatch> {
    const thread = opened ?? (await start()).thread;
    opened = undefined;
    try {
      for (let ahead = 0; ahead < BATCHES_AHEAD; ahead++) thread.send();
      for (;;) {
        const message = await thread.receive();
        if (message.type === 'done') {
          if (message.progress !== undefined) options.onProgress?.(message.progress);
          return;
        }
        if (message.type !== 'batch') fail('INTERNAL_INVARIANT', `the Parquet worker answered ${message.type} to a batch request`);
        if (message.progress !== undefined) options.onProgress?.(message.progress);
        // Ask for one more before this batch is profiled: the worker keeps BATCHES_AHEAD requests to answer.
        thread.send();
        yield toRowBatch(message, plan.slots, file);
      }
    } finally {
      await thread.stop();
    }
  }

  return { format: 'parquet', header, totalBytes, ...(totalRows === undefined ? {} : { totalRows }), batches };
}

const MAGIC = [0x50, 0x41, 0x52, 0x31]; // "PAR1"

/** A Parquet file starts and ends with "PAR1"; checked here, before a decoder thread is worth starting. */
async function checkMagic(file: string): Promise<void> {
  const { handle, size } = await openForReading(file);
  try {
    const head = new Uint8Array(4);
    const tail = new Uint8Array(4);
    await handle.read(head, 0, 4, 0);
    await handle.read(tail, 0, 4, Math.max(0, size - 4));
    if (size < 12 || !MAGIC.every((b, i) => head[i] === b && tail[i] === b)) {
      fail('INPUT_INVALID_PARQUET', 'the file is not Parquet: it does not start and end with the magic bytes "PAR1"', {
        location: { file },
        expected: 'a Parquet file',
      });
    }
  } finally {
    await handle.close();
  }
}

function toRowBatch(message: BatchMessage, slots: readonly SlotPlan[], file: string): RowBatch {
  const columns = new Map<string, Column>();
  slots.forEach((slot, index) => {
    const codes = message.codes[index];
    if (slot.dictionary !== undefined && codes !== undefined) {
      for (const value of message.newValues[index] ?? []) slot.dictionary.values.push(value);
      columns.set(slot.name, { kind: 'category', codes, dictionary: slot.dictionary.values });
    } else {
      const values = message.numbers[index] ?? new Float64Array(message.rows).fill(Number.NaN);
      const invalid = message.invalid[index];
      columns.set(slot.name, invalid === undefined ? { kind: 'number', values } : { kind: 'number', values, invalid });
    }
  });
  const { firstRow } = message;
  return {
    rows: message.rows,
    firstRow,
    columns,
    locate: (row, column) => ({ file, path: `rows[${firstRow + row}]${column === undefined ? '' : `.${column}`}` }),
  };
}

/** One worker and its mailbox: answers in order, failures (error, exit, stall) as StewardErrors. */
class DecoderThread {
  private readonly worker: Worker;
  private readonly file: string;
  private readonly stallMs: number;
  private readonly inbox: WorkerMessage[] = [];
  private waiting: { resolve: (message: WorkerMessage) => void; reject: (error: unknown) => void } | undefined;
  private failure: StewardError | undefined;

  constructor(input: WorkerInput, stallMs: number) {
    this.file = input.path;
    this.stallMs = stallMs;
    this.worker = new Worker(workerUrl, { workerData: input, resourceLimits: { maxYoungGenerationSizeMb: DECODER_YOUNG_MB } });
    this.worker.on('message', (message: WorkerMessage) => {
      if (this.waiting === undefined) this.inbox.push(message);
      else this.waiting.resolve(message);
      this.waiting = undefined;
    });
    this.worker.on('error', (error) => this.abort(`the Parquet decoder failed: ${error.message}`, error));
    this.worker.on('exit', (code) => this.abort(`the Parquet decoder stopped (exit code ${code})`));
  }

  send(): void {
    this.worker.ref();
    this.worker.postMessage('next');
  }

  /** Lets the process exit while this worker waits for a pass that may never be asked for. */
  idle(): void {
    this.worker.unref();
  }

  async receive(): Promise<WorkerMessage> {
    const message = this.inbox.shift() ?? (await this.next());
    if (message.type === 'error') {
      throw message.steward ? new StewardError(message.problem) : new StewardError({ ...message.problem, expected: 'a valid Parquet file' });
    }
    return message;
  }

  async stop(): Promise<void> {
    this.failure ??= new StewardError({ code: 'INTERNAL_INVARIANT', message: 'the Parquet decoder was stopped' });
    await this.worker.terminate();
  }

  private next(): Promise<WorkerMessage> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.abort(`the Parquet decoder made no progress in ${this.stallMs} ms (a corrupt page can make it loop)`);
        void this.worker.terminate();
      }, this.stallMs);
      this.waiting = {
        resolve: (message) => (clearTimeout(timer), resolve(message)),
        reject: (error) => (clearTimeout(timer), reject(error)),
      };
    });
  }

  private abort(message: string, cause?: unknown): void {
    this.failure ??= new StewardError(
      { code: 'INPUT_INVALID_PARQUET', message, location: { file: this.file }, expected: 'a valid Parquet file' },
      { cause },
    );
    this.waiting?.reject(this.failure);
    this.waiting = undefined;
  }
}
