import { createDigester, fail, type Digest, type Location } from '../../core/index.ts';
import { openTable, type CategoryColumn, type ColumnRequest, type ReadOptions, type RowBatch, type TableSource } from '../../readers/index.ts';
import { createAttributionProfile, type AttributionProfile } from '../../stats/explain/index.ts';
import { digestFile } from '../file-digest.ts';
import { RowCursor } from './row-cursor.ts';

/** An attributions file: one row per evaluation row, one column per feature (SHAP, Captum, InterpretML output). */
export interface AttributionFileSpec {
  readonly source: TableSource;
  /** The feature columns; default every column except the id column. */
  readonly features?: readonly string[];
  /** Row id column; when set, rows are aligned by id (see AttributionLockstep), otherwise by position. */
  readonly idColumn?: string;
}

/** The evaluation side of the lockstep: its file (for messages), sensitive columns and row id column. */
export interface LockstepEvaluation {
  readonly path: string;
  readonly sensitive: readonly string[];
  /** Row id column of the evaluation file; default the attributions' idColumn. */
  readonly idColumn?: string | undefined;
}

export interface AttributionReadResult {
  readonly profile: AttributionProfile;
  readonly rows: number;
  readonly alignment: 'id' | 'position';
  /** The attributions file's sha256, hashed as it was read (CSV, JSONL) or on another thread meanwhile (Parquet). */
  readonly digest: Digest;
}

/**
 * Reads an attributions file in lockstep with the evaluation rows as another reader hands them over, into an
 * AttributionProfile: the evaluation batches already carry the sensitive columns (and the id column, when aligned by
 * id), so the evaluation file is read once for everything. The attributions file is opened on the first batch; its
 * reader parses ahead (a CSV worker thread, a Parquet decoder thread) while the evaluation batch is being profiled.
 *
 * Alignment. By position: row i of one file is row i of the other; both must have the same number of rows
 * (EXPLAIN_ROW_COUNT_MISMATCH). By id: the same lockstep walk, and row i of each file must carry the same id
 * (EXPLAIN_ROW_MISMATCH names both ids and both lines). So both files must list the rows in the same order — the
 * order attribution tools write (they explain the evaluation frame they are given, row by row). This was chosen over
 * a hash join because it keeps memory bounded by the batch size whatever the row count (a join would hold every id
 * of a 100M-row file), and it still proves that every evaluation id has exactly one attribution row; files in
 * different orders are reported at the first differing row with a hint to sort both by id.
 */
export class AttributionLockstep {
  private readonly profile: AttributionProfile;
  private readonly features: readonly string[];
  private cursor: RowCursor | undefined;
  private rows = 0;
  /** Set when the attributions file ended first: the count error waits for the evaluation's total. */
  private unpaired: { location: Location; attributionRows: number } | undefined;
  private readonly digester = createDigester();
  private fileDigest: Promise<Digest> | undefined;

  private readonly attributions: AttributionFileSpec & { readonly features: readonly string[] };
  private readonly evaluation: LockstepEvaluation;
  private readonly options: ReadOptions;

  constructor(attributions: AttributionFileSpec & { readonly features: readonly string[] }, evaluation: LockstepEvaluation, options: ReadOptions = {}) {
    this.attributions = attributions;
    this.evaluation = evaluation;
    this.options = options;
    this.features = attributions.features;
    if (this.features.length === 0) {
      fail('EXPLAIN_NO_FEATURES', 'the attributions file has no feature column', { location: { file: attributions.source.path }, expected: 'one column per feature' });
    }
    this.profile = createAttributionProfile({ features: this.features, sensitive: evaluation.sensitive });
  }

  /** The evaluation columns the lockstep needs in each batch: the sensitive columns and the id column, as categories. */
  get evaluationColumns(): ColumnRequest[] {
    const id = this.evaluationId;
    return [...this.evaluation.sensitive, ...(id === undefined ? [] : [id])].map((name) => ({ name, kind: 'category' }));
  }

