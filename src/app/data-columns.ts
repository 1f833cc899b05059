import { isStewardError, StewardError } from '../core/index.ts';
import type { DatasetMapping } from '../policy/index.ts';
import { openTable, type ColumnRequest, type TableSource } from '../readers/index.ts';
import type { DataColumnSpec } from '../stats/data/index.ts';

/** Rows read to tell the kind of columns the policy does not declare. */
const SNIFF_ROWS = 10_000;

/**
 * The columns of a dataset check: every column of the file, each with how it is read and what it is for. Declared
 * number/integer columns are read as numbers, the label and sensitive columns and other declared columns as text.
 * An undeclared column is read as a number when every non-missing value of its first 10,000 rows is a finite
 * number, else as text (one extra, short read; none when every column is declared). Declared columns absent from the
 * file are returned apart, for the schema rule; an absent label, id or sensitive column is INPUT_MISSING_COLUMN.
 */
export async function planDataColumns(source: TableSource, dataset: DatasetMapping): Promise<{ columns: DataColumnSpec[]; absent: string[] }> {
  const mapped = [dataset.label, dataset.id, ...dataset.sensitive].filter((name): name is string => name !== undefined);
  const header = (await openTable(source, mapped.map((name): ColumnRequest => ({ name, kind: 'category' })))).header;
  const declared = new Map(dataset.columns.map((column) => [column.name, column]));
  const undeclared = header.filter((name) => !declared.has(name) && name !== dataset.label && !dataset.sensitive.includes(name));
  const numeric = undeclared.length === 0 ? new Set<string>() : await sniffNumbers(source, undeclared);
  const columns = header.map((name): DataColumnSpec => {
    const declaration = declared.get(name);
    const role = name === dataset.id ? 'id' : name === dataset.label ? 'label' : dataset.sensitive.includes(name) ? 'sensitive' : 'feature';
    const textual = role === 'label' || role === 'sensitive';
    const kind = textual ? 'category' : declaration?.type !== undefined ? (declaration.type === 'number' || declaration.type === 'integer' ? 'number' : 'category') : numeric.has(name) ? 'number' : 'category';
    return {
      name,
      kind,
      role,
      ...(declaration?.type === undefined ? {} : { type: declaration.type }),
      ...(declaration?.values === undefined ? {} : { values: declaration.values }),
      ...(declaration?.min === undefined ? {} : { min: declaration.min }),
      ...(declaration?.max === undefined ? {} : { max: declaration.max }),
      ...(declaration?.unique === true ? { unique: true } : {}),
    };
  });
  const absent = dataset.columns.filter((c) => !header.includes(c.name)).map((c) => c.name);
  return { columns, absent };
}

/**
 * What the reader is asked for: each column with its kind. A column the policy declares as a number or integer
 * collects values that are not numbers instead of stopping the read, so the schema rule counts them as type
 * violations and the check goes on; an undeclared column read as numbers still stops with the type hint below.
 */
export function columnRequests(columns: readonly DataColumnSpec[]): ColumnRequest[] {
  return columns.map(({ name, kind, type }) => (kind === 'number' && (type === 'number' || type === 'integer') ? { name, kind, collectInvalid: true } : { name, kind }));
}

async function sniffNumbers(source: TableSource, names: readonly string[]): Promise<Set<string>> {
  const reader = await openTable(source, names.map((name) => ({ name, kind: 'category' })), { batchRows: SNIFF_ROWS, sampleRows: SNIFF_ROWS });
  const numeric = new Set(names);
  for await (const batch of reader.batches()) {
    for (const name of names) {
      const column = batch.columns.get(name);
      if (column?.kind !== 'category') continue;
      const present = new Set<number>();
      for (const code of column.codes) if (code >= 0) present.add(code);
      if (present.size === 0) numeric.delete(name);
      for (const code of present) {
        const text = (column.dictionary[code] ?? '').trim();
        if (text === '' || !Number.isFinite(Number(text))) {
          numeric.delete(name);
          break;
        }
      }
    }
    break; // the first batch is the sample
  }
  return numeric;
}

/** A value that is not a number in a column read as one: say how to declare the column instead. */
export function withTypeHint(error: unknown): unknown {
  if (!isStewardError(error) || error.code !== 'INPUT_NOT_A_NUMBER') return error;
  return new StewardError(
    { ...error.problem, hint: 'the column was read as numbers because its first rows are numeric; declare it in data.columns with type: string to check it as text, or type: number to count such values as schema violations' },
    { cause: error },
  );
}
