import { fail } from '../../core/index.ts';
import { countCharacters, firstInvalidUtf8 } from '../columns/utf8.ts';
import type { ChunkWindow } from '../file-chunks.ts';

const strict = new TextDecoder('utf-8', { fatal: true });

/** One non-blank line of a JSONL file, decoded. */
export interface JsonLine {
  readonly text: string;
  /** 1-based line number. */
  readonly line: number;
}

/**
 * Splits a file window into lines (LF or CRLF), skipping blank ones and a leading UTF-8 BOM; each line is decoded as
 * strict UTF-8 (INPUT_INVALID_UTF8 with line and character column otherwise). A line may be longer than a chunk: the
 * window grows until it holds it whole.
 */
export class LineSplitter {
  private readonly window: ChunkWindow;
  private readonly file: string;
  private line = 0;
  private started = false;

  constructor(window: ChunkWindow, file: string) {
    this.window = window;
    this.file = file;
  }

  /** The next non-blank line, or undefined at the end of the file. */
  async next(): Promise<JsonLine | undefined> {
    const window = this.window;
    if (!this.started) {
      this.started = true;
      while (window.end < 3 && (await window.refill()));
      if (window.bytes[0] === 0xef && window.bytes[1] === 0xbb && window.bytes[2] === 0xbf) window.start = 3;
    }
    for (;;) {
      let newline = window.bytes.subarray(0, window.end).indexOf(0x0a, window.start);
      if (newline < 0) {
        if (await window.refill()) continue;
        if (window.start >= window.end) return undefined;
        newline = window.end;
      }
      this.line++;
      const start = window.start;
      let end = newline;
      window.start = Math.min(newline + 1, window.end);
      if (end > start && window.bytes[end - 1] === 0x0d) end--;
      if (isBlank(window.bytes, start, end)) continue;
      return { text: this.decode(window.bytes, start, end), line: this.line };
    }
  }

  private decode(bytes: Uint8Array, start: number, end: number): string {
    try {
      return strict.decode(bytes.subarray(start, end));
    } catch {
      const bad = firstInvalidUtf8(bytes, start, end);
      fail('INPUT_INVALID_UTF8', 'the line holds a byte sequence that is not UTF-8', {
        location: { file: this.file, line: this.line, column: countCharacters(bytes, start, Math.max(start, bad)) + 1 },
        expected: 'UTF-8 text',
      });
    }
  }
}

function isBlank(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const b = bytes[i];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0d) return false;
  }
  return true;
}
