import { fail } from '../../core/index.ts';
import { createRandom, deriveSeed } from '../../stats/random.ts';
import type { ModelClient } from './endpoint.ts';
import type { Instance } from './endpoint-protocol.ts';
import { modelMetric, type PermutationMetric } from './model-metric.ts';
import { sampleIndices, shuffled } from './sample.ts';

export interface PermutationOptions {
  readonly client: ModelClient;
  readonly instances: readonly Instance[];
  /** The true label of each instance, 1 positive / 0 negative. */
  readonly yTrue: ArrayLike<number>;
  readonly metric: PermutationMetric;
  /** accuracy: decision = prediction ≥ threshold; absent, the prediction is the class. */
  readonly threshold?: number;
  /** Features to permute; default every feature of the client. */
  readonly features?: readonly string[];
  /** Shuffles per feature, averaged; default 1. */
  readonly repeats?: number;
  /** Rows used (a seeded sample without replacement): each shuffle costs one request per row. Default 1,000. */
  readonly sampleSize?: number;
  readonly seed?: number;
}

export interface FeaturePermutation {
  readonly feature: string;
  /** Mean over repeats of baseline − permuted metric; null when the metric is undefined. Ideal: none (0 = unused). */
  readonly importance: number | null;
  readonly drops: readonly (number | null)[];
}

export interface PermutationResult {
  readonly metric: PermutationMetric;
  readonly rows: number;
  readonly baseline: number | null;
  readonly features: readonly FeaturePermutation[];
  readonly requests: number;
}

/**
 * Permutation importance (Breiman 2001; scikit-learn's permutation_importance): for each feature f and repeat k, the
 * sampled rows are sent with column f shuffled (Fisher–Yates, seeded by (seed, f, k)) and the importance is
 *   importance_f = mean_k (metric(original) − metric(shuffled_k)).
 * Every permuted copy goes into one predict call, so the client's batching and concurrency stay saturated.
 */
export async function permutationImportance(options: PermutationOptions): Promise<PermutationResult> {
  const features = options.client.features;
  const chosen = options.features ?? features;
  const columns = chosen.map((name) => {
    const at = features.indexOf(name);
    if (at < 0) fail('EXPLAIN_INVALID_OPTION', `feature "${name}" is not one of the endpoint's features`, { expected: features.join(', ') });
    return at;
  });
  const repeats = options.repeats ?? 1;
  if (!Number.isInteger(repeats) || repeats < 1) fail('EXPLAIN_INVALID_OPTION', `repeats must be an integer ≥ 1, got ${repeats}`, { expected: 'an integer ≥ 1' });
  if (options.yTrue.length !== options.instances.length) {
    fail('EXPLAIN_INVALID_OPTION', `${options.yTrue.length} labels for ${options.instances.length} instances`, { expected: 'one label per instance' });
  }
  const seed = options.seed ?? 0;
  const picked = sampleIndices(options.instances.length, options.sampleSize ?? 1000, deriveSeed(seed, 'permutation-sample'));
  const rows = picked.map((i) => options.instances[i] as Instance);
  const yTrue = Float64Array.from(picked, (i) => options.yTrue[i] as number);
  const sent: Instance[] = [...rows];
  columns.forEach((column, f) => {
    for (let k = 0; k < repeats; k++) {
      const order = shuffled(rows.map((_, i) => i), createRandom(deriveSeed(seed, `permute ${chosen[f]} ${k}`)));
      rows.forEach((row, i) => {
        const copy = [...row];
        copy[column] = (rows[order[i] as number] as Instance)[column] as number | string;
        sent.push(copy);
      });
    }
  });
  const predictions = await options.client.predict(sent);
  const n = rows.length;
  const baseline = modelMetric(options.metric, predictions.subarray(0, n), yTrue, options.threshold);
  const result = chosen.map((feature, f): FeaturePermutation => {
    const drops = Array.from({ length: repeats }, (_, k) => {
      const start = n * (1 + f * repeats + k);
      const permuted = modelMetric(options.metric, predictions.subarray(start, start + n), yTrue, options.threshold);
      return baseline === null || permuted === null ? null : baseline - permuted;
    });
    const defined = drops.filter((d): d is number => d !== null);
    return { feature, importance: defined.length === repeats ? defined.reduce((a, b) => a + b, 0) / repeats : null, drops };
  });
  return { metric: options.metric, rows: n, baseline, features: result, requests: sent.length };
}
