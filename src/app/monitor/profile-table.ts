import { defined } from '../../core/index.ts';
import { openTable, type Column, type ColumnRequest, type TableFormat } from '../../readers/index.ts';
import { CategoricalProfile, NumericProfile } from '../../stats/drift/index.ts';

export type DriftProfile = NumericProfile | CategoricalProfile;

export interface WatchedColumn {
  readonly name: string;
  readonly type: 'number' | 'category';
}

export interface TableProfiles {
  readonly rows: number;
  readonly profiles: ReadonlyMap<string, DriftProfile>;
  /** Per column, one profile per `chunkRows` rows (when asked); a last chunk under half the size is left out. */
  readonly chunks: ReadonlyMap<string, readonly DriftProfile[]>;
}

export interface ProfileTableOptions {
  readonly format?: TableFormat;
  readonly delimiter?: string;
  readonly chunkRows?: number;
}

/**
 * One pass over a table: every watched column streams into a mergeable drift profile (memory bounded by bins and
 * categories, never rows); with `chunkRows`, rows are also split in file order into chunk profiles for learned
 * thresholds. Chunk profiles keep no raw values (exactCap 0): they are only compared with the whole reference.
 */
export async function profileTable(path: string, columns: readonly WatchedColumn[], options: ProfileTableOptions = {}): Promise<TableProfiles> {
  const requests = columns.map((column): ColumnRequest => ({ name: column.name, kind: column.type }));
  const reader = await openTable({ path, ...defined({ format: options.format, delimiter: options.delimiter }) }, requests);
  const profiles = new Map(columns.map((column) => [column.name, newProfile(column.type)]));
  const chunks = new Map<string, DriftProfile[]>(columns.map((column) => [column.name, []]));
  const chunkRows = options.chunkRows;
  let rows = 0;
  for await (const batch of reader.batches()) {
    for (const column of columns) {
      const values = batch.columns.get(column.name);
      if (values === undefined) continue;
      addTo(profiles.get(column.name) as DriftProfile, values, 0, batch.rows);
      if (chunkRows === undefined) continue;
      const list = chunks.get(column.name) as DriftProfile[];
      for (let start = 0; start < batch.rows; ) {
        const row = batch.firstRow + start;
        const index = Math.floor(row / chunkRows);
        const end = Math.min(batch.rows, (index + 1) * chunkRows - batch.firstRow);
        while (list.length <= index) list.push(newProfile(column.type, 0));
        addTo(list[index] as DriftProfile, values, start, end);
        start = end;
      }
    }
    rows += batch.rows;
  }
  if (chunkRows !== undefined && rows % chunkRows !== 0 && rows % chunkRows < chunkRows / 2) {
    for (const list of chunks.values()) list.pop();
  }
  return { rows, profiles, chunks };
}

function newProfile(type: 'number' | 'category', exactCap?: number): DriftProfile {
  return type === 'number' ? new NumericProfile(exactCap === undefined ? {} : { exactCap }) : new CategoricalProfile();
}

function addTo(profile: DriftProfile, column: Column, from: number, to: number): void {
  if (profile.kind === 'numeric' && column.kind === 'number') profile.add(from === 0 && to === column.values.length ? column.values : column.values.subarray(from, to));
  else if (profile.kind === 'categorical' && column.kind === 'category') profile.add(column.codes.subarray(from, to), column.dictionary);
}
