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

/**
 * `steward record dataset`: digests the file or directory and, for a CSV/TSV/JSONL/Parquet file (by extension),
 * counts its rows and infers its schema. For a table the digest is computed in a worker thread while the main
 * thread reads the rows, so the two passes over the bytes run side by side on the two cores (measured: the count
 * pass alone dominates, so the digest costs no extra wall time).
 */
export async function recordDataset(ledger: Ledger, request: DatasetRequest, context: RecordContext, onProgress?: ByteProgress): Promise<RecordResult<DatasetEvent>> {
  if (request.name.trim() === '' || /\s/.test(request.name) || request.name.includes('@')) {
    fail('RECORD_INVALID_REFERENCE', `dataset name ${JSON.stringify(request.name)} cannot be used`, { expected: 'a non-empty name without spaces or "@"' });
  }
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
  const event: DatasetEvent = {
    ...eventBase(context),
    type: 'dataset',
    name: request.name,
    digest: content.digest,
    source: request.source ?? request.path,
    bytes: content.bytes,
    ...(content.files === undefined ? {} : { files: content.files }),
    ...(table === undefined ? {} : { rows: table.rows, columns: table.columns }),
  };
  return appendOne(ledger, event);
}
