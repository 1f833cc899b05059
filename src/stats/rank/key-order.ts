/**
 * The entries of an exact score table in ascending key order, by an LSD radix sort on the keys' bits (4 passes of 16
 * bits, a pass skipped when all keys share its digit). It replaces sorting the keys natively and then finding each
 * key's entry by a hash probe: that probe, a cache miss per distinct score, cost as much as the sort itself.
 *
 * Keys are never NaN and never −0 (ScoreDistribution folds −0 into 0), so the order is the numeric one, the same as
 * Float64Array.prototype.sort gives. A double's bits sort as unsigned integers once positive numbers get their sign
 * bit set and negative numbers have every bit flipped.
 */
const DIGIT_BITS = 16;
const BUCKETS = 1 << DIGIT_BITS;
const DIGIT_MASK = BUCKETS - 1;

/** Scratch reused from call to call: the transformed key words and two entry buffers (the result aliases one). */
let high = new Uint32Array(0);
let low = new Uint32Array(0);
let bufferA = new Int32Array(0);
let bufferB = new Int32Array(0);
const counts = new Int32Array(4 * BUCKETS);

/** Entry numbers 0..size−1 ordered by keys[entry] ascending; valid until the next call. */
export function keyOrder(keys: Float64Array, size: number): Int32Array {
  if (high.length < size) {
    const capacity = Math.max(size, 2 * high.length);
    high = new Uint32Array(capacity);
    low = new Uint32Array(capacity);
    bufferA = new Int32Array(capacity);
    bufferB = new Int32Array(capacity);
  }
  const words = new Uint32Array(keys.buffer, keys.byteOffset, 2 * size);
  counts.fill(0);
  for (let entry = 0; entry < size; entry++) {
    // Little-endian: word 2e is the low half of key e, on every platform Node runs on.
    let hi = words[2 * entry + 1] as number;
    let lo = words[2 * entry] as number;
    if (hi >>> 31 === 1) {
      hi = ~hi >>> 0;
      lo = ~lo >>> 0;
    } else hi = (hi | 0x80000000) >>> 0;
    high[entry] = hi;
    low[entry] = lo;
    count(lo & DIGIT_MASK);
    count(BUCKETS + (lo >>> DIGIT_BITS));
    count(2 * BUCKETS + (hi & DIGIT_MASK));
    count(3 * BUCKETS + (hi >>> DIGIT_BITS));
    bufferA[entry] = entry;
  }
  let from = bufferA;
  let to = bufferB;
  for (let pass = 0; pass < 4; pass++) {
    const base = pass * BUCKETS;
    if (trivial(base, size)) continue;
    let sum = 0;
    for (let bucket = base; bucket < base + BUCKETS; bucket++) {
      const count = counts[bucket] as number;
      counts[bucket] = sum;
      sum += count;
    }
    const word = pass < 2 ? low : high;
    const shift = (pass & 1) * DIGIT_BITS;
    for (let at = 0; at < size; at++) {
      const entry = from[at] as number;
      const bucket = base + (((word[entry] as number) >>> shift) & DIGIT_MASK);
      const slot = counts[bucket] as number;
      to[slot] = entry;
      counts[bucket] = slot + 1;
    }
    const swap = from;
    from = to;
    to = swap;
  }
  return from;
}

function count(bucket: number): void {
  counts[bucket] = (counts[bucket] as number) + 1;
}

/** True when one bucket of the pass holds every key: the pass would not move anything. */
function trivial(base: number, size: number): boolean {
  for (let bucket = base; bucket < base + BUCKETS; bucket++) {
    const count = counts[bucket] as number;
    if (count !== 0) return count === size;
  }
  return true;
}
