import { fail, type DatasetEvent } from '../../core/index.ts';
import { digestFile } from '../file-digest.ts';
import type { Ledger } from '../ledger/types.ts';
import { appendOne, eventBase, type RecordContext, type RecordResult } from './context.ts';
import type { ReadProgress } from '../../readers/index.ts';
import { digestPath, statOrFail, type ByteProgress } from './path-digest.ts';
import { profileTable, tabularFormatOf } from './table-profile.ts';

export interface DatasetRequest {
  /** A file or a directory. */
  readonly path: string;
  readonly name: string;
  /** Where the data came from (a URI); default: the path as given. */
  readonly source?: string;
}

/** What a dataset record says about the data: everything of the event except the common fields. */
export type DatasetDescription = Omit<DatasetEvent, 'v' | 'recordedAt' | 'ci' | 'type'>;

/**
 * `steward record dataset`: digests the file or directory and, for a CSV/TSV/JSONL/Parquet file (by extension),
 * counts its rows and infers its schema. For a table the digest is computed in a worker thread while the main
 * thread reads the rows, so the two passes over the bytes run side by side on the two cores (measured: the count
 * pass alone dominates, so the digest costs no extra wall time).
 */
export async function recordDataset(ledger: Ledger, request: DatasetRequest, context: RecordContext, onProgress?: ByteProgress): Promise<RecordResult<DatasetEvent>> {
  return recordDescribedDataset(ledger, await describeDataset(request, onProgress), context);
}

/**
 * The reading half of `record dataset`, apart so that a client can describe its own files and a server record the
 * description: the data never travels, and the server never reads a path it was sent.
 */
export async function describeDataset(request: DatasetRequest, onProgress?: ByteProgress): Promise<DatasetDescription> {
  requireDatasetName(request.name);
  const info = await statOrFail(request.path);
  const format = info.isFile() ? tabularFormatOf(request.path) : undefined;
  const tableProgress = (progress: ReadProgress): void => onProgress?.(progress.bytesRead, progress.totalBytes, request.path);
  const [content, table] =
    format === undefined
      ? [await digestPath(request.path, onProgress), undefined]
      : await Promise.all([
          digestFile(request.path).then((digest) => ({ digest, bytes: info.size, files: undefined })),
          profileTable(request.path, format, tableProgress),
        ]);
  return {
    name: request.name,
    digest: content.digest,
    source: request.source ?? request.path,
    bytes: content.bytes,
    ...(content.files === undefined ? {} : { files: content.files }),
    ...(table === undefined ? {} : { rows: table.rows, columns: table.columns }),
  };
}

/** The recording half: the name checked again (a description may come from a client), the event appended. */
export async function recordDescribedDataset(ledger: Ledger, description: DatasetDescription, context: RecordContext): Promise<RecordResult<DatasetEvent>> {
  requireDatasetName(description.name);
  return appendOne(ledger, { ...eventBase(context), type: 'dataset', ...description });
}

function requireDatasetName(name: string): void {
  if (name.trim() === '' || /\s/.test(name) || name.includes('@')) {
    fail('RECORD_INVALID_REFERENCE', `dataset name ${JSON.stringify(name)} cannot be used`, { expected: 'a non-empty name without spaces or "@"' });
  }
}
