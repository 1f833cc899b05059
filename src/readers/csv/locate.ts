import { closeSync, openSync, readSync } from 'node:fs';
import type { Location } from '../../core/index.ts';
import type { SlotPlan } from '../columns/plan.ts';
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

/**
 * A batch's `locate`: row `row` of the batch is at line rowLines[row], file bytes [rowStarts[row], rowEnds[row]); a
 * column is found in it by locateCsvField. The same on the main thread whether the batch was parsed there or in the
 * parsing thread, so error locations do not depend on where parsing happened.
 */
export function csvLocator(
  file: string,
  delimiter: number,
  header: readonly string[],
  slots: readonly SlotPlan[],
  rows: { readonly rowLines: Int32Array; readonly rowStarts: Float64Array; readonly rowEnds: Float64Array },
): (row: number, column?: string) => Location {
  const fieldOf = new Map(slots.map((slot) => [slot.name, slot.field]));
  const { rowLines, rowStarts, rowEnds } = rows;
  return (row, column) => {
    const line = rowLines[row] ?? 0;
    const field = column === undefined ? undefined : fieldOf.get(column);
    if (field === undefined) return { file, line };
    return locateCsvField(file, delimiter, header, { start: rowStarts[row] ?? 0, end: rowEnds[row] ?? 0, line }, field);
  };
}
