/**
 * Explainability statistics: attribution profiles and their metrics, stability of feature importance against a
 * baseline, and proxy detection from the evaluation data. Pure, mergeable, one pass (DESIGN.md principle 3).
 */
export type { AttributionBatch } from './attribution-batch.ts';
export type { AttributionSums } from './attribution-sums.ts';
export { createAttributionProfile, type AttributionGroup, type AttributionProfile } from './attribution-profile.ts';
export {
  computeAttributionMetrics,
  type AttributionMetricOptions,
  type AttributionMetrics,
  type AttributionSlice,
  type FeatureAttribution,
} from './attribution-metrics.ts';
export type { AttributionDisparity } from './attribution-disparity.ts';
export { spearman, kendallTauB, topKOverlap } from './stability.ts';
export { compareImportance, type ImportanceStability } from './compare-importance.ts';
export { averageRanks, pearson } from './ranks.ts';
export { quantileEdges, binOf, DEFAULT_BINS } from './bin-edges.ts';
export type { FeatureSpec, FeatureValues, ProxyBatch } from './proxy-batch.ts';
export { createProxyProfile, type ProxyPair, type ProxyProfile, type ProxyProfileSpec } from './proxy-profile.ts';
export { cramersV, correlationRatio, normalizedMutualInformation } from './association.ts';
export { detectProxies, type ProxyAssociation, type ProxyReport, type ProxyThresholds } from './proxies.ts';
