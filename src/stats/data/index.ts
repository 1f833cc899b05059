/** Statistics of training data for the data rules (`steward check` on a dataset): one mergeable pass, then facts. */
export { DataProfile } from './data-profile.ts';
export { columnFacts, type ColumnFacts, type DatasetFacts, type DriftProfile, type PreviousVersion } from './facts.ts';
export { dataMetrics, type DataMetricsOptions, type GroupMissing } from './data-metrics.ts';
export { builtInDetectors, builtInDetectorNames, patternDetector, detectMask, type PiiDetector } from './pii-detectors.ts';
export { luhnValid, ibanValid } from './checksums.ts';
export { cramersV, ASSOCIATION_MAX_VALUES } from './association.ts';
export { binnedAuc, ClassHistogram, BINS, BIN_BITS } from './class-histogram.ts';
export { HashSet64 } from './hash-set64.ts';
export { DistinctValues, DENSE_LIMIT } from './distinct-values.ts';
export { fitsType } from './category-values.ts';
export { FIRST_ROWS } from './spec.ts';
export type * from './spec.ts';
