import type { Problem } from '../../core/index.ts';
import type { ColumnRequest, InvalidNumber, ReadProgress } from '../types.ts';

/** What the CSV parsing thread is started with: one pass over the file (see thread.ts). */
export interface CsvWorkerInput {
  readonly file: string;
  readonly delimiter: number;
  /** The header the main thread read; the worker plans the same columns from it. */
  readonly header: readonly string[];
  readonly requests: readonly ColumnRequest[];
  readonly chunkBytes: number;
  readonly batchRows: number;
  /** Post every chunk of file bytes (for ReadOptions.onChunk). */
  readonly sendChunks: boolean;
  readonly sendProgress: boolean;
  /** Batches the worker may post before the main thread has taken them: the bound on memory in flight. */
  readonly ahead: number;
}

/** One parsed batch. Its arrays are transferred, not copied; codes refer to the worker's dictionaries. */
export interface CsvBatchMessage {
  readonly type: 'batch';
  readonly firstRow: number;
  readonly rows: number;
  /** Per slot: a number column's values, undefined for a category column. */
  readonly numbers: readonly (Float64Array | undefined)[];
  /** Per slot: a category column's codes, undefined for a number column. */
  readonly codes: readonly (Int32Array | undefined)[];
  /** Per slot: the non-numbers of a collectInvalid column, undefined when none. */
  readonly invalid: readonly (readonly InvalidNumber[] | undefined)[];
  /** Per slot: dictionary values added since the previous batch (append-only, so codes keep their meaning). */
  readonly newValues: readonly (readonly string[])[];
  /** Per row: its first line, and the file offsets of its first byte and of the byte after its line end. */
  readonly rowLines: Int32Array;
  readonly rowStarts: Float64Array;
  readonly rowEnds: Float64Array;
}

/**
 * Worker → main, in file order: chunks, progress and batches interleaved as the pass produced them, then `done`, or
 * `error` (a StewardError's problem: bad input) or `crash` (anything else: a bug, reported as such).
 */
export type CsvWorkerMessage =
  | { readonly type: 'chunk'; readonly bytes: Uint8Array }
  | { readonly type: 'progress'; readonly progress: ReadProgress }
  | CsvBatchMessage
  | { readonly type: 'done' }
  | { readonly type: 'error'; readonly problem: Problem }
  | { readonly type: 'crash'; readonly message: string; readonly stack: string | undefined };

/** Main → worker: a credit for one more batch, or a chunk's buffer handed back for reuse once onChunk has seen it. */
export type CsvMainMessage = number | ArrayBuffer;
