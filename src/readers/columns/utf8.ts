/**
 * UTF-8 validation over raw bytes (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF), so a reader can
 * say exactly where a bad byte is instead of letting TextDecoder substitute U+FFFD silently.
 * Returns the index of the first byte of the first invalid sequence, or -1 when [start, end) is valid.
 */
export function firstInvalidUtf8(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  while (i < end) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = b === 0xe0 ? 0xa0 : 0x80;
      if (b === 0xed) max = 0x9f; // UTF-16 surrogates are not characters
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = b === 0xf0 ? 0x90 : 0x80;
      if (b === 0xf4) max = 0x8f;
    } else {
      return i;
    }
    if (i + need >= end) return i; // truncated sequence
    const second = bytes[i + 1] ?? 0;
    if (second < min || second > max) return i;
    for (let k = 2; k <= need; k++) {
      const next = bytes[i + k] ?? 0;
      if (next < 0x80 || next > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** Characters (code points) in the valid UTF-8 bytes [start, end): every byte that is not a continuation byte. */
export function countCharacters(bytes: Uint8Array, start: number, end: number): number {
  let count = 0;
  for (let i = start; i < end; i++) if (((bytes[i] ?? 0) & 0xc0) !== 0x80) count++;
  return count;
}
