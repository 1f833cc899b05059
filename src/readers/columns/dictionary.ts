import { isMissingToken } from './missing.ts';
import { firstInvalidUtf8 } from './utf8.ts';

/** Code of a missing value in a category column. */
export const MISSING_CODE = -1;
/** Returned by internBytes for bytes that are not valid UTF-8; the caller reports where they are. */
export const INVALID_UTF8_CODE = -2;

const decoder = new TextDecoder('utf-8');

/**
 * The values of one category column, interned to dense codes. `values` is shared with every batch of the read and
 * only ever appended to, so a code keeps its meaning across batches.
 *
 * Text readers intern raw bytes: an open-addressing hash table over a byte pool finds a known value without creating
 * a string, so a low-cardinality column costs no allocation per row. Only a new value is decoded (and validated as
 * UTF-8, once). Missing tokens are interned too, with the code -1, so recognising them is also free.
 */
export class Dictionary {
  readonly values: string[] = [];
  private readonly byText = new Map<string, number>();
  private table = new Int32Array(64).fill(-1);
  private entryStart = new Int32Array(32);
  private entryLength = new Int32Array(32);
  private entryCode = new Int32Array(32);
  private entries = 0;
  private pool = new Uint8Array(1024);
  private poolUsed = 0;

  /** Code of a string value (missing tokens → -1). */
  internString(text: string): number {
    const known = this.byText.get(text);
    if (known !== undefined) return known;
    const code = isMissingToken(text) ? MISSING_CODE : this.values.push(text) - 1;
    this.byText.set(text, code);
    return code;
  }

  /** Code of the UTF-8 value in bytes [start, end); INVALID_UTF8_CODE when they are not valid UTF-8. */
  internBytes(bytes: Uint8Array, start: number, end: number): number {
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ (bytes[i] as number), 0x01000193);
    const mask = this.table.length - 1;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.table[slot] ?? -1;
      if (entry < 0) return this.insertBytes(bytes, start, end, slot);
      if (this.entryLength[entry] === length && this.sameBytes(entry, bytes, start, length)) {
        return this.entryCode[entry] ?? MISSING_CODE;
      }
    }
  }

  private sameBytes(entry: number, bytes: Uint8Array, start: number, length: number): boolean {
    const pool = this.pool;
    const offset = this.entryStart[entry] ?? 0;
    for (let k = 0; k < length; k++) if (pool[offset + k] !== bytes[start + k]) return false;
    return true;
  }

  private insertBytes(bytes: Uint8Array, start: number, end: number, slot: number): number {
    if (firstInvalidUtf8(bytes, start, end) >= 0) return INVALID_UTF8_CODE;
    const code = this.internString(decoder.decode(bytes.subarray(start, end)));
    const length = end - start;
    if (this.poolUsed + length > this.pool.length) this.pool = grow(this.pool, this.poolUsed + length);
    this.pool.set(bytes.subarray(start, end), this.poolUsed);
    const entry = this.entries++;
    if (entry >= this.entryStart.length) {
      this.entryStart = grow(this.entryStart, entry + 1);
      this.entryLength = grow(this.entryLength, entry + 1);
      this.entryCode = grow(this.entryCode, entry + 1);
    }
    this.entryStart[entry] = this.poolUsed;
    this.entryLength[entry] = length;
    this.entryCode[entry] = code;
    this.poolUsed += length;
    this.table[slot] = entry;
    if (this.entries * 2 > this.table.length) this.rehash();
    return code;
  }

  private rehash(): void {
    const table = new Int32Array(this.table.length * 2).fill(-1);
    const mask = table.length - 1;
    for (let entry = 0; entry < this.entries; entry++) {
      const start = this.entryStart[entry] ?? 0;
      const end = start + (this.entryLength[entry] ?? 0);
      let hash = 0x811c9dc5;
      for (let i = start; i < end; i++) hash = Math.imul(hash ^ (this.pool[i] ?? 0), 0x01000193);
      let slot = hash & mask;
      while ((table[slot] ?? -1) >= 0) slot = (slot + 1) & mask;
      table[slot] = entry;
    }
    this.table = table;
  }
}

function grow<T extends Uint8Array | Int32Array>(array: T, needed: number): T {
  let size = array.length * 2;
  while (size < needed) size *= 2;
  const bigger = new (array.constructor as new (length: number) => T)(size);
  bigger.set(array);
  return bigger;
}
