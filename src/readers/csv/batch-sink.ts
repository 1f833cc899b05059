import { fail, type Location } from '../../core/index.ts';
import { BatchBuffers } from '../columns/batch.ts';
import { INVALID_UTF8_CODE } from '../columns/dictionary.ts';
import { NOT_A_NUMBER, parseNumberBytes } from '../columns/number-parse.ts';
import type { SlotPlan } from '../columns/plan.ts';
import { countCharacters, firstInvalidUtf8 } from '../columns/utf8.ts';
import type { RowBatch } from '../types.ts';
import type { CsvSink } from './scanner.ts';
import { collapseQuotes } from './unescape.ts';

/**
 * Decodes the requested fields of CSV rows into one batch's typed arrays, and remembers where each value was (line of
 * the row, character column of each requested field) so later stages can point at a bad value.
 */
export class CsvBatchSink implements CsvSink {
  readonly buffers: BatchBuffers;
  private readonly file: string;
  private readonly slots: readonly SlotPlan[];
  private readonly rowLines: Int32Array;
  private readonly fieldColumns: Int32Array;
  /** Line of each field: not always the row's line when a quoted field before it holds a newline. */
  private readonly fieldLines: Int32Array;
  private scratch: Uint8Array = new Uint8Array(256);

  constructor(file: string, slots: readonly SlotPlan[], capacity: number) {
    this.file = file;
    this.slots = slots;
    this.buffers = new BatchBuffers(slots, capacity);
    this.rowLines = new Int32Array(capacity);
    this.fieldColumns = new Int32Array(capacity * slots.length);
    this.fieldLines = new Int32Array(capacity * slots.length);
  }

  field(slot: number, bytes: Uint8Array, start: number, end: number, escaped: boolean, line: number, column: number): void {
    const row = this.buffers.rows;
    const at = row * this.slots.length + slot;
    this.fieldColumns[at] = column;
    this.fieldLines[at] = line;
    let source: Uint8Array = bytes;
    let from = start;
    let to = end;
    if (escaped) {
      const collapsed = collapseQuotes(bytes, start, end, this.scratch);
      this.scratch = collapsed.buffer;
      source = collapsed.buffer;
      from = 0;
      to = collapsed.length;
    }
    const values = this.buffers.numbers[slot];
    if (values !== undefined && values.length > 0) {
      const value = parseNumberBytes(source, from, to);
      if (value === NOT_A_NUMBER) this.notANumber(slot, source, from, to, line, column);
      values[row] = value;
      return;
    }
    const dictionary = this.slots[slot]?.dictionary;
    const codes = this.buffers.codes[slot];
    if (dictionary === undefined || codes === undefined) return;
    const code = dictionary.internBytes(source, from, to);
    if (code === INVALID_UTF8_CODE) this.invalidUtf8(slot, source, from, to, line, column);
    codes[row] = code;
  }

  endRow(line: number): boolean {
    this.rowLines[this.buffers.rows] = line;
    this.buffers.rows++;
    return !this.buffers.full;
  }

  finish(firstRow: number): RowBatch {
    const slotByName = new Map(this.slots.map((slot, index) => [slot.name, index]));
    const { rowLines, fieldColumns, fieldLines, file } = this;
    const width = this.slots.length;
    return this.buffers.finish(firstRow, (row: number, column?: string): Location => {
      const line = rowLines[row] ?? 0;
      const slot = column === undefined ? undefined : slotByName.get(column);
      if (slot === undefined) return { file, line };
      const at = row * width + slot;
      return { file, line: fieldLines[at] ?? line, column: fieldColumns[at] ?? 1 };
    });
  }

  private notANumber(slot: number, bytes: Uint8Array, start: number, end: number, line: number, column: number): never {
    const text = new TextDecoder().decode(bytes.subarray(start, Math.min(end, start + 40)));
    fail('INPUT_NOT_A_NUMBER', `value ${JSON.stringify(text)} in column "${this.slots[slot]?.name ?? '?'}" is not a number`, {
      location: { file: this.file, line, column },
      expected: 'a number',
    });
  }

  private invalidUtf8(slot: number, bytes: Uint8Array, start: number, end: number, line: number, column: number): never {
    const bad = firstInvalidUtf8(bytes, start, end);
    fail('INPUT_INVALID_UTF8', `column "${this.slots[slot]?.name ?? '?'}" holds a byte sequence that is not UTF-8`, {
      location: { file: this.file, line, column: column + countCharacters(bytes, start, bad) },
      expected: 'UTF-8 text',
    });
  }
}
