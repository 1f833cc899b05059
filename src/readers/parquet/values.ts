import { fail, type Location } from '../../core/index.ts';
import type { BatchBuffers } from '../columns/batch.ts';
import { NOT_A_NUMBER, parseNumberText } from '../columns/number-parse.ts';
import type { SlotPlan } from '../columns/plan.ts';
import { CodedText } from './coded-text.ts';

/** Per category dictionary: codes of the integers 0..SMALL_INTS−1 seen so far (UNSEEN: not yet), see below. */
const SMALL_INTS = 4096;
const UNSEEN = -3;
const smallIntCodes = new WeakMap<object, Int32Array>();

/**
 * Decoded Parquet values data[from, from + rows) of one column into a batch slot, from batch row `at` on.
 * Number column: doubles and integers as is (INT64 BigInt → number, exact up to 2^53), NaN as missing, booleans as
 * 1/0, strings by the CSV number rules; ±Infinity is INPUT_NOT_A_NUMBER (or collected, see ColumnRequest). Category
 * column: strings as is, numbers and BigInts as their decimal text, booleans as "true"/"false", dates as ISO 8601.
 * null is missing everywhere; nested values (lists, structs, maps) are INPUT_INVALID_VALUE.
 *
 * Fast paths, because every cell of a 10M-row file passes here: typed arrays of numbers are copied without a
 * per-value type test; a small non-negative integer in a category column (a 0/1 label stored as INT32) takes its code
 * from a table instead of making a string per cell; a text equal to the previous one reuses its code; text already
 * interned while hyparquet decoded it (CodedText, see coded-text.ts) brings its code along.
 */
export function decodeParquetValues(
  slot: SlotPlan,
  index: number,
  buffers: BatchBuffers,
  data: ArrayLike<unknown>,
  from: number,
  rows: number,
  at: number,
  locate: (row: number) => Location,
): void {
  if (slot.dictionary === undefined) {
    const values = buffers.numbers[index];
    if (values === undefined) return;
    if (data instanceof Int32Array || data instanceof Uint8Array || data instanceof Uint16Array || data instanceof Int16Array || data instanceof Int8Array || data instanceof Uint32Array) {
      values.set(data.subarray(from, from + rows), at);
      return;
    }
    if (data instanceof Float64Array || data instanceof Float32Array) {
      for (let row = 0; row < rows; row++) {
        const value = data[from + row] as number;
        if (value - value !== 0 && value === value) notFinite(slot, index, buffers, value, at + row, locate);
        else values[at + row] = value;
      }
      return;
    }
    for (let row = 0; row < rows; row++) {
      const raw = data[from + row];
      const value = toNumber(raw);
      if (value === NOT_A_NUMBER) notFinite(slot, index, buffers, raw, at + row, locate);
      else if (value === undefined) invalid(slot, raw, locate(at + row));
      else values[at + row] = value;
    }
    return;
  }
  const codes = buffers.codes[index];
  if (codes === undefined) return;
  const dictionary = slot.dictionary;
  let small = smallIntCodes.get(dictionary);
  let last: unknown = undefined;
  let lastCode = 0;
  for (let row = 0; row < rows; row++) {
    const value = data[from + row];
    if (value === last) {
      codes[at + row] = lastCode;
      continue;
    }
    let code: number;
    if (value instanceof CodedText) {
      code = value.code;
    } else if (typeof value === 'number' && value >= 0 && value < SMALL_INTS && Number.isInteger(value)) {
      if (small === undefined) smallIntCodes.set(dictionary, (small = new Int32Array(SMALL_INTS).fill(UNSEEN)));
      code = small[value] as number;
      if (code === UNSEEN) small[value] = code = dictionary.internString(String(value));
    } else {
      const text = toText(value);
      if (text === undefined) invalid(slot, value, locate(at + row));
      code = text === null ? -1 : dictionary.internString(text);
    }
    codes[at + row] = code;
    last = value;
    lastCode = code;
  }
}

/** A non-finite or non-numeric value in a number column: collected when asked for, else INPUT_NOT_A_NUMBER. */
function notFinite(slot: SlotPlan, index: number, buffers: BatchBuffers, value: unknown, row: number, locate: (row: number) => Location): void {
  if (slot.collectInvalid) return buffers.addInvalid(index, row, String(value));
  fail('INPUT_NOT_A_NUMBER', `value ${describe(value)} of "${slot.name}" is not a finite number`, { location: locate(row), expected: 'a number' });
}

/** The number of a scalar; NOT_A_NUMBER for non-finite or non-numeric text; undefined for a nested value. */
function toNumber(value: unknown): number | undefined {
  switch (typeof value) {
    case 'number':
      return Number.isNaN(value) ? Number.NaN : Number.isFinite(value) ? value : NOT_A_NUMBER;
    case 'bigint':
      return Number(value);
    case 'boolean':
      return value ? 1 : 0;
    case 'string':
      return parseNumberText(value);
    default:
      return value === null || value === undefined ? Number.NaN : undefined;
  }
}

/** The category text of a scalar; null when missing; undefined for a nested value. */
function toText(value: unknown): string | null | undefined {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
      return Number.isNaN(value) ? null : String(value);
    case 'bigint':
    case 'boolean':
      return String(value);
    default:
      if (value === null || value === undefined) return null;
      if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
      return undefined;
  }
}

function invalid(slot: SlotPlan, value: unknown, location: Location): never {
  fail('INPUT_INVALID_VALUE', `"${slot.name}" holds ${describe(value)}, not a single value`, {
    location,
    expected: slot.kind === 'number' ? 'a number' : 'a string, number or boolean',
  });
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  if (typeof value === 'object' && value !== null) return 'a nested value';
  return typeof value === 'bigint' ? `${value}` : JSON.stringify(value) ?? String(value);
}
