import { fail, type Location } from '../../core/index.ts';
import { openTable, type CategoryColumn, type ColumnRequest, type ReadOptions, type RowBatch, type TableSource } from '../../readers/index.ts';
import { createAttributionProfile, type AttributionProfile } from '../../stats/explain/index.ts';
import { RowCursor } from './row-cursor.ts';

/** An attributions file: one row per evaluation row, one column per feature (SHAP, Captum, InterpretML output). */
export interface AttributionFileSpec {
  readonly source: TableSource;
  /** The feature columns; default every column except the id column. */
  readonly features?: readonly string[];
  /** Row id column; when set, rows are aligned by id (see readAttributionProfile), otherwise by position. */
  readonly idColumn?: string;
}

export interface EvaluationRowsSpec {
  readonly source: TableSource;
  /** Sensitive columns (groups of the per-group statistics), as in the policy. */
  readonly sensitive: readonly string[];
  /** Row id column of the evaluation file; default the attributions' idColumn. */
  readonly idColumn?: string;
}

export interface AttributionReadResult {
  readonly profile: AttributionProfile;
  readonly rows: number;
  readonly alignment: 'id' | 'position';
}

/**
 * Reads an attributions file and the evaluation file in lockstep, one pass each, into an AttributionProfile.
 *
 * Alignment. By position: row i of one file is row i of the other; both must have the same number of rows
 * (EXPLAIN_ROW_COUNT_MISMATCH). By id: the same lockstep walk, and row i of each file must carry the same id
 * (EXPLAIN_ROW_MISMATCH names both ids and both lines). So both files must list the rows in the same order — the
 * order attribution tools write (they explain the evaluation frame they are given, row by row). This was chosen over
 * a hash join because it keeps memory bounded by the batch size whatever the row count (a join would hold every id
 * of a 100M-row file), and it still proves that every evaluation id has exactly one attribution row; files in
 * different orders are reported at the first differing row with a hint to sort both by id.
 */
export async function readAttributionProfile(
  evaluation: EvaluationRowsSpec,
  attributions: AttributionFileSpec,
  options: ReadOptions = {},
): Promise<AttributionReadResult> {
  const idColumn = attributions.idColumn;
  const evaluationId = evaluation.idColumn ?? idColumn;
  const features = attributions.features ?? (await headerOf(attributions.source, options)).filter((name) => name !== idColumn);
  if (features.length === 0) {
    fail('EXPLAIN_NO_FEATURES', 'the attributions file has no feature column', { location: { file: attributions.source.path }, expected: 'one column per feature' });
  }
  const idRequest = (name: string | undefined): ColumnRequest[] => (name === undefined ? [] : [{ name, kind: 'category' }]);
  const attributionTable = await openTable(attributions.source, [...features.map((name) => ({ name, kind: 'number' as const })), ...idRequest(idColumn)], options);
  const evaluationTable = await openTable(evaluation.source, [...evaluation.sensitive.map((name) => ({ name, kind: 'category' as const })), ...idRequest(evaluationId)], options);
  const profile = createAttributionProfile({ features, sensitive: evaluation.sensitive });
  const left = new RowCursor(evaluationTable.batches());
  const right = new RowCursor(attributionTable.batches());
  try {
    for (;;) {
      const [e, a] = await Promise.all([left.peek(), right.peek()]);
      if (e === undefined || a === undefined) {
        if (e !== undefined || a !== undefined) await countMismatch(left, right, e, a, evaluation.source.path, attributions.source.path);
        break;
      }
      const span = Math.min(e.rows - left.offset, a.rows - right.offset);
      if (idColumn !== undefined && evaluationId !== undefined) checkIds(e, left.offset, evaluationId, a, right.offset, idColumn, span);
      const groups = evaluation.sensitive.map((name) => e.columns.get(name) as CategoryColumn);
      profile.add({
        rows: span,
        attributions: features.map((name) => numbers(a, name).subarray(right.offset, right.offset + span)),
        groups: groups.map((column) => column.codes.subarray(left.offset, left.offset + span)),
        groupValues: groups.map((column) => column.dictionary),
      });
      left.advance(span);
      right.advance(span);
    }
  } finally {
    await Promise.all([left.close(), right.close()]);
  }
  return { profile, rows: left.position, alignment: idColumn === undefined ? 'position' : 'id' };
}

/** The header of a table, read without decoding a column. */
async function headerOf(source: TableSource, options: ReadOptions): Promise<readonly string[]> {
  const table = await openTable(source, [], options);
  const iterator = table.batches()[Symbol.asyncIterator]();
  await iterator.next(); // start and stop the reader, so a Parquet decoder thread is released
  await iterator.return?.();
  return table.header;
}

function numbers(batch: RowBatch, name: string): Float64Array {
  const column = batch.columns.get(name);
  if (column?.kind !== 'number') fail('INTERNAL_INVARIANT', `column "${name}" was not read as numbers`);
  return column.values;
}

function checkIds(e: RowBatch, eOffset: number, eName: string, a: RowBatch, aOffset: number, aName: string, span: number): void {
  const ids = (batch: RowBatch, name: string): CategoryColumn => batch.columns.get(name) as CategoryColumn;
  const eIds = ids(e, eName);
  const aIds = ids(a, aName);
  for (let i = 0; i < span; i++) {
    const eCode = eIds.codes[eOffset + i] as number;
    const aCode = aIds.codes[aOffset + i] as number;
    const eId = eCode < 0 ? undefined : eIds.dictionary[eCode];
    const aId = aCode < 0 ? undefined : aIds.dictionary[aCode];
    if (eId !== undefined && eId === aId) continue;
    const where = (location: Location): string => `${location.file ?? ''}:${location.line ?? location.path ?? ''}`;
    const eLocation = e.locate(eOffset + i, eName);
    fail('EXPLAIN_ROW_MISMATCH', `evaluation row id ${JSON.stringify(eId ?? null)} (${where(eLocation)}) has attribution row id ${JSON.stringify(aId ?? null)} (${where(a.locate(aOffset + i, aName))}) at the same position`, {
      location: eLocation,
      expected: 'the same non-empty ids in the same order in both files',
      hint: 'sort both files by the id column, or write the attributions in the order of the evaluation rows',
    });
  }
}

async function countMismatch(left: RowCursor, right: RowCursor, e: RowBatch | undefined, a: RowBatch | undefined, evaluationPath: string, attributionPath: string): Promise<never> {
  const longer = e !== undefined ? left : right;
  const first = e !== undefined ? e.locate(left.offset) : (a as RowBatch).locate(right.offset);
  const shared = longer.position;
  const total = shared + (await longer.countRest());
  const [evaluationRows, attributionRows] = e !== undefined ? [total, shared] : [shared, total];
  return fail('EXPLAIN_ROW_COUNT_MISMATCH', `the evaluation file has ${evaluationRows} rows but the attributions file has ${attributionRows}; the first row without a partner is here`, {
    location: first,
    expected: `one attribution row per evaluation row (${evaluationPath} and ${attributionPath})`,
  });
}
