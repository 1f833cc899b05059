import { builtInDetectors, DataProfile, type DataBatch, type DataColumnSpec, type DataColumnValues, type DataProfileSpec } from '../../../src/stats/data/index.ts';

/** A cell of a hand-made table: a number, a text, or null (missing). */
export type Cell = number | string | null;

/**
 * Decodes hand-written rows the way the readers do — numbers into a Float64Array (NaN missing), text into codes of a
 * dictionary shared by every batch of one "read" — and streams them in batches of `batchRows`. Line numbers are
 * row + 2 (a header line, then 1-based rows), as for a CSV file named `data.csv`.
 */
export function batchesOf(columns: readonly DataColumnSpec[], rows: readonly (readonly Cell[])[], batchRows = 3): DataBatch[] {
  const dictionaries = columns.map(() => ({ values: [] as string[], codes: new Map<string, number>() }));
  const batches: DataBatch[] = [];
  for (let first = 0; first < rows.length; first += batchRows) {
    const slice = rows.slice(first, first + batchRows);
    const map = new Map<string, DataColumnValues>();
    columns.forEach((column, c) => {
      if (column.kind === 'number') {
        // A text that is not a number goes to `invalid`, as a reader asked to collect non-numbers puts it.
        const invalid = slice.flatMap((row, r) => (typeof row[c] === 'string' && !Number.isFinite(Number(row[c])) ? [{ row: r, text: row[c] as string }] : []));
        const values = Float64Array.from(slice, (row) => (row[c] === null ? Number.NaN : Number(row[c])));
        map.set(column.name, invalid.length === 0 ? { kind: 'number', values } : { kind: 'number', values, invalid });
      } else {
        const dictionary = dictionaries[c] as { values: string[]; codes: Map<string, number> };
        const codes = Int32Array.from(slice, (row) => {
          const value = row[c];
          if (value === null || value === undefined) return -1;
          const text = String(value);
          let code = dictionary.codes.get(text);
          if (code === undefined) {
            code = dictionary.values.push(text) - 1;
            dictionary.codes.set(text, code);
          }
          return code;
        });
        map.set(column.name, { kind: 'category', codes, dictionary: dictionary.values });
      }
    });
    batches.push({
      rows: slice.length,
      firstRow: first,
      columns: map,
      locate: (row, column) => ({ file: 'data.csv', line: first + row + 2, ...(column === undefined ? {} : { column: columns.findIndex((c) => c.name === column) + 1 }) }),
    });
  }
  return batches;
}

export function spec(columns: readonly DataColumnSpec[], rest: Partial<Omit<DataProfileSpec, 'columns'>> = {}): DataProfileSpec {
  return { columns, sensitive: [], detectors: builtInDetectors, ...rest };
}

/** A profile of `rows`, added batch by batch. */
export function profileOf(profileSpec: DataProfileSpec, rows: readonly (readonly Cell[])[], batchRows = 3): DataProfile {
  const profile = new DataProfile(profileSpec);
  for (const batch of batchesOf(profileSpec.columns, rows, batchRows)) profile.add(batch);
  return profile;
}

export const num = (name: string, extra: Partial<DataColumnSpec> = {}): DataColumnSpec => ({ name, kind: 'number', role: 'feature', ...extra });
export const text = (name: string, extra: Partial<DataColumnSpec> = {}): DataColumnSpec => ({ name, kind: 'category', role: 'feature', ...extra });
