import { fail } from '../../core/index.ts';
import { createRandom, type Random } from '../../stats/random.ts';

/**
 * `size` distinct indices of 0…n−1 (all of them, in order, when size ≥ n), drawn uniformly without replacement by a
 * partial Fisher–Yates shuffle from `seed`, then sorted so requests go out in file order. Black-box tests cost one
 * request per row and counterfactual, so they run on such a sample.
 */
export function sampleIndices(n: number, size: number, seed: number): number[] {
  if (!Number.isInteger(size) || size < 1) fail('EXPLAIN_INVALID_OPTION', `sample size must be an integer ≥ 1, got ${size}`, { expected: 'an integer ≥ 1' });
  const all = Array.from({ length: n }, (_, i) => i);
  if (size >= n) return all;
  const random = createRandom(seed);
  for (let i = 0; i < size; i++) {
    const j = i + uniformBelow(random, n - i);
    [all[i], all[j]] = [all[j] as number, all[i] as number];
  }
  return all.slice(0, size).sort((a, b) => a - b);
}

/** A uniform integer in [0, bound). */
export function uniformBelow(random: Random, bound: number): number {
  return Math.floor(random.nextDouble() * bound);
}

/** Fisher–Yates shuffle of a copy of `values`. */
export function shuffled<T>(values: readonly T[], random: Random): T[] {
  const copy = [...values];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = uniformBelow(random, i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}
