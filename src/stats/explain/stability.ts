import { fail } from '../../core/index.ts';
import { averageRanks, pearson } from './ranks.ts';

/**
 * Spearman's rank correlation ρ between two importance vectors (aligned by feature): Pearson's r of their average
 * ranks (ties share the mean rank, as scipy.stats.spearmanr). Range [−1, 1]; ideal (same ranking) 1. null when
 * fewer than two features or when one side ranks every feature equal (zero variance: the denominator is 0).
 */
export function spearman(a: ArrayLike<number>, b: ArrayLike<number>): number | null {
  checkAligned(a, b);
  return pearson(averageRanks(a), averageRanks(b));
}

/**
 * Kendall's τ-b (Kendall 1945), the tie-corrected form scipy.stats.kendalltau computes by default:
 *   τ_b = (C − D) / √((n₀ − n₁)(n₀ − n₂)),  n₀ = n(n−1)/2, n₁ = Σ t(t−1)/2 over tie groups of a, n₂ likewise of b,
 * where C / D count concordant / discordant pairs (a pair tied on either side is neither). Range [−1, 1]; ideal 1.
 * null when the denominator is 0 (fewer than two features, or one side entirely tied). O(n²) pairs: importance
 * vectors have features, not rows, so n is small.
 */
export function kendallTauB(a: ArrayLike<number>, b: ArrayLike<number>): number | null {
  checkAligned(a, b);
  const n = a.length;
  let concordant = 0;
  let discordant = 0;
  let tiedA = 0;
  let tiedB = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const da = Math.sign((a[i] as number) - (a[j] as number));
      const db = Math.sign((b[i] as number) - (b[j] as number));
      if (da === 0) tiedA++;
      if (db === 0) tiedB++;
      if (da !== 0 && db !== 0) {
        if (da === db) concordant++;
        else discordant++;
      }
    }
  }
  const pairs = (n * (n - 1)) / 2;
  const denominator = Math.sqrt((pairs - tiedA) * (pairs - tiedB));
  if (!(denominator > 0)) return null;
  return Math.max(-1, Math.min(1, (concordant - discordant) / denominator));
}

/**
 * Top-k overlap |top_k(a) ∩ top_k(b)| / k, top_k = the k features of largest importance; ties at the cut are broken
 * by feature order (the index), so the result is deterministic. k is clipped to the number of features. Range
 * [0, 1]; ideal 1. null when there is no feature (k = 0 after clipping).
 */
export function topKOverlap(a: ArrayLike<number>, b: ArrayLike<number>, k: number): number | null {
  checkAligned(a, b);
  if (!Number.isInteger(k) || k < 1) fail('STATS_INVALID_OPTION', `top-k overlap needs k ≥ 1, got ${k}`, { expected: 'an integer ≥ 1' });
  const kept = Math.min(k, a.length);
  if (kept === 0) return null;
  const top = (values: ArrayLike<number>): Set<number> =>
    new Set(
      Array.from({ length: values.length }, (_, i) => i)
        .sort((x, y) => (values[y] as number) - (values[x] as number) || x - y)
        .slice(0, kept),
    );
  const inA = top(a);
  let shared = 0;
  for (const index of top(b)) if (inA.has(index)) shared++;
  return shared / kept;
}

function checkAligned(a: ArrayLike<number>, b: ArrayLike<number>): void {
  if (a.length !== b.length) throw new TypeError(`importance vectors of different lengths (${a.length} and ${b.length})`);
  for (let i = 0; i < a.length; i++) {
    if (!Number.isFinite(a[i]) || !Number.isFinite(b[i])) throw new TypeError('importance values must be finite');
  }
}
