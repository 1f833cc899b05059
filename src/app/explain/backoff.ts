import { createRandom, deriveSeed } from '../../stats/random.ts';

/**
 * The waits before each retry of one batch: wait_i = min(max, base · 2^i) · (0.5 + 0.5 · u_i) — exponential back-off
 * with "equal jitter" (half fixed, half random), so retrying clients spread out instead of hammering a recovering
 * server in lock-step, yet never retry sooner than half the nominal wait. u_i comes from a PRNG seeded by
 * (seed, batch index), so the waits are the same on every run whatever order concurrent batches run in.
 */
export function backoffDelays(seed: number, batch: number, retries: number, baseMs: number, maxMs: number): number[] {
  const random = createRandom(deriveSeed(seed, `batch ${batch}`));
  return Array.from({ length: retries }, (_, i) => Math.min(maxMs, baseMs * 2 ** i) * (0.5 + 0.5 * random.nextDouble()));
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
