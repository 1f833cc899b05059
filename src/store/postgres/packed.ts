/**
 * Byte strings packed into one buffer with their offsets and lengths. pg sends a Buffer parameter in binary, while
 * an array of byte strings goes as a hex text literal the server must parse: packing made batched inserts about four
 * times faster here (the query slices the buffer back with substring).
 */
export interface Packed {
  readonly bytes: Buffer;
  readonly offsets: number[];
  readonly lengths: number[];
}

export function pack(parts: readonly Uint8Array[]): Packed {
  const offsets: number[] = [];
  const lengths: number[] = [];
  let at = 0;
  for (const part of parts) {
    offsets.push(at);
    lengths.push(part.length);
    at += part.length;
  }
  return { bytes: Buffer.concat(parts, at), offsets, lengths };
}
