import type { AttributionProfile } from './attribution-profile.ts';
import type { AttributionSums } from './attribution-sums.ts';
import { attributionDisparities, type AttributionDisparity } from './attribution-disparity.ts';

/** One feature's attribution statistics in one slice. */
export interface FeatureAttribution {
  readonly feature: string;
  /**
   * Global importance: mean |a_f| = Σ|a_f| / usable rows. Ideal: none (larger = the model leans on the feature more).
   * null when the slice has no usable row.
   */
  readonly importance: number | null;
  /** Mean signed attribution Σa_f / usable rows (the direction of the effect); null when no usable row. */
  readonly meanAttribution: number | null;
  /**
   * Share of total attribution: Σ|a_f| / Σ_f' Σ|a_f'|, in [0, 1]. 0 when the total is 0 (no attribution at all: a
   * rate whose denominator is 0 is 0, DESIGN.md metric conventions).
   */
  readonly share: number;
}

/** The attribution statistics of one slice: overall, or one group of one sensitive column. */
export interface AttributionSlice {
  /** `overall` or `column=value`. */
  readonly key: string;
  readonly column?: string;
  readonly value?: string;
  readonly rows: number;
  readonly usable: number;
  /** Explanation coverage = usable rows / rows (rows with every attribution finite). Ideal 1. 0 when rows = 0. */
  readonly coverage: number;
  readonly features: readonly FeatureAttribution[];
  /** Σ share over the features declared protected attributes, in [0, 1]. Ideal 0. 0 when the total is 0. */
  readonly protectedShare: number;
  /** Σ share over the features declared proxies of protected attributes, in [0, 1]. Ideal 0. 0 when the total is 0. */
  readonly proxyShare: number;
}

export interface AttributionMetrics {
  readonly overall: AttributionSlice;
  readonly groups: readonly AttributionSlice[];
  /** One per sensitive column × feature; see attribution-disparity.ts. */
  readonly disparities: readonly AttributionDisparity[];
}

export interface AttributionMetricOptions {
  /** Features that are protected attributes themselves (e.g. `sex` fed to the model). */
  readonly protectedFeatures?: readonly string[];
  /** Features declared (or detected) as proxies of protected attributes (e.g. `zip_code`). */
  readonly proxyFeatures?: readonly string[];
  /** Groups with fewer usable rows are left out of disparities (listed as excluded); default 1. */
  readonly minGroupSize?: number;
}

/** Every attribution metric of a profile. Pure: the profile is only read. */
export function computeAttributionMetrics(profile: AttributionProfile, options: AttributionMetricOptions = {}): AttributionMetrics {
  const protectedSet = new Set(options.protectedFeatures ?? []);
  const proxySet = new Set(options.proxyFeatures ?? []);
  const slice = (key: string, sums: AttributionSums, group?: { column: string; value: string }): AttributionSlice =>
    attributionSlice(profile.features, key, sums, protectedSet, proxySet, group);
  const overall = slice('overall', profile.overall());
  const groups = profile.groups().map((g) => slice(`${g.column}=${g.value}`, g.sums, { column: g.column, value: g.value }));
  const minGroupSize = Math.max(1, options.minGroupSize ?? 1);
  return { overall, groups, disparities: attributionDisparities(profile.features, profile.sensitive, groups, minGroupSize) };
}

function attributionSlice(
  features: readonly string[],
  key: string,
  sums: AttributionSums,
  protectedSet: ReadonlySet<string>,
  proxySet: ReadonlySet<string>,
  group?: { column: string; value: string },
): AttributionSlice {
  let total = 0;
  for (const value of sums.sumAbs) total += value;
  let protectedShare = 0;
  let proxyShare = 0;
  const rows = features.map((feature, f): FeatureAttribution => {
    const abs = sums.sumAbs[f] as number;
    const share = total > 0 ? abs / total : 0;
    if (protectedSet.has(feature)) protectedShare += share;
    if (proxySet.has(feature)) proxyShare += share;
    return {
      feature,
      importance: sums.usable > 0 ? abs / sums.usable : null,
      meanAttribution: sums.usable > 0 ? (sums.sum[f] as number) / sums.usable : null,
      share,
    };
  });
  return {
    key,
    ...(group === undefined ? {} : group),
    rows: sums.rows,
    usable: sums.usable,
    coverage: sums.rows > 0 ? sums.usable / sums.rows : 0,
    features: rows,
    protectedShare: Math.min(1, protectedShare),
    proxyShare: Math.min(1, proxyShare),
  };
}
