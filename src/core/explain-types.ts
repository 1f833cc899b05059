import type { Interval } from './metrics-types.ts';

/**
 * The explainability evidence of one model check, as data (the verdict's `explain` block). app/ builds it from the
 * statistics of stats/explain and the black-box tests of app/explain; policy/ evaluates `explain.*` metrics and proxy
 * rules over it; report/ renders it. Every part is optional because each rests on an input the check may not have.
 */

/** One feature's attribution statistics in one slice (see docs/explainability.md for the formulas). */
export interface ExplainFeature {
  readonly feature: string;
  /** Mean |attribution| over usable rows; null with no usable row. */
  readonly importance: number | null;
  /** Mean signed attribution; null with no usable row. */
  readonly meanAttribution: number | null;
  /** Σ|a_f| / Σ_f′ Σ|a_f′|; 0 when the total is 0. */
  readonly share: number;
}

/** The attribution statistics of the overall rows or of one group of one sensitive column. */
export interface ExplainSlice {
  /** `overall` or `column=value`. */
  readonly key: string;
  readonly rows: number;
  readonly usable: number;
  readonly coverage: number;
  readonly protectedShare: number;
  readonly proxyShare: number;
  readonly features: readonly ExplainFeature[];
}

/** max_g share_f(g) − min_g share_f(g) for one sensitive column and feature. */
export interface ExplainDisparity {
  readonly column: string;
  readonly feature: string;
  readonly value: number | null;
  readonly extremes: readonly string[];
  readonly excluded: readonly string[];
}

export interface ExplainAttributions {
  readonly alignment: 'id' | 'position';
  readonly overall: ExplainSlice;
  readonly groups: readonly ExplainSlice[];
  readonly disparities: readonly ExplainDisparity[];
}

/** Stability of the overall importance against the baseline version's. */
export interface ExplainStability {
  readonly k: number;
  readonly spearman: number | null;
  readonly kendallTauB: number | null;
  readonly topKOverlap: number | null;
  readonly onlyCurrent: readonly string[];
  readonly onlyBaseline: readonly string[];
}

/** The association of one feature with one sensitive column, from the evaluation data alone. */
export interface ExplainAssociation {
  readonly feature: string;
  readonly kind: 'number' | 'category';
  readonly sensitive: string;
  readonly n: number;
  readonly cramersV: number | null;
  readonly cramersVCorrected: number | null;
  readonly correlationRatio: number | null;
  readonly normalizedMutualInformation: number | null;
  /** 1-based rank of the feature by overall importance; null without attributions. */
  readonly importanceRank: number | null;
}

export interface ExplainFlipRate {
  readonly rows: number;
  readonly flipped: number;
  readonly rate: number;
  readonly interval?: Interval;
}

/** The counterfactual flip test of one sensitive column. */
export interface ExplainFlipTest {
  readonly sensitive: string;
  readonly proxies: readonly string[];
  readonly overall: ExplainFlipRate;
  readonly groups: readonly (ExplainFlipRate & { readonly value: string })[];
  readonly requests: number;
}

export interface ExplainFlips {
  /** Without credentials or query values. */
  readonly endpoint: string;
  readonly protocol: 'json' | 'v2';
  /** Rows sampled (seeded reservoir over the evaluation rows) for the test. */
  readonly sampled: number;
  readonly threshold: number | null;
  readonly tests: readonly ExplainFlipTest[];
}

export interface ExplainSection {
  /** The model's features, in the order the endpoint takes them. */
  readonly features: readonly string[];
  /** Features that are protected attributes themselves. */
  readonly protected: readonly string[];
  /** Declared proxies, then those detected by the proxy thresholds. */
  readonly proxies: readonly string[];
  readonly attributions?: ExplainAttributions;
  readonly stability?: ExplainStability;
  readonly associations: readonly ExplainAssociation[];
  readonly flips?: ExplainFlips;
}
