import * as z from 'zod';

/**
 * The explainability parts of the policy document: the `explain:` section (the model's features, protected features,
 * declared proxies, attribution and importance files, the model endpoint) and the `proxy` rule kind. `explain.*`
 * metric names are used in ordinary metric rules (explain-metrics.ts). Kept apart from schema-policy.ts; both are one
 * zod schema.
 */

const share = z.number().min(0).max(1);

export const proxyThresholdsSchema = z.strictObject({
  cramers_v: share.optional().meta({ description: "flag a feature whose Cramér's V with a sensitive column is above this; default 0.5" }),
  correlation_ratio: share.optional().meta({ description: 'flag a number feature whose correlation ratio η is above this' }),
  normalized_mutual_information: share.optional().meta({ description: 'flag a feature whose normalised mutual information is above this' }),
  bias_corrected: z.boolean().optional().meta({ description: "gate on the bias-corrected Cramér's V (Bergsma 2013); default false" }),
});

export const explainFileSchema = z.strictObject({
  file: z.string().min(1).meta({ description: 'relative to the policy file; --attributions / --importance-baseline override it' }),
  format: z.enum(['csv', 'jsonl', 'parquet']).optional(),
});

export const endpointSpecSchema = z.strictObject({
  url: z.string().min(1).optional().meta({ description: 'inference URL; --endpoint overrides it. User and password become a Basic Authorization header and are never recorded' }),
  protocol: z.enum(['plain', 'kserve-v2']).optional().meta({ description: 'plain JSON {instances} → {predictions}, or KServe v2 / Open Inference Protocol; default plain' }),
  instance_format: z.enum(['array', 'object']).optional().meta({ description: 'plain: each instance as an array of values (default) or an object keyed by feature' }),
  v2_layout: z.enum(['matrix', 'columns']).optional().meta({ description: 'kserve-v2: one [N, F] tensor (default) or one tensor per feature' }),
  output_index: z.int().min(0).optional().meta({ description: 'when each prediction is a vector (predict_proba): the element to use' }),
  threshold: z.number().optional().meta({ description: 'decision = prediction ≥ threshold; default data.threshold, else 0.5' }),
  batch_size: z.int().min(1).optional().meta({ description: 'rows per request; default 256' }),
  concurrency: z.int().min(1).optional().meta({ description: 'requests in flight; default 4' }),
  timeout_ms: z.int().min(1).optional().meta({ description: 'per request, including the answer; default 10000' }),
  retries: z.int().min(0).optional().meta({ description: 'after network errors, timeouts and 5xx; default 3' }),
  sample: z.int().min(1).optional().meta({ description: 'rows tested (a seeded sample of the evaluation rows); default 1000' }),
  swap_proxies: z.boolean().optional().meta({ description: 'counterfactuals also take the proxies of a donor row of the other group; default true' }),
});

export const explainSchema = z
  .strictObject({
    features: z
      .record(z.string().min(1), z.enum(['number', 'category']))
      .meta({ description: 'the model input features, in the order the endpoint takes them, each read as number or category' }),
    protected: z.array(z.string().min(1)).optional().meta({ description: 'features that are protected attributes themselves (e.g. sex fed to the model)' }),
    proxies: z.array(z.string().min(1)).optional().meta({ description: 'features declared proxies of protected attributes; detected ones are added' }),
    proxy_thresholds: proxyThresholdsSchema.optional().meta({ description: 'when a feature is detected as a proxy; default cramers_v 0.5' }),
    attributions: explainFileSchema
      .extend({
        id_column: z.string().min(1).optional().meta({ description: 'row id column; rows are aligned by id (same order), else by position' }),
        evaluation_id_column: z.string().min(1).optional().meta({ description: 'the id column of the evaluation file; default id_column' }),
      })
      .optional(),
    importance_baseline: explainFileSchema
      .extend({
        feature_column: z.string().min(1).optional().meta({ description: 'default feature' }),
        importance_column: z.string().min(1).optional().meta({ description: 'default importance' }),
      })
      .optional()
      .meta({ description: "the baseline version's global importance, for explain.top_k_overlap / spearman / kendall_tau" }),
    top_k: z.int().min(1).optional().meta({ description: 'k of explain.top_k_overlap; default 10' }),
    endpoint: endpointSpecSchema.optional().meta({ description: 'the served model, for explain.flip_rate' }),
  })
  .meta({ description: 'explainability evidence: attributions, proxies, importance baseline, model endpoint' });

export const proxySpecSchema = proxyThresholdsSchema
  .extend({
    top_k: z.int().min(1).optional().meta({ description: 'only features among the top k by overall importance; default every feature' }),
  })
  .meta({ description: 'fails for every feature that is a proxy of a sensitive column; thresholds default to explain.proxy_thresholds' });

export type ExplainDocument = z.infer<typeof explainSchema>;
export type ProxySpecDocument = z.infer<typeof proxySpecSchema>;
