/**
 * The aggregations of Fairlearn's MetricFrame over per-group values (DESIGN.md, metric conventions). Each returns the
 * value and the positions of the groups it rests on. `values` holds only the groups taking part (large enough and
 * with a defined value); fewer than 2 → null.
 */
export interface Aggregate {
  readonly value: number | null;
  /** Positions into `values` of the extreme groups: [min, max] between groups, [worst] to overall. */
  readonly extremes: readonly number[];
}

const NONE: Aggregate = { value: null, extremes: [] };

/**
 * Folded ratio of two non-negative numbers: min(a, b) / max(a, b), and 1 when a = b (so 0/0 = 1: two groups that
 * both never select are at parity). Fairlearn yields NaN for 0/0; Steward reads "equal" as "no disparity".
 */
export function foldedRatio(a: number, b: number): number {
  if (a === b) return 1;
  const high = Math.max(a, b);
  return high > 0 ? Math.min(a, b) / high : 1;
}

function argExtremes(values: readonly number[]): [number, number] {
  let low = 0;
  let high = 0;
  for (let i = 1; i < values.length; i++) {
    if ((values[i] ?? 0) < (values[low] ?? 0)) low = i;
    if ((values[i] ?? 0) > (values[high] ?? 0)) high = i;
  }
  return [low, high];
}

/** difference, between_groups: max_g v(g) − min_g v(g). No disparity: 0. */
export function differenceBetween(values: readonly number[]): Aggregate {
  if (values.length < 2) return NONE;
  const [low, high] = argExtremes(values);
  return { value: (values[high] ?? 0) - (values[low] ?? 0), extremes: [low, high] };
}

/** ratio, between_groups: min_g v(g) / max_g v(g) (0/0 = 1, see foldedRatio). No disparity: 1. */
export function ratioBetween(values: readonly number[]): Aggregate {
  if (values.length < 2) return NONE;
  const [low, high] = argExtremes(values);
  return { value: foldedRatio(values[low] ?? 0, values[high] ?? 0), extremes: [low, high] };
}

/** difference, to_overall: max_g |v(g) − v(overall)|. No disparity: 0. */
export function differenceToOverall(values: readonly number[], overall: number): Aggregate {
  if (values.length < 2) return NONE;
  let worst = 0;
  let value = -1;
  values.forEach((v, i) => {
    if (Math.abs(v - overall) > value) {
      value = Math.abs(v - overall);
      worst = i;
    }
  });
  return { value, extremes: [worst] };
}

/** ratio, to_overall: min_g of v(g)/v(overall) folded to ≤ 1 (foldedRatio). No disparity: 1. */
export function ratioToOverall(values: readonly number[], overall: number): Aggregate {
  if (values.length < 2) return NONE;
  let worst = 0;
  let value = 2;
  values.forEach((v, i) => {
    const r = foldedRatio(v, overall);
    if (r < value) {
      value = r;
      worst = i;
    }
  });
  return { value, extremes: [worst] };
}

/**
 * Disparate impact: among r(g) = v(g) / v(reference) for every group g ≠ reference, the one furthest from 1 on the
 * log scale (|log r|), NOT folded, so the four-fifths band [0.8, 1.25] applies. v(g) = v(ref) = 0 gives 1;
 * v(ref) = 0 < v(g) makes the value undefined (null). `reference` < 0 means "compare to `overall`" (every group).
 */
export function ratioToReference(values: readonly number[], reference: number, overall: number): Aggregate {
  const base = reference < 0 ? overall : (values[reference] ?? 0);
  let worst = -1;
  let worstDistance = -1;
  let value: number | null = null;
  for (let i = 0; i < values.length; i++) {
    if (i === reference) continue;
    const v = values[i] ?? 0;
    if (base === 0 && v !== 0) return NONE;
    const r = v === base ? 1 : v / base;
    const distance = Math.abs(Math.log(r));
    if (distance > worstDistance) {
      worstDistance = distance;
      worst = i;
      value = r;
    }
  }
  if (worst < 0 || values.length < 2) return NONE;
  return { value, extremes: reference < 0 ? [worst] : [worst, reference] };
}
