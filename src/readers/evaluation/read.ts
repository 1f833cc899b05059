import { fail, type ColumnHealth, type EvaluationBatch } from '../../core/index.ts';
import { openTable } from '../open-table.ts';
import type { CategoryColumn, Column, ColumnRequest, NumberColumn, ReadOptions, RowBatch, TableFormat, TableSource } from '../types.ts';
import { LabelColumn } from './label-column.ts';
import { LabelDecoder } from './labels.ts';
import { DEFAULT_THRESHOLD, evaluationRequests, type EvaluationMapping } from './mapping.ts';

/** An evaluation file opened for reading; health() and rowsRead() describe the last (or current) pass. */
export interface EvaluationReader {
  readonly format: TableFormat;
  readonly header: readonly string[];
  readonly totalBytes: number;
  batches(): AsyncIterable<EvaluationBatch>;
  /** Missing values per mapped column and role (y_true, y_pred, score, weight, sensitive). */
  health(): readonly ColumnHealth[];
  rowsRead(): number;
}

/**
 * Further columns decoded in the same pass as the evaluation columns, handed to `onRows` batch by batch before the
 * batch is mapped: explainability statistics profile the model's features this way without a second read.
 */
export interface EvaluationExtras {
  /** Columns already read for the evaluation (e.g. a sensitive column that is also a feature) are not requested twice. */
  readonly columns: readonly ColumnRequest[];
  /** A returned promise is awaited before the batch is mapped (e.g. another file read in lockstep with this one). */
  readonly onRows: (batch: RowBatch) => void | Promise<void>;
  /** After the last batch (a check that needs the whole pass, e.g. both files ended together); may throw. */
  readonly onEnd?: () => Promise<void>;
  /** When the pass stops, ended or not (releases what onRows opened, e.g. a reader's worker thread). */
  readonly onClose?: () => Promise<void>;
}

/**
 * Opens an evaluation file and maps its rows to EvaluationBatch: binary labels to 1/0 (see labels.ts), y_pred from
 * score ≥ threshold when no y_pred column is mapped, weights checked ≥ 0. Missing values are never dropped: they stay
 * NaN (or code -1) in the batch for the statistics to count, and are tallied per column in health().
 */
export async function readEvaluation(source: TableSource, mapping: EvaluationMapping, options: ReadOptions = {}, extras?: EvaluationExtras): Promise<EvaluationReader> {
  const requests = evaluationRequests(mapping);
  const extra = (extras?.columns ?? []).filter((column) => !requests.some((request) => request.name === column.name));
  const table = await openTable(source, [...requests, ...extra], options);
  const roles = healthRoles(mapping);
  let missing = roles.map(() => 0);
  let rows = 0;

  async function* batches(): AsyncGenerator<EvaluationBatch> {
    missing = roles.map(() => 0);
    rows = 0;
    try {
      yield* mapped();
      await extras?.onEnd?.();
    } finally {
      await extras?.onClose?.();
    }
  }

  async function* mapped(): AsyncGenerator<EvaluationBatch> {
    const binary = mapping.task === 'binary';
    const yTrueLabels = binary ? new LabelColumn(mapping.yTrue, new LabelDecoder(mapping.positiveLabel, mapping.labels)) : undefined;
    const yPredLabels = binary && mapping.yPred !== undefined ? new LabelColumn(mapping.yPred, new LabelDecoder(mapping.positiveLabel, mapping.labels)) : undefined;
    const threshold = mapping.threshold ?? DEFAULT_THRESHOLD;
    for await (const batch of table.batches()) {
      const pending = extras?.onRows(batch);
      if (pending !== undefined) await pending;
      const score = mapping.score === undefined ? undefined : numbers(batch, mapping.score).values;
      const weight = mapping.weight === undefined ? undefined : checkedWeights(batch, mapping.weight);
      // Label columns count their missing values while decoding: one pass over the codes instead of two.
      const counted = new Map<string, number>();
      const yTrue = labelsOrNumbers(batch, mapping.yTrue, yTrueLabels, counted);
      let yPred: Float64Array;
      if (mapping.yPred !== undefined) yPred = labelsOrNumbers(batch, mapping.yPred, yPredLabels, counted);
      else yPred = thresholded(score ?? new Float64Array(batch.rows).fill(Number.NaN), threshold);
      const groups = mapping.sensitive.map((name) => categories(batch, name));
      roles.forEach((role, index) => {
        missing[index] = (missing[index] ?? 0) + (counted.get(role.column) ?? countMissing(batch.columns.get(role.column)));
      });
      rows += batch.rows;
      yield {
        rows: batch.rows,
        yTrue,
        yPred,
        ...(score === undefined ? {} : { score }),
        ...(weight === undefined ? {} : { weight }),
        groups: groups.map((column) => column.codes),
        groupValues: groups.map((column) => column.dictionary),
      };
    }
  }

  return {
    format: table.format,
    header: table.header,
    totalBytes: table.totalBytes,
    batches,
    health: () => roles.map((role, index) => ({ ...role, missing: missing[index] ?? 0, rows })),
    rowsRead: () => rows,
  };
}

