import { fail } from '../../core/index.ts';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** Receives the fields a scan decodes. Only requested fields are handed over; the others are skipped unread. */
export interface CsvSink {
  /**
   * One requested field: bytes [start, end) (inside the quotes for a quoted field); `escaped` when it holds doubled
   * quotes that still need collapsing. `line`/`column` are 1-based, the column counted in characters.
   */
  field(slot: number, bytes: Uint8Array, start: number, end: number, escaped: boolean, line: number, column: number): void;
  /**
   * A row is complete: it began on `line`, at byte `start` of the window, and its line end finishes before byte
   * `end`. Return false to stop the scan after it (the batch is full).
   */
  endRow(line: number, start: number, end: number): boolean;
  /**
   * A number column's field read by the scanner itself (see setNumberSlots): `value` is what parseNumberBytes gives
   * for the field's bytes. Only called on a sink given number slots.
   */
  number?(slot: number, value: number): void;
}

const POW10 = Float64Array.from({ length: 23 }, (_, k) => 10 ** k);
const MAX_EXACT = 2 ** 53;

/**
 * The RFC 4180 state machine over raw bytes: quoted fields, doubled quotes, newlines inside quotes, LF, CRLF (and a
 * lone CR) line ends. It works on a window of the file and only commits whole rows: a row cut by the end of the
 * window is left unconsumed and scanned again, from its start, once more bytes are in (so no state has to survive
 * the chunk boundary except the line number). Blank lines are skipped.
 *
 * Speed: an unquoted field is one tight loop over a 256-entry table that flags the delimiter, quote, CR, LF and
 * non-ASCII bytes; continuation bytes are counted so error columns are in characters, not bytes.
 */
export class CsvScanner {
  /** 1-based line number of the next unconsumed byte. */
  line = 1;
  private readonly file: string;
  private readonly delimiter: number;
  private readonly special = new Uint8Array(256);
  private slotOfField: Int32Array | undefined;
  private expectedFields = -1;
  private header: readonly string[] = [];
  /** Per field: 1 when its slot is a number column whose plain decimals the scan parses itself (setNumberSlots). */
  private numberField: Uint8Array | undefined;

  constructor(file: string, delimiter: number) {
    this.file = file;
    this.delimiter = delimiter;
    for (const b of [delimiter, QUOTE, LF, CR]) this.special[b] = 1;
    for (let b = 0x80; b < 0x100; b++) this.special[b] = 1;
  }

  /** Header mode hands over every field with slot = its position; data mode only the planned ones. */
  setPlan(header: readonly string[], slotOfField: Int32Array): void {
    this.header = header;
    this.slotOfField = slotOfField;
    this.expectedFields = header.length;
  }

  /**
   * Lets the scan parse the plain decimals of these fields itself (an optional sign, digits with at most one point,
   * mantissa below 2^53, at most 22 fraction digits) and hand them to sink.number: one pass over their bytes instead
   * of a scan to find the field's end and a second pass in parseNumberBytes. Exactly parseNumberBytes's fast path
   * (Clinger's: one exact division), so the value is the same; any other field (exponent, missing token, quotes,
   * spaces, too many digits) is scanned again from its start and handed to sink.field. Not used when the delimiter
   * could be part of a number.
   */
  setNumberSlots(numberField: Uint8Array): void {
    const d = this.delimiter;
    const numeric = (d >= 0x30 && d <= 0x39) || d === 0x2e || d === 0x2b || d === 0x2d;
    this.numberField = numeric ? undefined : numberField;
  }

