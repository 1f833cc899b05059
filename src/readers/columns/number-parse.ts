import { isMissingToken } from './missing.ts';

/**
 * Decimal numbers straight from bytes, without creating a string for the common forms.
 *
 * Fast path (Clinger 1990): an optional sign, digits, an optional fraction and exponent, whose decimal mantissa fits
 * in 2^53 and whose power of ten is within ±22. Both the mantissa and 10^k are then exact doubles, so one IEEE
 * multiplication or division gives the correctly rounded result, identical to Number(text). Anything else (long
 * mantissas, big exponents, surrounding spaces, missing tokens) takes the slow path through a string.
 */

const POW10 = Float64Array.from({ length: 23 }, (_, k) => 10 ** k);
const MAX_EXACT = 2 ** 53;

/** What parseNumberBytes returns for text that is neither a number nor a missing token. */
export const NOT_A_NUMBER = Number.POSITIVE_INFINITY;

/**
 * The finite number in bytes [start, end); NaN for a missing value (see missing.ts); NOT_A_NUMBER (+Infinity, never a
 * valid result since non-finite numbers are rejected) when the text is not a decimal number.
 */
export function parseNumberBytes(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  let negative = false;
  let c = i < end ? (bytes[i] as number) : 0;
  if (c === 0x2d || c === 0x2b) {
    negative = c === 0x2d;
    i++;
  }
  let mantissa = 0;
  let digits = 0;
  let point = -1; // digits seen when the decimal point came
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
  let exponent = point < 0 ? 0 : point - digits;
  if (i < end) {
    // only an exponent may follow the digits
    if (digits === 0 || (c | 0x20) !== 0x65) return slowPath(bytes, start, end);
    i++;
    let expNegative = false;
    c = i < end ? (bytes[i] as number) : 0;
    if (c === 0x2d || c === 0x2b) {
      expNegative = c === 0x2d;
      i++;
    }
    let value = 0;
    const first = i;
    for (; i < end && i - first < 6; i++) {
      const d = (bytes[i] as number) - 0x30;
      if (d < 0 || d > 9) break;
      value = value * 10 + d;
    }
    if (i === first || i !== end) return slowPath(bytes, start, end);
    exponent += expNegative ? -value : value;
  }
  if (digits === 0 || mantissa >= MAX_EXACT || exponent < -22 || exponent > 22) return slowPath(bytes, start, end);
  const magnitude = exponent < 0 ? mantissa / (POW10[-exponent] as number) : mantissa * (POW10[exponent] as number);
  return negative ? -magnitude : magnitude;
}

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function slowPath(bytes: Uint8Array, start: number, end: number): number {
  let text = '';
  for (let i = start; i < end; i++) {
    const b = bytes[i] as number;
    if (b >= 0x80) return NOT_A_NUMBER; // non-ASCII is never part of a number
    text += String.fromCharCode(b);
  }
  return parseNumberText(text);
}

/** The same rules for text that is already a string (JSONL strings, Parquet strings in a number column). */
export function parseNumberText(raw: string): number {
  const text = raw.trim();
  if (isMissingToken(text)) return Number.NaN;
  if (!DECIMAL.test(text)) return NOT_A_NUMBER;
  const value = Number(text);
  return Number.isFinite(value) ? value : NOT_A_NUMBER;
}
