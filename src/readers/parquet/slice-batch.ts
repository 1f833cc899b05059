import type { Location } from '../../core/index.ts';
import type { BatchBuffers } from '../columns/batch.ts';
import type { Column, InvalidNumber, RowBatch } from '../types.ts';

/**
 * Rows [from, from + rows) of a decoded slice as one batch of its own: every array is a fresh copy that owns its
 * buffer, so the worker can transfer it to the main thread (moving, not copying, it), and the slice's arrays are
 * dropped as soon as its last batch is cut. The copy is a memcpy of 36 bytes per row for the check's six columns;
 * handing the whole slice over instead would keep it alive until its last batch is profiled, while the worker already
 * decodes the next one: twice the memory in flight.
 * `locate` maps a row of the new batch (and a column) to its place in the file.
 */
export function cutBatch(
  slice: BatchBuffers,
  firstRow: number,
  from: number,
  rows: number,
  locate: (row: number, column?: string) => Location,
): RowBatch {
  const columns = new Map<string, Column>();
  slice.slots.forEach((slot, index) => {
    if (slot.dictionary === undefined) {
      const values = (slice.numbers[index] as Float64Array).slice(from, from + rows);
      const invalid = rowsOf(slice.invalid[index], from, rows);
      columns.set(slot.name, invalid === undefined ? { kind: 'number', values } : { kind: 'number', values, invalid });
    } else {
      columns.set(slot.name, { kind: 'category', codes: (slice.codes[index] as Int32Array).slice(from, from + rows), dictionary: slot.dictionary.values });
    }
  });
  return { rows, firstRow, columns, locate };
}

/**
 * The collected non-numbers of rows [from, from + rows), renumbered from 0; undefined when there are none. The list is
 * in row order (pages are decoded in order), so the range is found by binary search: a column of text that is mostly
 * not numbers must not cost a scan of the whole slice's list per batch.
 */
function rowsOf(list: readonly InvalidNumber[] | undefined, from: number, rows: number): InvalidNumber[] | undefined {
  if (list === undefined) return undefined;
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((list[middle] as InvalidNumber).row < from) low = middle + 1;
    else high = middle;
  }
  const picked: InvalidNumber[] = [];
  for (let at = low; at < list.length && (list[at] as InvalidNumber).row < from + rows; at++) {
    const item = list[at] as InvalidNumber;
    picked.push({ row: item.row - from, text: item.text });
  }
  return picked.length === 0 ? undefined : picked;
}
