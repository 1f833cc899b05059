/**
 * A small seeded pseudo-random generator for the benchmark data: xoshiro128** (Blackman & Vigna), its four 32-bit
 * words seeded by splitmix32. Written here rather than using Math.random so that the same seed gives the same file on
 * every machine and Node version, and kept to 32-bit integer arithmetic (Math.imul) so the hot loop allocates nothing.
 */
export class Prng {
  #s0: number;
  #s1: number;
  #s2: number;
  #s3: number;
  /** A spare standard normal from the last Box–Muller pair, or NaN when none is held. */
  #spare = Number.NaN;

  constructor(seed: number) {
    let state = seed >>> 0;
    const splitmix32 = (): number => {
      state = (state + 0x9e3779b9) | 0;
      let z = state;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.#s0 = splitmix32();
    this.#s1 = splitmix32();
    this.#s2 = splitmix32();
    this.#s3 = splitmix32();
  }

  /** The next 32-bit unsigned integer. */
  nextUint32(): number {
    const s1 = this.#s1;
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    this.#s2 ^= this.#s0;
    this.#s3 ^= s1;
    this.#s1 ^= this.#s2;
    this.#s0 ^= this.#s3;
    this.#s2 ^= t;
    this.#s3 = rotl(this.#s3, 11);
    return result;
  }

  /** Uniform in [0, 1) with 32 bits of resolution (enough for data whose values are printed with ≤ 6 decimals). */
  uniform(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Standard normal by the Box–Muller transform; the second value of each pair is kept for the next call. */
  normal(): number {
    if (!Number.isNaN(this.#spare)) {
      const spare = this.#spare;
      this.#spare = Number.NaN;
      return spare;
    }
    const u = 1 - this.uniform(); // (0, 1]: log(u) is finite
    const v = this.uniform();
    const radius = Math.sqrt(-2 * Math.log(u));
    this.#spare = radius * Math.sin(2 * Math.PI * v);
    return radius * Math.cos(2 * Math.PI * v);
  }

  /** Index drawn from a cumulative distribution (last entry 1). */
  pick(cumulative: readonly number[]): number {
    const u = this.uniform();
    for (let i = 0; i < cumulative.length; i++) {
      if (u < (cumulative[i] ?? 1)) return i;
    }
    return cumulative.length - 1;
  }

  /** 1 with probability p, else 0. */
  bernoulli(p: number): number {
    return this.uniform() < p ? 1 : 0;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
