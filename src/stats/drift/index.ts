/**
 * Drift statistics for monitoring windows and training-data checks: mergeable column profiles (numeric and
 * categorical) and pure statistics over pairs of them. docs/drift.md explains binning, epsilon, log base, exact vs
 * histogram paths, the automatic test choice and thresholds.
 */
export { NumericProfile, numericProfile, EXACT_CAP } from './numeric-profile.ts';
export { CategoricalProfile, categoricalProfile, CATEGORY_CAP, OTHER_CATEGORY } from './categorical-profile.ts';
export { MANTISSA_BITS, ZERO_EXPONENT, bucketKey, bucketRange } from './fine-buckets.ts';
export { populationSd, type Moments } from './moments.ts';
export { DEFAULT_BINS, referenceBins, binCounts, type ReferenceBins } from './reference-bins.ts';
export { alignNumeric, alignCategorical, MISSING_LABEL, type AlignedCounts, type AlignOptions } from './aligned-counts.ts';
export { psi, PSI_EPSILON, type PsiResult } from './psi.ts';
export { jensenShannonDistance } from './jensen-shannon.ts';
export { kolmogorovSmirnov, KS_EXACT_CELLS, type KsResult } from './ks.ts';
export { ksExactPValue, ksAsymptoticPValue, kolmogorovSurvival } from './ks-distribution.ts';
export { wasserstein, type WassersteinResult } from './wasserstein.ts';
export { chiSquareHomogeneity, type ChiSquareResult, type NewCategory } from './chi-square.ts';
export { chiSquareSurvival, upperRegularizedGamma, logGamma } from './gamma.ts';
export { missingRateChange, type MissingRateChange } from './missing-rate.ts';
export { benjaminiHochberg, discoveriesAtFdr } from './fdr.ts';
export { chooseTests, MIN_EXPECTED_COUNT, type DriftTest, type TestChoice } from './test-choice.ts';
export {
  columnDrift,
  DEFAULT_THRESHOLDS,
  type ColumnDrift,
  type ColumnDriftOptions,
  type DriftThresholds,
  type StatisticFinding,
} from './column-drift.ts';
export { learnThreshold, boundsOf, type LearnedBounds } from './learned-threshold.ts';
export { datasetDrift, type DatasetDrift, type DatasetDriftOptions } from './dataset-drift.ts';
