import { fail } from '../../core/index.ts';
import { binOfHigh } from './class-histogram.ts';
import type { ColumnState } from './column-state.ts';
import type { DataBatch } from './spec.ts';
import { CELL_MISSING } from './cell-layout.ts';
import { MISSING_A, MISSING_B, textWords } from './value-hash.ts';

const words = new Uint32Array(2);

/** Per-batch buffers, reused: each row's class (−1 missing label), row fingerprint lanes, value words per column. */
export interface Scratch {
  readonly positive: Int8Array;
  readonly laneA: Uint32Array;
  readonly laneB: Uint32Array;
  readonly wordA: readonly Uint32Array[];
  readonly wordB: readonly Uint32Array[];
}

/**
 * One column of one batch: its value words (value-hash.ts) into the scratch, its missing values (overall and per
 * cell), schema violations, range, PII matches and — for features — class counts or histograms. For the label
 * column (`isLabel`) it also writes each row's class. One tight loop per column kind.
 */
export function scanColumn(
  column: ColumnState,
  index: number,
  batch: DataBatch,
  scratch: Scratch,
  cellOf: Int32Array,
  cellStats: Float64Array,
  stride: number,
  isLabel: boolean,
): void {
  const values = batch.columns.get(column.spec.name);
  if (values === undefined) fail('INTERNAL_INVARIANT', `batch has no column ${column.spec.name}`);
  const rows = batch.rows;
  const wa = scratch.wordA[index] as Uint32Array;
  const wb = scratch.wordB[index] as Uint32Array;
  const missingAt = CELL_MISSING + index;
  const missing = (row: number): void => {
    wa[row] = MISSING_A;
    wb[row] = MISSING_B;
    column.missing++;
    const at = (cellOf[row] as number) * stride + missingAt;
    cellStats[at] = (cellStats[at] as number) + 1;
    column.violate('missing', batch, row);
  };
  if (values.kind === 'number') {
    // A value that is not a number (a declared number column read with collectInvalid) is NaN in `values`: it is a
    // type violation, not a missing value, and its text is fingerprinted like a text column's value.
    const invalid = values.invalid === undefined || values.invalid.length === 0 ? undefined : new Map(values.invalid.map((cell) => [cell.row, cell.text]));
    const missingOrInvalid =
      invalid === undefined
        ? missing
        : (row: number): void => {
            const text = invalid.get(row);
            if (text === undefined) return missing(row);
            textWords(text, words);
            wa[row] = words[0] as number;
            wb[row] = words[1] as number;
            column.violate('type', batch, row);
          };
    scanNumbers(column, values.values, batch, scratch, wa, wb, missingOrInvalid);
  }
  else scanText(column, values.codes, values.dictionary, batch, scratch, wa, wb, missing, isLabel);
  if (column.distinct !== undefined) {
    for (let row = 0; row < rows; row++) {
      const a = wa[row] as number;
      const b = wb[row] as number;
      if (a === MISSING_A && b === MISSING_B) continue;
      column.keyed++;
      if (!column.distinct.add(a, b)) column.violate('unique', batch, row);
    }
  }
}

function scanNumbers(
  column: ColumnState,
  values: Float64Array,
  batch: DataBatch,
  scratch: Scratch,
  wa: Uint32Array,
  wb: Uint32Array,
  missing: (row: number) => void,
): void {
  const rows = batch.rows;
  const bits = new Uint32Array(values.buffer, values.byteOffset, rows * 2);
  const { min: low, max: high, type } = column.spec;
  const checkRange = low !== undefined || high !== undefined;
  const integer = type === 'integer';
  const histogram = column.histogram;
  const positive = scratch.positive;
  let min = column.min;
  let max = column.max;
  for (let row = 0; row < rows; row++) {
    const x = values[row] as number;
    if (x !== x) {
      missing(row);
      continue;
    }
    let high = 0;
    if (x === 0) {
      wa[row] = 0;
      wb[row] = 0;
    } else {
      wa[row] = bits[2 * row] as number;
      high = bits[2 * row + 1] as number;
      wb[row] = high;
    }
    if (x < min) min = x;
    if (x > max) max = x;
    if (checkRange && ((low !== undefined && x < low) || (high !== undefined && x > high))) column.violate('range', batch, row);
    if (integer && !Number.isInteger(x)) column.violate('type', batch, row);
    if (histogram !== undefined) {
      const cls = positive[row] as number;
      if (cls >= 0) histogram.addBinned(x, binOfHigh(high), cls === 1);
    }
  }
  column.min = min;
  column.max = max;
}

function scanText(
  column: ColumnState,
  codes: Int32Array,
  dictionary: readonly string[],
  batch: DataBatch,
  scratch: Scratch,
  wa: Uint32Array,
  wb: Uint32Array,
  missing: (row: number) => void,
  isLabel: boolean,
): void {
  const categories = column.categories;
  if (categories === undefined) fail('INTERNAL_INVARIANT', `text column ${column.spec.name} has no value table`);
  const own = categories.map(dictionary);
  const classCounts = column.ensureClassCounts(categories.size);
  const { counts, wordA, wordB, pii, bad, positive: isPositive } = categories;
  const rowClass = scratch.positive;
  const piiRows = column.piiRows;
  const rows = batch.rows;
  for (let row = 0; row < rows; row++) {
    const code = codes[row] as number;
    if (code < 0) {
      missing(row);
      continue;
    }
    const value = own[code] as number;
    wa[row] = wordA[value] as number;
    wb[row] = wordB[value] as number;
    counts[value] = (counts[value] as number) + 1;
    const flags = bad[value] as number;
    if (flags !== 0) {
      if ((flags & 1) !== 0) column.violate('values', batch, row);
      if ((flags & 2) !== 0) column.violate('type', batch, row);
    }
    const mask = pii[value] as number;
    if (mask !== 0) for (let d = 0; d < piiRows.length; d++) if ((mask & (1 << d)) !== 0) piiRows[d] = (piiRows[d] as number) + 1;
    if (isLabel) rowClass[row] = isPositive[value] as number;
    else if (classCounts !== undefined) {
      const cls = rowClass[row] as number;
      if (cls >= 0) classCounts[2 * value + cls] = (classCounts[2 * value + cls] as number) + 1;
    }
  }
}
