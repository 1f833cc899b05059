/**
 * 64-bit fingerprints of values, as two 32-bit words, so rows and ids can be counted as duplicates without keeping
 * them. A value is fingerprinted by what it MEANS, not how it was written: a number by its IEEE-754 bits (0 and −0
 * alike), a text that reads as a finite number by that number (so "1" in a text column equals 1 in a number column),
 * any other text by two independently seeded FNV-1a hashes of its UTF-16 code units with a murmur3 finaliser.
 * Missing values (NaN, the reader's missing tokens) share one fingerprint.
 */

export const MISSING_A = 0x6d697373; // "miss"
export const MISSING_B = 0x696e6721; // "ing!"

/** murmur3's 32-bit finaliser: every input bit affects every output bit. */
export function fmix32(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const scratch = new Float64Array(1);
const scratchWords = new Uint32Array(scratch.buffer);

/** The two words of a finite number (NaN → the missing fingerprint). */
export function numberWords(value: number, out: Uint32Array): void {
  if (Number.isNaN(value)) {
    out[0] = MISSING_A;
    out[1] = MISSING_B;
    return;
  }
  scratch[0] = value === 0 ? 0 : value;
  out[0] = scratchWords[0] as number;
  out[1] = scratchWords[1] as number;
}

/** The two words of a text value (a numeric text → its number's words). */
export function textWords(text: string, out: Uint32Array): void {
  const trimmed = text.trim();
  if (trimmed !== '') {
    const number = Number(trimmed);
    if (Number.isFinite(number)) {
      numberWords(number, out);
      return;
    }
  }
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  out[0] = fmix32(h1);
  out[1] = fmix32(h2 ^ 0x9e3779b9);
}

/**
 * Folds one value's words into a running row fingerprint (two lanes, each absorbing both words with its own
 * multiplier), in column order. The lanes start from the column count so rows of different widths differ.
 */
export function foldWords(lanes: Uint32Array, a: number, b: number): void {
  const l0 = lanes[0] as number;
  const l1 = lanes[1] as number;
  lanes[0] = fmix32(Math.imul(l0 ^ a, 0xcc9e2d51) + b);
  lanes[1] = fmix32(Math.imul(l1 ^ b, 0x1b873593) + a + 0x6b43a9b5);
}
