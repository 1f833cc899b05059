/**
 * Collapses the doubled quotes of a quoted CSV field (RFC 4180 §2.7) into `scratch`, growing it when needed.
 * Returns the buffer holding the result in [0, length).
 */
export function collapseQuotes(bytes: Uint8Array, start: number, end: number, scratch: Uint8Array): { buffer: Uint8Array; length: number } {
  const buffer = scratch.length >= end - start ? scratch : new Uint8Array(2 * (end - start));
  let length = 0;
  for (let i = start; i < end; i++) {
    const b = bytes[i] ?? 0;
    buffer[length++] = b;
    if (b === 0x22) i++; // the second quote of a pair
  }
  return { buffer, length };
}