function healthRoles(mapping: EvaluationMapping): { column: string; role: string }[] {
  const roles = [{ column: mapping.yTrue, role: 'y_true' }];
  if (mapping.yPred !== undefined) roles.push({ column: mapping.yPred, role: 'y_pred' });
  if (mapping.score !== undefined) roles.push({ column: mapping.score, role: 'score' });
  if (mapping.weight !== undefined) roles.push({ column: mapping.weight, role: 'weight' });
  for (const name of mapping.sensitive) roles.push({ column: name, role: 'sensitive' });
  return roles;
}

function countMissing(column: Column | undefined): number {
  let count = 0;
  if (column === undefined) return count;
  // Indexed loops: a typed array's for-of iterator costs several times more per element in this hot path.
  if (column.kind === 'number') {
    const values = column.values;
    for (let row = 0; row < values.length; row++) if ((values[row] as number) !== (values[row] as number)) count++;
  } else {
    const codes = column.codes;
    for (let row = 0; row < codes.length; row++) if ((codes[row] as number) < 0) count++;
  }
  return count;
}

/** The column as 1/0/NaN; a label column's missing count goes to `counted` under its name. */
function labelsOrNumbers(batch: RowBatch, name: string, labels: LabelColumn | undefined, counted: Map<string, number>): Float64Array {
  if (labels === undefined) return numbers(batch, name).values;
  const out = new Float64Array(batch.rows);
  counted.set(name, labels.decode(batch, categories(batch, name), out));
  return out;
}

/** Binary y_pred from a score: 1 when score ≥ threshold, 0 below, NaN when the score is missing. */
function thresholded(score: Float64Array, threshold: number): Float64Array {
  const out = new Float64Array(score.length);
  for (let row = 0; row < score.length; row++) {
    const value = score[row] ?? Number.NaN;
    out[row] = Number.isNaN(value) ? Number.NaN : value >= threshold ? 1 : 0;
  }
  return out;
}

function checkedWeights(batch: RowBatch, name: string): Float64Array {
  const { values } = numbers(batch, name);
  for (let row = 0; row < values.length; row++) {
    if ((values[row] ?? 0) < 0) {
      fail('INPUT_INVALID_VALUE', `weight ${values[row]} in "${name}" is negative`, { location: batch.locate(row, name), expected: 'a weight ≥ 0' });
    }
  }
  return values;
}

function numbers(batch: RowBatch, name: string): NumberColumn {
  const column = batch.columns.get(name);
  if (column?.kind !== 'number') fail('INTERNAL_INVARIANT', `column "${name}" was not read as numbers`);
  return column;
}

function categories(batch: RowBatch, name: string): CategoryColumn {
  const column = batch.columns.get(name);
  if (column?.kind !== 'category') fail('INTERNAL_INVARIANT', `column "${name}" was not read as categories`);
  return column;
}
