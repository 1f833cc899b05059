import type { Digest } from '../core/index.ts';
import type { Ledger } from './ledger/types.ts';
import { readCatalog } from './records/context.ts';
import { openTable, type TableSource } from '../readers/index.ts';
import { columnRequests } from './data-columns.ts';
import { CategoricalProfile, NumericProfile } from '../stats/drift/index.ts';
import type { DataColumnSpec, DriftProfile, PreviousVersion } from '../stats/data/index.ts';
import { digestFile } from './file-digest.ts';

/** One recorded version of a dataset, as the ledger holds it. */
export interface RecordedDatasetVersion {
  readonly digest: Digest;
  readonly source: string;
  readonly recordedAt: string;
}

/** Every recorded version of dataset `name`, oldest first (from the ledger's catalog). */
export async function datasetVersions(ledger: Ledger, name: string): Promise<RecordedDatasetVersion[]> {
  const catalog = await readCatalog(ledger);
  return (catalog.datasets.get(name) ?? []).map(({ event }) => ({ digest: event.digest, source: event.source, recordedAt: event.recordedAt }));
}

/** Drift profiles of the columns of one read, fed batch by batch alongside the data profile. */
export class DriftProfiles {
  readonly profiles = new Map<string, DriftProfile>();

  constructor(columns: readonly Pick<DataColumnSpec, 'name' | 'kind'>[]) {
    for (const column of columns) this.profiles.set(column.name, column.kind === 'number' ? new NumericProfile() : new CategoricalProfile());
  }

  add(batch: { readonly columns: ReadonlyMap<string, { kind: 'number'; values: Float64Array } | { kind: 'category'; codes: Int32Array; dictionary: readonly string[] }> }): void {
    for (const [name, profile] of this.profiles) {
      const column = batch.columns.get(name);
      if (column === undefined) continue;
      if (column.kind === 'number' && profile instanceof NumericProfile) profile.add(column.values);
      else if (column.kind === 'category' && profile instanceof CategoricalProfile) profile.add(column.codes, column.dictionary);
    }
  }
}

/**
 * The previous recorded version of a dataset — the latest recorded version whose digest differs from the current
 * file's — read from its recorded source (which must still hold the recorded bytes) into drift profiles of the
 * columns the two versions share, read as the current columns are.
 */
export async function profilePrevious(
  versions: readonly RecordedDatasetVersion[],
  name: string,
  current: { readonly digest: Digest; readonly columns: readonly DataColumnSpec[]; readonly profiles: DriftProfiles; readonly source: TableSource },
): Promise<PreviousVersion> {
  const previous = versions.filter((v) => v.digest !== current.digest).at(-1);
  if (previous === undefined) return { unavailable: `no earlier version of "${name}" is recorded in the ledger (steward record dataset --name ${name})` };
  let digest: Digest;
  try {
    digest = await digestFile(previous.source);
  } catch {
    return { unavailable: `its recorded source ${previous.source} cannot be read` };
  }
  if (digest !== previous.digest) return { unavailable: `its recorded source ${previous.source} no longer holds the recorded content (${previous.digest})` };
  const source: TableSource = { path: previous.source, ...(current.source.delimiter === undefined ? {} : { delimiter: current.source.delimiter }) };
  const { header } = await openTable(source, []);
  const shared = current.columns.filter((c) => header.includes(c.name));
  const before = new DriftProfiles(shared);
  // The previous version's non-numbers in declared number columns count as missing here, as its check reported them.
  const reader = await openTable(source, columnRequests(shared));
  let rows = 0;
  for await (const batch of reader.batches()) {
    before.add(batch);
    rows += batch.rows;
  }
  return {
    digest: previous.digest,
    source: previous.source,
    recordedAt: previous.recordedAt,
    rows,
    columns: shared.map((c) => ({ name: c.name, before: before.profiles.get(c.name) as DriftProfile, now: current.profiles.profiles.get(c.name) as DriftProfile })),
    added: current.columns.filter((c) => !header.includes(c.name)).map((c) => c.name),
  };
}
