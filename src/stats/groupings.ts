import type { ProfileCell } from './profile.ts';

/** The label a missing sensitive value gets in group keys and reports. */
export const MISSING_VALUE = '(missing)';

/**
 * The groupings of a metrics section, in this stable, documented order: each sensitive column alone (policy order),
 * then — when intersections are asked for — every combination of 2, 3, …, k columns, each size in lexicographic order
 * of column positions ([0,1], [0,2], [1,2], [0,1,2], …). Columns inside a grouping keep policy order.
 */
export function groupingsOf(columnCount: number, intersections: boolean): number[][] {
  const out: number[][] = [];
  const maxSize = intersections ? columnCount : Math.min(1, columnCount);
  for (let size = 1; size <= maxSize; size++) {
    const visit = (start: number, chosen: number[]): void => {
      if (chosen.length === size) {
        out.push([...chosen]);
        return;
      }
      for (let column = start; column < columnCount; column++) visit(column + 1, [...chosen, column]);
    };
    visit(0, []);
  }
  return out;
}

/** One group of a grouping: the cells sharing its values on the grouping's columns. */
export interface GroupCells {
  /** `race=black&sex=female` (columns in policy order). */
  readonly key: string;
  /** Value per grouping column, null = missing. */
  readonly values: readonly (string | null)[];
  readonly group: Readonly<Record<string, string>>;
  /** Positions into the profile's cell list. */
  readonly cells: readonly number[];
}

/**
 * The groups of a grouping, sorted by value: column by column in grouping order, values compared as strings by
 * UTF-16 code units, the missing value last.
 */
export function groupsOf(cells: readonly ProfileCell[], names: readonly string[], columns: readonly number[]): GroupCells[] {
  const byKey = new Map<string, { values: (string | null)[]; cells: number[] }>();
  cells.forEach((cell, position) => {
    const values = columns.map((column) => cell.values[column] ?? null);
    const id = JSON.stringify(values);
    const entry = byKey.get(id);
    if (entry === undefined) byKey.set(id, { values, cells: [position] });
    else entry.cells.push(position);
  });
  const groups = [...byKey.values()].sort((a, b) => compareValues(a.values, b.values));
  return groups.map(({ values, cells: members }) => {
    const group: Record<string, string> = {};
    const parts = columns.map((column, index) => {
      const name = names[column] ?? String(column);
      const value = values[index] ?? MISSING_VALUE;
      group[name] = value;
      return `${name}=${value}`;
    });
    return { key: parts.join('&'), values, group, cells: members };
  });
}

function compareValues(a: readonly (string | null)[], b: readonly (string | null)[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? null;
    const y = b[i] ?? null;
    if (x === y) continue;
    if (x === null) return 1;
    if (y === null) return -1;
    return x < y ? -1 : 1;
  }
  return 0;
}
