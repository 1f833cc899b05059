import type { Location } from '../core/index.ts';

export type TableFormat = 'csv' | 'jsonl' | 'parquet';

/** How a column is decoded: numbers into a Float64Array (NaN = missing), categories into codes + a dictionary. */
export type ColumnKind = 'number' | 'category';

export interface ColumnRequest {
  readonly name: string;
  readonly kind: ColumnKind;
  /**
   * Number columns: a value that is not a number is listed in the batch's `invalid` (NaN in `values`) instead of
   * stopping the read with INPUT_NOT_A_NUMBER — for a caller that reports such values as findings (the data check's
   * schema rule). Structural problems (nested values, invalid UTF-8) still stop the read.
   */
  readonly collectInvalid?: boolean;
}

export interface TableSource {
  readonly path: string;
  /** Told from the extension when absent (.csv/.tsv/.txt, .jsonl/.ndjson, .parquet). */
  readonly format?: TableFormat;
  /** CSV only; default `,` (`\t` for .tsv). */
  readonly delimiter?: string;
}

/** A value of a number column that is not a finite number: its row in the batch and its text. */
export interface InvalidNumber {
  readonly row: number;
  readonly text: string;
}

export interface NumberColumn {
  readonly kind: 'number';
  readonly values: Float64Array;
  /** With `collectInvalid`: the rows (ascending) whose value is not a number; absent when there are none. */
  readonly invalid?: readonly InvalidNumber[];
}

export interface CategoryColumn {
  readonly kind: 'category';
  /** Index into `dictionary`; -1 = missing. */
  readonly codes: Int32Array;
  /** Shared and append-only across all batches of one read. */
  readonly dictionary: readonly string[];
}

export type Column = NumberColumn | CategoryColumn;

export interface RowBatch {
  readonly rows: number;
  /** 0-based index of the first data row of this batch in the file. */
  readonly firstRow: number;
  /** Requested column name → decoded values. */
  readonly columns: ReadonlyMap<string, Column>;
  /** Where row `i` of this batch is in the file (line for text formats, row for Parquet), for error messages. */
  locate(row: number, column?: string): Location;
}

export interface ReadProgress {
  readonly bytesRead: number;
  readonly totalBytes: number;
  readonly rowsRead: number;
}

export interface ReadOptions {
  /** Rows per batch; default 65,536. */
  readonly batchRows?: number;
  readonly onProgress?: (progress: ReadProgress) => void;
  /**
   * CSV and JSONL: called with every byte of the file, once, in order, during each pass of batches() (header
   * included), so a caller can hash the file in the same read instead of reading it a second time. Parquet reads
   * only the requested column chunks and never calls it. The bytes are only valid during the call.
   */
  readonly onChunk?: (bytes: Uint8Array) => void;
  /**
   * Bytes read from disk per call; default 1 MiB. Internal: tests use a few bytes to put chunk boundaries inside
   * quotes, CRLFs and multi-byte characters.
   */
  readonly chunkBytes?: number;
  /**
   * CSV: files of at least this many bytes are parsed in a worker thread, in a pipeline with the caller; default
   * 8 MiB. Internal: tests pass 0 to run small files through the thread.
   */
  readonly threadBytes?: number;
  /**
   * Parquet: how long the decoder thread may work on one answer before the file is declared corrupt; default 120 s.
   * Internal: tests shorten it to catch decoder loops quickly.
   */
  readonly stallMs?: number;
  /**
   * The caller reads only the first `sampleRows` rows (a sniff of column kinds). Parquet decodes just those: without
   * it the first batch waits for a whole row group (1M rows) of every requested column to be decoded. CSV and JSONL
   * stream, so they ignore it; the caller stops reading when it has its rows, whatever the format.
   */
  readonly sampleRows?: number;
}

/** An opened table: its header is known (missing columns were already reported), its rows stream in batches. */
export interface TableReader {
  readonly format: TableFormat;
  readonly header: readonly string[];
  readonly totalBytes: number;
  /** The number of data rows, when the format states it up front (Parquet's footer); absent for text formats. */
  readonly totalRows?: number;
  batches(): AsyncIterable<RowBatch>;
}
