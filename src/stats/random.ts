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
}

/** splitmix32 step: a bijective mixer used to expand one seed into the four state words. */
function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

const rotl = (x: number, k: number): number => ((x << k) | (x >>> (32 - k))) >>> 0;

export function createRandom(seed: number): Random {
  const mixer = { s: seed | 0 };
  let a = splitmix32(mixer);
  let b = splitmix32(mixer);
  let c = splitmix32(mixer);
  let d = splitmix32(mixer);
  if ((a | b | c | d) === 0) a = 1; // the all-zero state is the one xoshiro cannot leave
  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5) >>> 0, 7), 9) >>> 0;
    const t = (b << 9) >>> 0;
    c = (c ^ a) >>> 0;
    d = (d ^ b) >>> 0;
    b = (b ^ c) >>> 0;
    a = (a ^ d) >>> 0;
    c = (c ^ t) >>> 0;
    d = rotl(d, 11);
    return result;
  };
  return {
    nextUint32,
    nextDouble: () => ((nextUint32() >>> 5) * 67108864 + (nextUint32() >>> 6)) / 9007199254740992,
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
