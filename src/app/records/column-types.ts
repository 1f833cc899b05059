import type { ColumnSchema } from '../../core/index.ts';
import type { CategoryColumn, RowBatch } from '../../readers/index.ts';

/** The inferred type of a column: the narrowest of these that every non-missing sampled value fits. */
export type InferredType = 'integer' | 'number' | 'boolean' | 'string' | 'empty';

const integer = /^[+-]?\d+$/;
const decimal = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const boolean = /^(true|false)$/i;

/**
 * Infers each column's type from the distinct values of a sample batch (read as text categories, missing tokens
 * excluded): `integer` ⊂ `number`; `boolean` is true/false in any case; anything else is `string`; a column with no
 * value in the sample is `empty`. Approximate by design — only the sample is looked at (see record-dataset.ts).
 */
export function inferColumnTypes(header: readonly string[], batch: RowBatch | undefined): ColumnSchema[] {
  return header.map((name) => {
    const column = batch?.columns.get(name);
    return { name, type: column?.kind === 'category' ? typeOfValues(seenValues(column)) : 'empty' };
  });
}

/** The dictionary entries actually used by the batch's codes (the dictionary may be shared and larger). */
function seenValues(column: CategoryColumn): string[] {
  const used = new Set<number>();
  for (const code of column.codes) if (code >= 0) used.add(code);
  return [...used].map((code) => column.dictionary[code] ?? '');
}

export function typeOfValues(values: readonly string[]): InferredType {
  if (values.length === 0) return 'empty';
  if (values.every((value) => integer.test(value))) return 'integer';
  if (values.every((value) => decimal.test(value) || /^[+-]?(Infinity|inf)$/i.test(value))) return 'number';
  if (values.every((value) => boolean.test(value))) return 'boolean';
  return 'string';
}
