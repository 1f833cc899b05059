/**
 * The statistics stage of `steward check`: mergeable profiles in, a MetricsSection out. Pure and seeded.
 */
export { createEvaluationProfile } from './profile.ts';
export type { EvaluationProfile, ProfileCell } from './profile.ts';
export { computeMetrics } from './compute-metrics.ts';
export type { MetricsOptions } from './compute-metrics.ts';
export { MISSING_VALUE, groupingsOf } from './groupings.ts';
export { EXACT_CAP, BIN_COUNT } from './rank/score-distribution.ts';
export { wilsonInterval } from './wilson.ts';
export { criticalValue, normalQuantile } from './normal.ts';
export * from './registry.ts';
export * from './drift/index.ts';
