/**
 * Offsets into a block of `count` values packed back to back, each preceded by `gap` bytes, from their byte lengths
 * as a database aggregates them (comma-separated decimal text): value k is block[offsets[k], offsets[k + 1]).
 * Undefined when the text does not list exactly `count` non-negative integers (the block is then not trusted).
 */
export function packedOffsets(lengths: string | null, count: number, gap: number): Float64Array | undefined {
  if (typeof lengths !== 'string') return undefined;
  // Parsed digit by digit: split and Number cost a string per value, a tenth of the chunk's read time.
  const offsets = new Float64Array(count + 1);
  let at = 0;
  let k = 0;
  let length = -1;
  for (let i = 0; i <= lengths.length; i++) {
    const c = i < lengths.length ? lengths.charCodeAt(i) : 44;
    if (c >= 48 && c <= 57) {
      length = (length < 0 ? 0 : length * 10) + (c - 48);
      if (length > Number.MAX_SAFE_INTEGER / 10) return undefined;
    } else if (c === 44 && length >= 0 && k < count) {
      offsets[k++] = at;
      at += gap + length;
      length = -1;
    } else {
      return undefined;
    }
  }
  if (k !== count) return undefined;
  offsets[count] = at;
  return offsets;
}

/**
 * The parts back to back in a buffer of its own. Blocks may be transferred to another thread, and transferring a
 * view of Node's shared pool of small Buffers (what Buffer.concat and pg's decoding return for small sizes) would
 * detach the pool under every other Buffer in it.
 */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return ownBytes(parts[0] as Uint8Array);
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** The bytes in an ArrayBuffer of their own: the value itself when it spans its whole buffer, else a copy. */
export function ownBytes(value: Uint8Array): Uint8Array {
  return value.byteOffset === 0 && value.byteLength === value.buffer.byteLength ? value : value.slice();
}