  /**
   * Scans whole rows of bytes [start, end); `final` when no more bytes will follow. Returns where the first
   * unconsumed row begins (end when everything was consumed).
   */
  scan(bytes: Uint8Array, start: number, end: number, final: boolean, sink: CsvSink): number {
    const special = this.special;
    const delimiter = this.delimiter;
    const slotOfField = this.slotOfField;
    const expected = this.expectedFields;
    const numberField = this.numberField;
    let pos = start;
    let line = this.line;
    let rowStart: number;
    let rowLine: number;
    rows: for (;;) {
      if (pos >= end) {
        this.line = line;
        return end;
      }
      rowStart = pos;
      rowLine = line;
      let b = bytes[pos] as number;
      if (b === LF || b === CR) {
        if (b === CR && pos + 1 >= end && !final) break; // a CRLF may be cut in two
        pos += b === CR && pos + 1 < end && bytes[pos + 1] === LF ? 2 : 1;
        line++;
        continue;
      }
      let lineStart = pos;
      let continuation = 0;
      let fieldIndex = 0;
      for (;;) {
        const column = pos - lineStart - continuation + 1;
        const fieldLine = line;
        let fieldStart = pos;
        let fieldEnd: number;
        let escaped = false;
        if (pos < end && bytes[pos] === QUOTE) {
          pos++;
          fieldStart = pos;
          for (;;) {
            if (pos >= end) {
              if (!final) break rows;
              this.error('INPUT_UNTERMINATED_QUOTE', 'the quoted field is not closed before the end of the file', fieldLine, column, fieldIndex, 'a closing quote (")');
            }
            b = bytes[pos] as number;
            if (b === QUOTE) {
              if (pos + 1 >= end && !final) break rows;
              if (pos + 1 < end && bytes[pos + 1] === QUOTE) {
                escaped = true;
                pos += 2;
                continue;
              }
              break;
            }
            if (b === LF || b === CR) {
              if (b === CR && pos + 1 >= end && !final) break rows;
              pos += b === CR && pos + 1 < end && bytes[pos + 1] === LF ? 2 : 1;
              line++;
              lineStart = pos;
              continuation = 0;
              continue;
            }
            if ((b & 0xc0) === 0x80) continuation++;
            pos++;
          }
          fieldEnd = pos;
          pos++; // the closing quote
          if (pos < end) {
            b = bytes[pos] as number;
            if (b !== delimiter && b !== LF && b !== CR) {
              this.error('INPUT_MALFORMED_QUOTE', 'text follows the closing quote of a quoted field', line, pos - lineStart - continuation + 1, fieldIndex, 'a delimiter or the end of the line after a closing quote');
            }
          } else if (!final) break rows;
        } else {
          if (numberField !== undefined && numberField[fieldIndex] === 1 && slotOfField !== undefined) {
            // A number column: parse while finding the field's end (see setNumberSlots); the digits loop is
            // parseNumberBytes's, and the field must end right after them at a delimiter or line end.
            let i = pos;
            let c = i < end ? (bytes[i] as number) : 0;
            const negative = c === 0x2d;
            if (negative || c === 0x2b) i++;
            let mantissa = 0;
            let digits = 0;
            let point = -1;
            for (; i < end; i++) {
              c = bytes[i] as number;
              const d = c - 0x30;
              if (d >= 0 && d <= 9) {
                mantissa = mantissa * 10 + d;
                digits++;
              } else if (c === 0x2e && point < 0) {
                point = digits;
              } else break;
            }
            const scale = point < 0 ? 0 : digits - point;
            if (i < end && (c === delimiter || c === LF || c === CR) && digits > 0 && mantissa < MAX_EXACT && scale <= 22) {
              const magnitude = mantissa / (POW10[scale] as number);
              sink.number?.(slotOfField[fieldIndex] as number, negative ? -magnitude : magnitude);
              pos = i;
              fieldIndex++;
              if (c === delimiter) {
                pos++;
                continue;
              }
              if (c === CR && pos + 1 >= end && !final) break rows;
              const rowEndColumn = pos - lineStart - continuation + 1;
              pos += c === CR && pos + 1 < end && bytes[pos + 1] === LF ? 2 : 1;
              const keepGoing = this.endRow(sink, fieldIndex, line, rowEndColumn, rowLine, rowStart, pos);
              line++;
              if (!keepGoing) {
                this.line = line;
                return pos;
              }
              continue rows;
            }
          }
          while (pos < end) {
            b = bytes[pos] as number;
            if ((special[b] as number) === 0) {
              pos++;
            } else if (b >= 0x80) {
              if ((b & 0xc0) === 0x80) continuation++;
              pos++;
            } else break;
          }
          if (pos >= end && !final) break rows;
          if (pos < end && bytes[pos] === QUOTE) {
            this.error('INPUT_MALFORMED_QUOTE', 'a quote appears inside an unquoted field', line, pos - lineStart - continuation + 1, fieldIndex, 'quotes only around a whole field, doubled ("") inside it');
          }
          fieldEnd = pos;
        }
        if (slotOfField === undefined) {
          sink.field(fieldIndex, bytes, fieldStart, fieldEnd, escaped, fieldLine, column);
        } else {
          if (fieldIndex >= expected) {
            this.error('INPUT_RAGGED_ROW', `the row has more than ${expected} fields`, fieldLine, column, -1, `${expected} fields, as in the header`);
          }
          const slot = slotOfField[fieldIndex] ?? -1;
          if (slot >= 0) sink.field(slot, bytes, fieldStart, fieldEnd, escaped, fieldLine, column);
        }
        fieldIndex++;
        if (pos >= end) {
          // the last row of the file, without a line end
          this.endRow(sink, fieldIndex, line, pos - lineStart - continuation + 1, rowLine, rowStart, end);
          this.line = line;
          return end;
        }
        b = bytes[pos] as number;
        if (b === delimiter) {
          pos++;
          continue;
        }
        // b is LF or CR: the end of the row
        if (b === CR && pos + 1 >= end && !final) break rows;
        const rowEndColumn = pos - lineStart - continuation + 1;
        pos += b === CR && pos + 1 < end && bytes[pos + 1] === LF ? 2 : 1;
        const keepGoing = this.endRow(sink, fieldIndex, line, rowEndColumn, rowLine, rowStart, pos);
        line++;
        if (!keepGoing) {
          this.line = line;
          return pos;
        }
        continue rows;
      }
    }
    // a row cut by the end of the window: keep it whole for the next scan
    this.line = rowLine;
    return rowStart;
  }

  private endRow(sink: CsvSink, fields: number, line: number, column: number, rowLine: number, rowStart: number, rowEnd: number): boolean {
    if (this.expectedFields >= 0 && fields < this.expectedFields) {
      this.error('INPUT_RAGGED_ROW', `the row has ${fields} field${fields === 1 ? '' : 's'}`, line, column, -1, `${this.expectedFields} fields, as in the header`);
    }
    return sink.endRow(rowLine, rowStart, rowEnd);
  }

  private error(code: 'INPUT_UNTERMINATED_QUOTE' | 'INPUT_MALFORMED_QUOTE' | 'INPUT_RAGGED_ROW', message: string, line: number, column: number, field: number, expected: string): never {
    const name = field >= 0 ? this.header[field] : undefined;
    const where = name === undefined ? '' : ` (column "${name}")`;
    fail(code, `${message}${where}`, { location: { file: this.file, line, column }, expected });
  }
}
