import { isMissingToken } from './missing.ts';

/**
 * Decimal numbers straight from bytes, without creating a string for the common forms.
 *
 * Fast path (Clinger 1990): an optional sign, digits, an optional fraction and exponent, whose decimal mantissa fits
 * in 2^53 and whose power of ten is within ±22. Both the mantissa and 10^k are then exact doubles, so one IEEE
 * multiplication or division gives the correctly rounded result, identical to Number(text). Anything else (long
 * mantissas, big exponents, surrounding spaces, missing tokens) takes the slow path through a string.
 */

const POW10: readonly number[] = Array.from({ length: 23 }, (_, k) => 10 ** k);
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
  const first = bytes[i];
  if (first === 0x2d || first === 0x2b) {
    negative = first === 0x2d;
    i++;
  }
  let mantissa = 0;
  let exponent = 0;
  let digits = 0;
  while (i < end) {
    const d = (bytes[i] as number) - 0x30;
    if (d < 0 || d > 9) break;
    mantissa = mantissa * 10 + d;
    digits++;
    i++;
  }
  if (i < end && bytes[i] === 0x2e) {
    i++;
    while (i < end) {
      const d = (bytes[i] as number) - 0x30;
      if (d < 0 || d > 9) break;
      mantissa = mantissa * 10 + d;
      exponent--;
      digits++;
      i++;
    }
  }
  if (digits > 0 && i < end && ((bytes[i] as number) | 0x20) === 0x65) {
    i++;
    let expNegative = false;
    if (bytes[i] === 0x2d || bytes[i] === 0x2b) {
      expNegative = bytes[i] === 0x2d;
      i++;
    }
    let value = 0;
    let expDigits = 0;
    while (i < end && expDigits < 6) {
      const d = (bytes[i] as number) - 0x30;
      if (d < 0 || d > 9) break;
      value = value * 10 + d;
      expDigits++;
      i++;
    }
    if (expDigits === 0) return slowPath(bytes, start, end);
    exponent += expNegative ? -value : value;
  }
  if (i !== end || digits === 0 || mantissa >= MAX_EXACT || exponent < -22 || exponent > 22) {
    return slowPath(bytes, start, end);
  }
  const magnitude = exponent < 0 ? mantissa / (POW10[-exponent] ?? 1) : mantissa * (POW10[exponent] ?? 1);
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
