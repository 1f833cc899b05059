/**
 * Slow, literal reference for the attribution metrics: straight from the definitions over raw rows, no profile.
 */
export interface AttributionRow {
  readonly attributions: readonly number[];
  /** One value per sensitive column; null = missing. */
  readonly groups: readonly (string | null)[];
}

export interface ReferenceSlice {
  rows: number;
  usable: number;
  coverage: number;
  importance: (number | null)[];
  share: number[];
}

export function referenceSlice(rows: readonly AttributionRow[], features: number): ReferenceSlice {
  const usableRows = rows.filter((row) => row.attributions.every((a) => Number.isFinite(a)));
  const importance = Array.from({ length: features }, (_, f) =>
    usableRows.length === 0 ? null : usableRows.map((row) => Math.abs(row.attributions[f] as number)).reduce((a, b) => a + b, 0) / usableRows.length,
  );
  const absTotals = Array.from({ length: features }, (_, f) => usableRows.reduce((sum, row) => sum + Math.abs(row.attributions[f] as number), 0));
  const total = absTotals.reduce((a, b) => a + b, 0);
  return {
    rows: rows.length,
    usable: usableRows.length,
    coverage: rows.length === 0 ? 0 : usableRows.length / rows.length,
    importance,
    share: absTotals.map((t) => (total === 0 ? 0 : t / total)),
  };
}

/** Group value → slice, for sensitive column `column` ('(missing)' for null). */
export function referenceGroups(rows: readonly AttributionRow[], column: number, features: number): Map<string, ReferenceSlice> {
  const values = [...new Set(rows.map((row) => row.groups[column] ?? '(missing)'))];
  return new Map(values.map((value) => [value, referenceSlice(rows.filter((row) => (row.groups[column] ?? '(missing)') === value), features)]));
}

/** max − min over groups with ≥ 1 usable row of the feature's share; null with fewer than two such groups. */
export function referenceDisparity(groups: ReadonlyMap<string, ReferenceSlice>, feature: number): number | null {
  const shares = [...groups.values()].filter((slice) => slice.usable >= 1).map((slice) => slice.share[feature] as number);
  if (shares.length < 2) return null;
  return Math.max(...shares) - Math.min(...shares);
}
