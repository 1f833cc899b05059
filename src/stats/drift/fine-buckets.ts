/**
 * The fine buckets every numeric drift profile counts values into: a log-linear ("HDR"-style) grid read straight from
 * the bits of the IEEE-754 double, so placing a value costs a few integer operations and no logarithm.
 *
 * A magnitude |x| ≥ 2^ZERO_EXPONENT is keyed by its binary exponent and the top MANTISSA_BITS bits of its mantissa:
 * each binade [2^e, 2^(e+1)) is cut into 2^MANTISSA_BITS equal buckets, so a bucket [lo, hi) has hi − lo ≤ lo·2^-10
 * (relative width ≤ 0.098 %). Magnitudes below 2^ZERO_EXPONENT (≈ 8.7e-19) share the zero bucket. The signed key is
 * monotone in the value: negative values get negative keys (the bucket of |x|, mirrored), zero-bucket values key 0.
 * Because the grid is fixed (it does not depend on the data), two profiles of the same column always share buckets,
 * and merging is addition.
 */
export const MANTISSA_BITS = 10;
export const ZERO_EXPONENT = -60;

const SHIFT = 20 - MANTISSA_BITS;
/** The high-word bucket index of 2^ZERO_EXPONENT: biased exponent shifted up by the mantissa bits. */
const BASE = (1023 + ZERO_EXPONENT) << MANTISSA_BITS;
const ZERO_LIMIT = 2 ** ZERO_EXPONENT;

const scratch = new Float64Array(1);
const words = new Uint32Array(scratch.buffer);
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0; // little-endian: high word is words[1]

/** The signed bucket key of a finite value. */
export function bucketKey(x: number): number {
  scratch[0] = x;
  const hi = words[HI] as number;
  const magnitude = ((hi & 0x7fffffff) >>> SHIFT) - BASE;
  const key = magnitude < 0 ? 0 : magnitude + 1;
  return (hi >>> 31 === 1 ? -key : key) | 0; // | 0 folds −0 into 0
}

/** Lower end of the magnitude bucket `key` ≥ 1: the double whose high word is (key − 1 + BASE) << SHIFT. */
function magnitudeLow(key: number): number {
  words[HI] = ((key - 1 + BASE) << SHIFT) >>> 0;
  words[1 - HI] = 0;
  return scratch[0] as number;
}

/**
 * The value range of bucket `key`: [low, high) for key > 0, (−high', −low'] mirrored for key < 0, and
 * (−2^ZERO_EXPONENT, 2^ZERO_EXPONENT) for key 0. `low`/`high` are returned as numbers with low < high.
 */
export function bucketRange(key: number): { readonly low: number; readonly high: number } {
  if (key === 0) return { low: -ZERO_LIMIT, high: ZERO_LIMIT };
  const magnitude = Math.abs(key);
  const low = magnitudeLow(magnitude);
  const high = magnitudeLow(magnitude + 1);
  return key > 0 ? { low, high } : { low: -high, high: -low };
}

/** The representative value of a bucket: its midpoint (0 for the zero bucket). */
export function bucketMidpoint(key: number): number {
  if (key === 0) return 0;
  const { low, high } = bucketRange(key);
  return low + (high - low) / 2;
}

/** The width high − low of a bucket. */
export function bucketWidth(key: number): number {
  const { low, high } = bucketRange(key);
  return high - low;
}

/** Values at or below this bucket key's upper end: `high` of the bucket, used to report PSI bin edges as numbers. */
export function bucketUpper(key: number): number {
  return bucketRange(key).high;
}
