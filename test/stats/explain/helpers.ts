import type { AttributionBatch, ProxyBatch } from '../../../src/stats/explain/index.ts';
import type { AttributionRow } from './reference/attributions.ts';

/** Equal within a relative 1e-9; null only equals null. */
export function near(actual: number | null | undefined, expected: number | null | undefined, tolerance = 1e-9): boolean {
  if (expected === null || expected === undefined) return actual === null || actual === undefined;
  if (actual === null || actual === undefined) return false;
  return Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected));
}

/** Dictionary-encodes group values in first-seen order. */
export function encodeGroups(values: readonly (string | null)[]): { codes: Int32Array; dictionary: string[] } {
  const dictionary: string[] = [];
  const codes = Int32Array.from(values, (value) => {
    if (value === null) return -1;
    let code = dictionary.indexOf(value);
    if (code < 0) code = dictionary.push(value) - 1;
    return code;
  });
  return { codes, dictionary };
}

export function attributionBatch(rows: readonly AttributionRow[], features: number, columns: number): AttributionBatch {
  const encoded = Array.from({ length: columns }, (_, c) => encodeGroups(rows.map((row) => row.groups[c] ?? null)));
  return {
    rows: rows.length,
    attributions: Array.from({ length: features }, (_, f) => Float64Array.from(rows, (row) => row.attributions[f] as number)),
    groups: encoded.map((e) => e.codes),
    groupValues: encoded.map((e) => e.dictionary),
  };
}

export interface ProxyRow {
  readonly num: number;
  readonly cat: string | null;
  readonly group: string | null;
}

/** A batch with one number feature `num`, one category feature `cat` and one sensitive column. */
export function proxyBatch(rows: readonly ProxyRow[]): ProxyBatch {
  const cat = encodeGroups(rows.map((row) => row.cat));
  const group = encodeGroups(rows.map((row) => row.group));
  return {
    rows: rows.length,
    features: [
      { kind: 'number', values: Float64Array.from(rows, (row) => row.num) },
      { kind: 'category', codes: cat.codes, dictionary: cat.dictionary },
    ],
    groups: [group.codes],
    groupValues: [group.dictionary],
  };
}
