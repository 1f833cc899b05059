import type { ParquetParsers } from 'hyparquet';
import { INVALID_UTF8_CODE, type Dictionary } from '../columns/dictionary.ts';

/**
 * A text value of a category column, already interned in the column's dictionary: what hyparquet hands over for such
 * a column instead of a string. hyparquet turns a dictionary page's entries into values once per column chunk and
 * then copies references per row, so a dictionary-encoded column (the usual encoding of sensitive columns) costs one
 * interning per distinct value and page, and each row is a reference whose code is read directly: no string per row
 * and no lookup of it in a map. One object per code, so equal values are the same object.
 */
export class CodedText {
  readonly code: number;

  constructor(code: number) {
    this.code = code;
  }
}

const decoder = new TextDecoder('utf-8');

/**
 * hyparquet parsers that intern the text of a category column into `dictionary` (by its bytes: a known value costs a
 * hash of its bytes, no string) and return its CodedText. Invalid UTF-8 becomes the same text as before, with
 * replacement characters (hyparquet's own decoding), so codes and values do not depend on this shortcut.
 */
export function codingParsers(dictionary: Dictionary): Partial<ParquetParsers> {
  const byCode: CodedText[] = [];
  const missing = new CodedText(-1);
  const token = (code: number): CodedText => (code < 0 ? missing : (byCode[code] ??= new CodedText(code)));
  return {
    stringFromBytes(bytes: Uint8Array | undefined): CodedText | undefined {
      if (bytes === undefined) return undefined;
      const code = dictionary.internBytes(bytes, 0, bytes.length);
      return token(code === INVALID_UTF8_CODE ? dictionary.internString(decoder.decode(bytes)) : code);
    },
  };
}
