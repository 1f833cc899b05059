import { fail, type Location } from '../../core/index.ts';
import type { BatchBuffers } from '../columns/batch.ts';
import { NOT_A_NUMBER, parseNumberText } from '../columns/number-parse.ts';
import type { SlotPlan } from '../columns/plan.ts';

/**
 * Decoded Parquet values [from, from + rows) of one column into a batch slot.
 * Number column: doubles and integers as is (INT64 BigInt → number, exact up to 2^53), NaN as missing, booleans as
 * 1/0, strings by the CSV number rules; ±Infinity is INPUT_NOT_A_NUMBER. Category column: strings as is, numbers and
 * BigInts as their decimal text, booleans as "true"/"false", dates as ISO 8601. null is missing everywhere; nested
 * values (lists, structs, maps) are INPUT_INVALID_VALUE.
 */
export function decodeParquetValues(
  slot: SlotPlan,
  index: number,
  buffers: BatchBuffers,
  data: ArrayLike<unknown>,
  from: number,
  rows: number,
  locate: (row: number) => Location,
): void {
  if (slot.dictionary === undefined) {
    const values = buffers.numbers[index];
    if (values === undefined) return;
    for (let row = 0; row < rows; row++) {
      const value = toNumber(data[from + row]);
      if (value === NOT_A_NUMBER) {
        fail('INPUT_NOT_A_NUMBER', `value ${describe(data[from + row])} of "${slot.name}" is not a finite number`, {
          location: locate(row),
          expected: 'a number',
        });
      }
      if (value === undefined) invalid(slot, data[from + row], locate(row));
      values[row] = value;
    }
    return;
  }
  const codes = buffers.codes[index];
  if (codes === undefined) return;
  for (let row = 0; row < rows; row++) {
    const value = data[from + row];
    const text = toText(value);
    if (text === undefined) invalid(slot, value, locate(row));
    codes[row] = text === null ? -1 : slot.dictionary.internString(text);
  }
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
