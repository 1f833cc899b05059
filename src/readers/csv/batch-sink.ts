import { fail } from '../../core/index.ts';
import { BatchBuffers } from '../columns/batch.ts';
import { INVALID_UTF8_CODE, type Dictionary } from '../columns/dictionary.ts';
import { NOT_A_NUMBER, parseNumberBytes } from '../columns/number-parse.ts';
import type { SlotPlan } from '../columns/plan.ts';
import { countCharacters, firstInvalidUtf8 } from '../columns/utf8.ts';
import type { RowBatch } from '../types.ts';
import type { CsvSink } from './scanner.ts';
import { csvLocator } from './locate.ts';
import { collapseQuotes } from './unescape.ts';

/**
 * Decodes the requested fields of CSV rows into one batch's typed arrays, and remembers where each row was (its line
 * and byte span) so later stages can point at a bad value (see locate.ts).
 */
export class CsvBatchSink implements CsvSink {
  readonly buffers: BatchBuffers;
  private readonly file: string;
  private readonly slots: readonly SlotPlan[];
  readonly rowLines: Int32Array;
  /** File offsets of each row's first byte and of the byte after its line end, for locateCsvField. */
  readonly rowStarts: Float64Array;
  readonly rowEnds: Float64Array;
  /** File offset of byte 0 of the window being scanned; set by the reader before each scan. */
  base = 0;
  private readonly delimiter: number;
  private readonly header: readonly string[];
  private scratch: Uint8Array = new Uint8Array(256);
  /** Per slot, hoisted out of `buffers`/`slots` for the hot path: a dictionary (category) or undefined (number). */
  private readonly dictionaries: readonly (Dictionary | undefined)[];
  private readonly numbers: readonly Float64Array[];
  private readonly codes: readonly Int32Array[];

  constructor(file: string, delimiter: number, header: readonly string[], slots: readonly SlotPlan[], capacity: number) {
    this.file = file;
    this.slots = slots;
    this.buffers = new BatchBuffers(slots, capacity);
    this.rowLines = new Int32Array(capacity);
    this.rowStarts = new Float64Array(capacity);
    this.rowEnds = new Float64Array(capacity);
    this.delimiter = delimiter;
    this.header = header;
    this.dictionaries = slots.map((slot) => slot.dictionary);
    this.numbers = this.buffers.numbers;
    this.codes = this.buffers.codes;
  }

  field(slot: number, bytes: Uint8Array, start: number, end: number, escaped: boolean, line: number, column: number): void {
    const row = this.buffers.rows;
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
    const dictionary = this.dictionaries[slot];
    if (dictionary === undefined) {
      const value = parseNumberBytes(source, from, to);
      if (value === NOT_A_NUMBER) {
        if (this.slots[slot]?.collectInvalid !== true) this.notANumber(slot, source, from, to, line, column);
        this.buffers.addInvalid(slot, row, new TextDecoder().decode(source.subarray(from, to)));
        return;
      }
      (this.numbers[slot] as Float64Array)[row] = value;
      return;
    }
    const code = dictionary.internBytes(source, from, to);
    if (code === INVALID_UTF8_CODE) this.invalidUtf8(slot, source, from, to, line, column);
    (this.codes[slot] as Int32Array)[row] = code;
  }

  number(slot: number, value: number): void {
    (this.numbers[slot] as Float64Array)[this.buffers.rows] = value;
  }

  endRow(line: number, start: number, end: number): boolean {
    const row = this.buffers.rows;
    this.rowLines[row] = line;
    this.rowStarts[row] = this.base + start;
    this.rowEnds[row] = this.base + end;
    this.buffers.rows = row + 1;
    return !this.buffers.full;
  }

  finish(firstRow: number): RowBatch {
    return this.buffers.finish(firstRow, csvLocator(this.file, this.delimiter, this.header, this.slots, this));
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
