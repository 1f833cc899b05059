import { extname } from 'node:path';
import { fail } from '../core/index.ts';
import type { TableFormat, TableSource } from './types.ts';

const byExtension: Readonly<Record<string, TableFormat>> = {
  '.csv': 'csv',
  '.tsv': 'csv',
  '.txt': 'csv',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.parquet': 'parquet',
  '.pq': 'parquet',
};

/** The format of a source: as given, else told from the file extension (case-insensitive). */
export function formatOf(source: TableSource): TableFormat {
  if (source.format !== undefined) return source.format;
  const format = byExtension[extname(source.path).toLowerCase()];
  if (format === undefined) {
    fail('INPUT_UNKNOWN_FORMAT', `cannot tell the format of "${source.path}" from its extension`, {
      location: { file: source.path },
      expected: `one of the extensions ${Object.keys(byExtension).join(', ')}`,
      hint: 'pass the format explicitly (--data-format csv|jsonl|parquet)',
    });
  }
  return format;
}

/** The CSV delimiter byte: as given, else a tab for .tsv files and a comma otherwise. */
export function delimiterOf(source: TableSource): number {
  const delimiter = source.delimiter ?? (extname(source.path).toLowerCase() === '.tsv' ? '\t' : ',');
  const code = delimiter.charCodeAt(0);
  if (delimiter.length !== 1 || code >= 0x80 || code === 0x22 || code === 0x0a || code === 0x0d) {
    fail('USAGE_INVALID_ARGUMENT', `the CSV delimiter ${JSON.stringify(delimiter)} cannot be used`, {
      expected: 'one ASCII character other than a quote, CR or LF',
    });
  }
  return code;
}
