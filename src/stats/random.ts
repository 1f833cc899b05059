/**
 * A seeded pseudo-random generator for the bootstrap: xoshiro128** 1.0 (Blackman & Vigna, 2018), seeded through
 * splitmix32 so that any 32-bit seed (including 0) gives a well-mixed, non-zero state. Chosen because it needs only
 * 32-bit integer arithmetic (exact in JavaScript via Math.imul and >>> 0), is fast, and passes BigCrush. Nothing here
 * reads the clock: the same seed always yields the same stream (DESIGN.md principle 6).
 */
export interface Random {
  /** A uniform 32-bit unsigned integer. */
  nextUint32(): number;
  /** A uniform double in [0, 1) with 53 random bits. */
  nextDouble(): number;
  /** A standard normal deviate (Box–Muller; the second deviate of each pair is discarded for simplicity). */
  nextGaussian(): number;
}

/** splitmix32 step: a bijective mixer used to expand one seed into the four state words. */
function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

export function createRandom(seed: number): Random {
  const mixer = { s: seed | 0 };
  // The state lives in an Int32Array and every operation stays in int32 (| 0), so V8 never boxes a number per call.
  const state = new Int32Array(4);
  for (let i = 0; i < 4; i++) state[i] = splitmix32(mixer) | 0;
  if (((state[0] as number) | (state[1] as number) | (state[2] as number) | (state[3] as number)) === 0) state[0] = 1; // the all-zero state is a fixed point
  const nextInt32 = (): number => {
    const s0 = (state[0] as number);
    const s1 = (state[1] as number);
    const s2 = (state[2] as number);
    const s3 = (state[3] as number);
    const x = Math.imul(s1, 5);
    const result = Math.imul((x << 7) | (x >>> 25), 9);
    const t = s1 << 9;
    const n2 = s2 ^ s0;
    const n3 = s3 ^ s1;
    state[1] = s1 ^ n2;
    state[0] = s0 ^ n3;
    state[2] = n2 ^ t;
    state[3] = (n3 << 11) | (n3 >>> 21);
    return result;
  };
  const nextDouble = (): number => ((nextInt32() >>> 5) * 67108864 + (nextInt32() >>> 6)) / 9007199254740992;
  return {
    nextUint32: () => nextInt32() >>> 0,
    nextDouble,
    nextGaussian: () => Math.sqrt(-2 * Math.log(1 - nextDouble())) * Math.cos(2 * Math.PI * nextDouble()),
  };
}

/**
 * A 32-bit seed derived from a base seed and a label (FNV-1a of the label, mixed with the seed), so each grouping's
 * bootstrap has its own stream: adding or removing one grouping does not change another grouping's intervals.
 */
export function deriveSeed(seed: number, label: string): number {
  let h = 0x811c9dc5 ^ (seed | 0);
  for (let i = 0; i < label.length; i++) {
    h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
  }
  return splitmix32({ s: h }) | 0;
}
