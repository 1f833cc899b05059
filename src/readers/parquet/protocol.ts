import type { Problem } from '../../core/index.ts';
import type { ColumnRequest, InvalidNumber, ReadProgress } from '../types.ts';

/** What the Parquet worker is started with. It answers with the header, then one batch per `next` request. */
export interface WorkerInput {
  readonly path: string;
  readonly requests: readonly ColumnRequest[];
  readonly batchRows: number | undefined;
  readonly sampleRows: number | undefined;
}

/** One batch, decoded in the worker; category codes refer to the worker's dictionaries, mirrored by `newValues`. */
export interface BatchMessage {
  readonly type: 'batch';
  readonly firstRow: number;
  readonly rows: number;
  /** Per requested slot: the values of a number column, undefined for a category column. */
  readonly numbers: readonly (Float64Array | undefined)[];
  /** Per requested slot: the codes of a category column, undefined for a number column. */
  readonly codes: readonly (Int32Array | undefined)[];
  /** Per requested slot: the non-numbers of a number column read with collectInvalid, undefined when none. */
  readonly invalid: readonly (readonly InvalidNumber[] | undefined)[];
  /** Per slot: dictionary values added since the previous message (append-only, so codes stay valid). */
  readonly newValues: readonly (readonly string[])[];
  readonly progress: ReadProgress | undefined;
}

export type WorkerMessage =
  | { readonly type: 'header'; readonly header: readonly string[]; readonly totalBytes: number; readonly totalRows: number | undefined }
  | BatchMessage
  | { readonly type: 'done'; readonly progress: ReadProgress | undefined }
  | { readonly type: 'error'; readonly problem: Problem; readonly steward: boolean };
