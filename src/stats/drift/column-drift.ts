import { alignCategorical, alignNumeric, type AlignOptions } from './aligned-counts.ts';
import type { CategoricalProfile } from './categorical-profile.ts';
import { chiSquareHomogeneity, type NewCategory } from './chi-square.ts';
import { jensenShannonDistance } from './jensen-shannon.ts';
import { kolmogorovSmirnov } from './ks.ts';
import { missingRateChange, type MissingRateChange } from './missing-rate.ts';
import type { NumericProfile } from './numeric-profile.ts';
import { psi } from './psi.ts';
import { chooseTests, type DriftTest } from './test-choice.ts';
import { wasserstein } from './wasserstein.ts';

/**
 * When each statistic says "drift": p-value tests when p < the level, distances when value ≥ the threshold. Defaults:
 * KS and chi-square p < 0.05; PSI ≥ 0.2 (between the usual 0.1 "moderate" and 0.25 "major"); Wasserstein / sd ≥ 0.1
 * and Jensen–Shannon ≥ 0.1 (the defaults of the common open-source monitors).
 */
export interface DriftThresholds {
  readonly ks: number;
  readonly chi_square: number;
  readonly psi: number;
  readonly wasserstein: number;
  readonly jensen_shannon: number;
}

export const DEFAULT_THRESHOLDS: DriftThresholds = { ks: 0.05, chi_square: 0.05, psi: 0.2, wasserstein: 0.1, jensen_shannon: 0.1 };

export interface StatisticFinding {
  readonly test: DriftTest;
  /** The statistic (D, χ², PSI, W1/sd, JS distance). */
  readonly value: number;
  /** For KS and chi-square. */
  readonly pValue?: number;
  readonly threshold: number;
  readonly drift: boolean;
  /** False when read from the fine histogram; `errorBound` then bounds the approximation. */
  readonly exact: boolean;
  readonly errorBound: number;
}

export interface ColumnDrift {
  readonly tests: readonly DriftTest[];
  readonly reason: string;
  readonly statistics: readonly StatisticFinding[];
  /** True when any chosen statistic crosses its threshold. */
  readonly drift: boolean;
  /** The smallest p-value among the chosen tests (NaN when none has one), for Benjamini–Hochberg across columns. */
  readonly pValue: number;
  readonly missingRate: MissingRateChange;
  /** Categorical columns only: categories the reference never saw. */
  readonly newCategories: readonly NewCategory[];
}

export interface ColumnDriftOptions extends AlignOptions {
  readonly thresholds?: Partial<DriftThresholds>;
  /** Run these statistics instead of the automatic choice (see test-choice.ts). */
  readonly tests?: readonly DriftTest[];
  readonly confidence?: number;
}

type Profile = NumericProfile | CategoricalProfile;

/** Runs the chosen (or given) statistics on one column, applies the thresholds, and adds missing-rate change. */
export function columnDrift(reference: Profile, current: Profile, options: ColumnDriftOptions = {}): ColumnDrift {
  const choice = options.tests === undefined ? chooseTests(reference, current) : { tests: options.tests, reason: `tests set by the caller: ${options.tests.join(', ')}` };
  const thresholds = { ...DEFAULT_THRESHOLDS, ...options.thresholds };
  const statistics = choice.tests.map((test) => runTest(test, reference, current, thresholds[test], options));
  const pValues = statistics.flatMap((s) => (s.pValue === undefined || Number.isNaN(s.pValue) ? [] : [s.pValue]));
  const newCategories = reference.kind === 'categorical' && current.kind === 'categorical' ? chiSquareHomogeneity(reference, current).newCategories : [];
  return {
    tests: choice.tests,
    reason: choice.reason,
    statistics,
    drift: statistics.some((s) => s.drift),
    pValue: pValues.length === 0 ? Number.NaN : Math.min(...pValues),
    missingRate: missingRateChange(reference, current, options.confidence ?? 0.95),
    newCategories,
  };
}

function runTest(test: DriftTest, reference: Profile, current: Profile, threshold: number, options: AlignOptions): StatisticFinding {
  const numeric = (): [NumericProfile, NumericProfile] => {
    if (reference.kind === 'numeric' && current.kind === 'numeric') return [reference, current];
    throw new TypeError(`${test} needs two numeric profiles`);
  };
  const aligned = () =>
    reference.kind === 'numeric' && current.kind === 'numeric'
      ? alignNumeric(reference, current, options)
      : reference.kind === 'categorical' && current.kind === 'categorical'
        ? alignCategorical(reference, current, options)
        : undefined;
  const distance = (value: number, exact = true, errorBound = 0): StatisticFinding => ({ test, value, threshold, drift: value >= threshold, exact, errorBound });
  switch (test) {
    case 'ks': {
      const result = kolmogorovSmirnov(...numeric());
      return { test, value: result.statistic, pValue: result.pValue, threshold, drift: result.pValue < threshold, exact: result.exact, errorBound: result.errorBound };
    }
    case 'wasserstein': {
      const result = wasserstein(...numeric());
      return distance(result.value, result.exact, result.errorBound);
    }
    case 'chi_square': {
      if (reference.kind !== 'categorical' || current.kind !== 'categorical') throw new TypeError('chi_square needs two categorical profiles');
      const result = chiSquareHomogeneity(reference, current, options);
      return { test, value: result.statistic, pValue: result.pValue, threshold, drift: result.pValue < threshold, exact: true, errorBound: 0 };
    }
    case 'psi':
    case 'jensen_shannon': {
      const counts = aligned();
      if (counts === undefined) throw new TypeError(`${test} needs two profiles of the same kind`);
      return distance(test === 'psi' ? psi(counts).value : jensenShannonDistance(counts));
    }
  }
}
