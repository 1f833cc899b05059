import { fail, type Location } from '../../core/index.ts';
import { countCharacters, firstInvalidUtf8 } from '../columns/utf8.ts';
import type { ChunkWindow } from '../file-chunks.ts';
import type { CsvScanner, CsvSink } from './scanner.ts';
import { collapseQuotes } from './unescape.ts';

const decoder = new TextDecoder('utf-8');

export interface CsvHeader {
  readonly names: readonly string[];
  /** Where the header row is, for missing-column errors. */
  readonly location: Location;
}

/** Collects every field of the first row as a column name (UTF-8 checked, duplicates rejected). */
class HeaderSink implements CsvSink {
  names: string[] = [];
  line = 0;
  done = false;
  private readonly file: string;
  private columns: number[] = [];

  constructor(file: string) {
    this.file = file;
  }

  field(_slot: number, bytes: Uint8Array, start: number, end: number, escaped: boolean, line: number, column: number): void {
    const { buffer, length } = escaped ? collapseQuotes(bytes, start, end, new Uint8Array(0)) : { buffer: bytes.subarray(start, end), length: end - start };
    const bad = firstInvalidUtf8(buffer, 0, length);
    if (bad >= 0) {
      fail('INPUT_INVALID_UTF8', 'the header holds a byte sequence that is not UTF-8', {
        location: { file: this.file, line, column: column + countCharacters(buffer, 0, bad) },
        expected: 'UTF-8 text',
      });
    }
    const name = decoder.decode(buffer.subarray(0, length));
    const first = this.names.indexOf(name);
    if (first >= 0) {
      fail('INPUT_DUPLICATE_COLUMN', `the header names column "${name}" twice`, {
        location: { file: this.file, line, column },
        expected: 'distinct column names',
        hint: `first at column ${this.columns[first] ?? 1}`,
      });
    }
    this.names.push(name);
    this.columns.push(column);
  }

  endRow(line: number): boolean {
    this.line = line;
    this.done = true;
    return false;
  }

  /** Forgets the fields of a header row cut by the window's end: it is scanned again whole. */
  restart(): void {
    this.names = [];
    this.columns = [];
  }
}

const BOM = [0xef, 0xbb, 0xbf];

/**
 * Reads the header row from the start of the file (skipping a UTF-8 BOM and leading blank lines), leaving the window
 * at the first data row. Then makes sure at least one data row follows: a file with no header or no data rows is
 * INPUT_EMPTY_FILE.
 */
export async function readCsvHeader(window: ChunkWindow, scanner: CsvScanner, file: string): Promise<CsvHeader> {
  await window.refill();
  while (!window.eof && window.end < 3) await window.refill();
  if (BOM.every((b, i) => window.bytes[i] === b)) window.start = 3;
  const sink = new HeaderSink(file);
  for (;;) {
    sink.restart();
    window.start = scanner.scan(window.bytes, window.start, window.end, window.eof, sink);
    if (sink.done || window.eof) break;
    await window.refill();
  }
  if (!sink.done) fail('INPUT_EMPTY_FILE', 'the file is empty', { location: { file }, expected: 'a header row and at least one data row' });
  // peek past blank lines (the scanner skips them) for the first data byte
  for (let k = 0; ; k++) {
    if (window.start + k >= window.end) {
      if (!(await window.refill())) {
        fail('INPUT_EMPTY_FILE', 'the file has a header but no data rows', { location: { file, line: sink.line }, expected: 'at least one data row' });
      }
      k--;
      continue;
    }
    const b = window.bytes[window.start + k];
    if (b !== 0x0a && b !== 0x0d) break;
  }
  return { names: sink.names, location: { file, line: sink.line } };
}
