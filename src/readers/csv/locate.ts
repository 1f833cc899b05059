import { closeSync, openSync, readSync } from 'node:fs';
import type { Location } from '../../core/index.ts';
import { CsvScanner, type CsvSink } from './scanner.ts';

/** Where one row of a CSV file is: enough to find any of its fields again. */
export interface RowSpan {
  readonly start: number;
  readonly end: number;
  readonly line: number;
}

/**
 * The line and character column of field `field` of the row at file bytes [start, end). Reading keeps only each
 * row's byte span and line; the column of a field is worked out here, on demand, by scanning that row again. It is
 * only asked for when a later stage reports a bad value, so the hot loop pays three stores per row instead of two
 * per field.
 */
export function locateCsvField(file: string, delimiter: number, header: readonly string[], row: RowSpan, field: number): Location {
  const fallback: Location = { file, line: row.line };
  const bytes = new Uint8Array(Math.max(0, row.end - row.start));
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const read = readSync(fd, bytes, 0, bytes.length, row.start);
    const scanner = new CsvScanner(file, delimiter);
    scanner.line = row.line;
    const slotOfField = new Int32Array(header.length).fill(-1);
    slotOfField[field] = 0;
    scanner.setPlan(header, slotOfField);
    let found: Location = fallback;
    const sink: CsvSink = {
      field: (_slot, _bytes, _start, _end, _escaped, line, column) => (found = { file, line, column }),
      endRow: () => false,
    };
    scanner.scan(bytes, 0, read, true, sink);
    return found;
  } catch {
    return fallback; // the file changed or vanished since it was read: the row's line is still right
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