  private get evaluationId(): string | undefined {
    return this.attributions.idColumn === undefined ? undefined : (this.evaluation.idColumn ?? this.attributions.idColumn);
  }

  /** Profiles the attribution rows partnering the evaluation batch's rows, reading the attributions file as far as needed. */
  async add(e: RowBatch): Promise<void> {
    const right = this.cursor ?? (this.cursor = await this.open());
    let offset = 0;
    while (offset < e.rows) {
      if (this.unpaired !== undefined) {
        this.rows += e.rows - offset; // evaluation rows past the attributions' end: counted for the error only
        return;
      }
      const a = await right.peek();
      if (a === undefined) {
        this.unpaired = { location: e.locate(offset), attributionRows: right.position };
        continue;
      }
      const span = Math.min(e.rows - offset, a.rows - right.offset);
      const idColumn = this.attributions.idColumn;
      const evaluationId = this.evaluationId;
      if (idColumn !== undefined && evaluationId !== undefined) checkIds(e, offset, evaluationId, a, right.offset, idColumn, span);
      const groups = this.evaluation.sensitive.map((name) => e.columns.get(name) as CategoryColumn);
      this.profile.add({
        rows: span,
        attributions: this.features.map((name) => numbers(a, name).subarray(right.offset, right.offset + span)),
        groups: groups.map((column) => column.codes.subarray(offset, offset + span)),
        groupValues: groups.map((column) => column.dictionary),
      });
      right.advance(span);
      offset += span;
      this.rows += span;
    }
  }

  /** After the evaluation's last batch: both files must have ended together. Releases the attributions reader. */
  async finish(): Promise<AttributionReadResult> {
    const right = this.cursor ?? (this.cursor = await this.open());
    try {
      const a = await right.peek();
      if (this.unpaired !== undefined) {
        const { location, attributionRows } = this.unpaired;
        this.countMismatch(this.rows, attributionRows, location);
      }
      if (a !== undefined) {
        const location = a.locate(right.offset);
        const shared = right.position;
        this.countMismatch(shared, shared + (await right.countRest()), location);
      }
    } finally {
      await this.close();
    }
    const digest = this.fileDigest === undefined ? this.digester.digest() : await this.fileDigest;
    return { profile: this.profile, rows: this.rows, alignment: this.attributions.idColumn === undefined ? 'position' : 'id', digest };
  }

  /** Stops the attributions reader early (releases its worker thread); safe to call more than once. */
  async close(): Promise<void> {
    const cursor = this.cursor;
    this.cursor = undefined;
    await cursor?.close();
  }

  private async open(): Promise<RowCursor> {
    const idColumn = this.attributions.idColumn;
    const requests: ColumnRequest[] = [...this.features.map((name) => ({ name, kind: 'number' as const })), ...(idColumn === undefined ? [] : [{ name: idColumn, kind: 'category' as const }])];
    // One read of the file for rows and digest, as for the evaluation file (evaluate-file.ts).
    const onChunk = this.options.onChunk;
    const table = await openTable(this.attributions.source, requests, {
      ...this.options,
      onChunk: (bytes) => {
        this.digester.update(bytes);
        onChunk?.(bytes);
      },
    });
    if (table.format === 'parquet') {
      this.fileDigest = digestFile(this.attributions.source.path);
      this.fileDigest.catch(() => undefined); // observed in finish(); not left unhandled if reading fails first
    }
    return new RowCursor(table.batches());
  }

  private countMismatch(evaluationRows: number, attributionRows: number, first: Location): never {
    return fail('EXPLAIN_ROW_COUNT_MISMATCH', `the evaluation file has ${evaluationRows} rows but the attributions file has ${attributionRows}; the first row without a partner is here`, {
      location: first,
      expected: `one attribution row per evaluation row (${this.evaluation.path} and ${this.attributions.source.path})`,
    });
  }
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
