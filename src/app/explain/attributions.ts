import { openTable, type ReadOptions, type TableSource } from '../../readers/index.ts';
import { AttributionLockstep, type AttributionFileSpec, type AttributionReadResult } from './attribution-lockstep.ts';

export type { AttributionFileSpec, AttributionReadResult } from './attribution-lockstep.ts';

export interface EvaluationRowsSpec {
  readonly source: TableSource;
  /** Sensitive columns (groups of the per-group statistics), as in the policy. */
  readonly sensitive: readonly string[];
  /** Row id column of the evaluation file; default the attributions' idColumn. */
  readonly idColumn?: string;
}

/**
 * Reads an attributions file aligned with an evaluation file into an AttributionProfile, reading the evaluation file's
 * sensitive (and id) columns itself. `steward check` does not use this: it feeds the same AttributionLockstep from
 * its single evaluation pass (evaluation-pass.ts). Alignment rules and errors: see AttributionLockstep.
 */
export async function readAttributionProfile(
  evaluation: EvaluationRowsSpec,
  attributions: AttributionFileSpec,
  options: ReadOptions = {},
): Promise<AttributionReadResult> {
  const features = attributions.features ?? (await headerOf(attributions.source, options)).filter((name) => name !== attributions.idColumn);
  const lockstep = new AttributionLockstep({ ...attributions, features }, { path: evaluation.source.path, sensitive: evaluation.sensitive, idColumn: evaluation.idColumn }, options);
  const table = await openTable(evaluation.source, lockstep.evaluationColumns, options);
  try {
    for await (const batch of table.batches()) await lockstep.add(batch);
    return await lockstep.finish();
  } finally {
    await lockstep.close();
  }
}

/** The header of a table, read without decoding a column. */
async function headerOf(source: TableSource, options: ReadOptions): Promise<readonly string[]> {
  const table = await openTable(source, [], options);
  const iterator = table.batches()[Symbol.asyncIterator]();
  await iterator.next(); // start and stop the reader, so a Parquet decoder thread is released
  await iterator.return?.();
  return table.header;
}
