import { fail } from '../../core/index.ts';
import { correlationRatio, cramersV, normalizedMutualInformation } from './association.ts';
import type { ProxyProfile } from './proxy-profile.ts';

/** Thresholds above which (strictly) a feature is flagged as a proxy of a sensitive column; absent = not used. */
export interface ProxyThresholds {
  readonly cramersV?: number;
  readonly correlationRatio?: number;
  readonly normalizedMutualInformation?: number;
  /** Gate on the bias-corrected Cramér's V (Bergsma 2013) instead of the plain one; default false. */
  readonly biasCorrected?: boolean;
}

/** The association of one feature with one sensitive column. */
export interface ProxyAssociation {
  readonly feature: string;
  readonly kind: 'number' | 'category';
  readonly sensitive: string;
  /** Rows with both values present. */
  readonly n: number;
  readonly cramersV: number | null;
  readonly cramersVCorrected: number | null;
  /** Number features only (null for category features, and when undefined). */
  readonly correlationRatio: number | null;
  readonly normalizedMutualInformation: number | null;
  readonly flagged: boolean;
  /** Which thresholds were exceeded, e.g. `cramers_v 0.62 > 0.5`. */
  readonly reasons: readonly string[];
}

export interface ProxyReport {
  readonly associations: readonly ProxyAssociation[];
  /** The flagged associations, strongest first (by the largest of their measures). */
  readonly flagged: readonly ProxyAssociation[];
}

/** Every feature × sensitive column association of the profile, and the proxies flagged by `thresholds`. */
export function detectProxies(profile: ProxyProfile, thresholds: ProxyThresholds = {}): ProxyReport {
  for (const [name, value] of Object.entries(thresholds)) {
    if (typeof value === 'number' && !(value >= 0 && value <= 1)) {
      fail('STATS_INVALID_OPTION', `proxy threshold ${name} must be in [0, 1], got ${value}`, { expected: 'a number in [0, 1]' });
    }
  }
  const associations = profile.pairs().map((pair): ProxyAssociation => {
    const plain = cramersV(pair.table);
    const corrected = cramersV(pair.table, { biasCorrected: true });
    const eta = pair.moments === undefined ? null : correlationRatio(pair.moments);
    const nmi = normalizedMutualInformation(pair.table);
    const reasons: string[] = [];
    const check = (label: string, value: number | null, threshold: number | undefined): void => {
      if (threshold !== undefined && value !== null && value > threshold) reasons.push(`${label} ${round(value)} > ${threshold}`);
    };
    check(thresholds.biasCorrected === true ? 'cramers_v_corrected' : 'cramers_v', thresholds.biasCorrected === true ? corrected : plain, thresholds.cramersV);
    check('correlation_ratio', eta, thresholds.correlationRatio);
    check('normalized_mutual_information', nmi, thresholds.normalizedMutualInformation);
    return {
      feature: pair.feature.name,
      kind: pair.feature.kind,
      sensitive: pair.sensitive,
      n: pair.table.reduce((sum, row) => sum + row.reduce((a, b) => a + b, 0), 0),
      cramersV: plain,
      cramersVCorrected: corrected,
      correlationRatio: eta,
      normalizedMutualInformation: nmi,
      flagged: reasons.length > 0,
      reasons,
    };
  });
  const strength = (a: ProxyAssociation): number => Math.max(a.cramersV ?? 0, a.correlationRatio ?? 0, a.normalizedMutualInformation ?? 0);
  const flagged = associations.filter((a) => a.flagged).sort((a, b) => strength(b) - strength(a));
  return { associations, flagged };
}

const round = (value: number): string => String(Math.round(value * 1000) / 1000);
