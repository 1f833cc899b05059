import type { Problems } from './problems.ts';
import type { ExplainDocument } from './schema-explain.ts';
import type { DataMapping } from './types.ts';
import type { ExplainPolicy, ProxyThresholdSettings } from './types-explain.ts';
import type { YamlSource } from './yaml-source.ts';

/** Cramér's V above this flags a proxy when the policy sets no threshold (a "strong" association by Cohen's scale). */
export const DEFAULT_CRAMERS_V = 0.5;
export const DEFAULT_TOP_K = 10;
export const DEFAULT_FLIP_SAMPLE = 1000;

/** Thresholds in policy spelling → settings; with none given at all, Cramér's V > 0.5. */
export function proxyThresholds(doc: { cramers_v?: number | undefined; correlation_ratio?: number | undefined; normalized_mutual_information?: number | undefined; bias_corrected?: boolean | undefined } | undefined, fallback?: ProxyThresholdSettings): ProxyThresholdSettings {
  const given = doc !== undefined && (doc.cramers_v !== undefined || doc.correlation_ratio !== undefined || doc.normalized_mutual_information !== undefined);
  if (!given && fallback !== undefined) return { ...fallback, biasCorrected: doc?.bias_corrected ?? fallback.biasCorrected };
  return {
    ...(doc?.cramers_v === undefined ? (given ? {} : { cramersV: DEFAULT_CRAMERS_V }) : { cramersV: doc.cramers_v }),
    ...(doc?.correlation_ratio === undefined ? {} : { correlationRatio: doc.correlation_ratio }),
    ...(doc?.normalized_mutual_information === undefined ? {} : { normalizedMutualInformation: doc.normalized_mutual_information }),
    biasCorrected: doc?.bias_corrected ?? false,
  };
}

/**
 * `explain:` with defaults applied, after checking what zod's per-field shape cannot: protected features and proxies
 * must be declared features, and no feature is both. Problems carry the line and column of the offending entry.
 */
export function normalizeExplain(doc: ExplainDocument | undefined, data: DataMapping, source: YamlSource, problems: Problems): ExplainPolicy | undefined {
  if (doc === undefined) return undefined;
  const features = Object.entries(doc.features).map(([name, kind]) => ({ name, kind }));
  const names = features.map((feature) => feature.name);
  if (features.length === 0) problems.add('POLICY_INVALID_FIELD', 'explain.features lists no feature', source.at(['explain', 'features']), { expected: 'feature: number | category, one per model input' });
  const declared = (list: readonly string[] | undefined, field: 'protected' | 'proxies'): string[] => {
    (list ?? []).forEach((name, index) => {
      if (!names.includes(name)) problems.unknown('POLICY_UNKNOWN_COLUMN', `explain.${field} names "${name}", which is not in explain.features`, source.at(['explain', field, index]), name, names, 'a feature declared in explain.features');
    });
    return [...new Set(list ?? [])];
  };
  const protectedFeatures = declared(doc.protected, 'protected');
  const proxies = declared(doc.proxies, 'proxies');
  (doc.proxies ?? []).forEach((name, index) => {
    if (protectedFeatures.includes(name)) problems.add('POLICY_INVALID_FIELD', `"${name}" is both a protected feature and a proxy`, source.at(['explain', 'proxies', index]), { expected: 'a proxy stands in for a protected attribute; list it in one place' });
  });
  const endpoint = doc.endpoint ?? {};
  const attributions = doc.attributions;
  const baseline = doc.importance_baseline;
  return {
    features,
    protected: protectedFeatures,
    proxies,
    proxyThresholds: proxyThresholds(doc.proxy_thresholds),
    ...(attributions === undefined
      ? {}
      : {
          attributions: {
            file: attributions.file,
            ...(attributions.format === undefined ? {} : { format: attributions.format }),
            ...(attributions.id_column === undefined ? {} : { idColumn: attributions.id_column }),
            ...(attributions.evaluation_id_column === undefined ? {} : { evaluationIdColumn: attributions.evaluation_id_column }),
          },
        }),
    ...(baseline === undefined
      ? {}
      : {
          importanceBaseline: {
            file: baseline.file,
            ...(baseline.format === undefined ? {} : { format: baseline.format }),
            ...(baseline.feature_column === undefined ? {} : { featureColumn: baseline.feature_column }),
            ...(baseline.importance_column === undefined ? {} : { importanceColumn: baseline.importance_column }),
          },
        }),
    topK: doc.top_k ?? DEFAULT_TOP_K,
    endpoint: {
      protocol: endpoint.protocol ?? 'plain',
      threshold: endpoint.threshold ?? data.threshold ?? 0.5,
      sample: endpoint.sample ?? DEFAULT_FLIP_SAMPLE,
      swapProxies: endpoint.swap_proxies ?? true,
      ...(endpoint.url === undefined ? {} : { url: endpoint.url }),
      ...(endpoint.instance_format === undefined ? {} : { instanceFormat: endpoint.instance_format }),
      ...(endpoint.v2_layout === undefined ? {} : { v2Layout: endpoint.v2_layout }),
      ...(endpoint.output_index === undefined ? {} : { outputIndex: endpoint.output_index }),
      ...(endpoint.batch_size === undefined ? {} : { batchSize: endpoint.batch_size }),
      ...(endpoint.concurrency === undefined ? {} : { concurrency: endpoint.concurrency }),
      ...(endpoint.timeout_ms === undefined ? {} : { timeoutMs: endpoint.timeout_ms }),
      ...(endpoint.retries === undefined ? {} : { retries: endpoint.retries }),
    },
  };
}
