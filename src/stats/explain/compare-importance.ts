import { kendallTauB, spearman, topKOverlap } from './stability.ts';

/** How stable a version's feature importance is against the baseline version's. */
export interface ImportanceStability {
  /** The union of both versions' features, in the order the statistics see them (current first, then baseline-only). */
  readonly features: readonly string[];
  /** Features present in one version only; their importance on the other side is taken as 0. */
  readonly onlyCurrent: readonly string[];
  readonly onlyBaseline: readonly string[];
  readonly spearman: number | null;
  readonly kendallTauB: number | null;
  readonly k: number;
  readonly topKOverlap: number | null;
}

/**
 * Compares importance vectors keyed by feature name. A feature missing on one side counts as importance 0 there
 * (a feature dropped from the model has no influence), so renaming a feature lowers stability instead of hiding.
 */
export function compareImportance(current: ReadonlyMap<string, number>, baseline: ReadonlyMap<string, number>, k: number): ImportanceStability {
  const features = [...current.keys(), ...[...baseline.keys()].filter((name) => !current.has(name))];
  const a = features.map((name) => current.get(name) ?? 0);
  const b = features.map((name) => baseline.get(name) ?? 0);
  return {
    features,
    onlyCurrent: [...current.keys()].filter((name) => !baseline.has(name)),
    onlyBaseline: [...baseline.keys()].filter((name) => !current.has(name)),
    spearman: spearman(a, b),
    kendallTauB: kendallTauB(a, b),
    k,
    topKOverlap: topKOverlap(a, b, k),
  };
}
