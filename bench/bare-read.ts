/**
 * The "bare read" of the release-gate benchmark: `node bench/bare-read.ts --data <file>` opens the file with our
 * readers (src/readers/index.ts, `openTable`) and streams the columns `steward check` needs (y_true, y_pred, score as
 * numbers; race, sex, age_band as categories) to the end, computing nothing. The check's time divided by this one is
 * the price of statistics, intervals, digests and reports on top of decoding the file.
 *
 * The readers module is imported at run time so that this script fails with a plain message, not a module-resolution
 * stack, while src/readers/index.ts is still being written.
 */
import { parseArgs } from 'node:util';
import type { ColumnRequest, ReadOptions, TableReader, TableSource } from '../src/readers/types.ts';

type OpenTable = (source: TableSource, request: readonly ColumnRequest[], options?: ReadOptions) => Promise<TableReader>;

export const BARE_READ_COLUMNS: readonly ColumnRequest[] = [
  { name: 'y_true', kind: 'number' },
  { name: 'y_pred', kind: 'number' },
  { name: 'score', kind: 'number' },
  { name: 'race', kind: 'category' },
  { name: 'sex', kind: 'category' },
  { name: 'age_band', kind: 'category' },
];

async function loadOpenTable(): Promise<OpenTable> {
  const specifier = '../src/readers/index.ts';
  let readers: Record<string, unknown>;
  try {
    readers = (await import(specifier)) as Record<string, unknown>;
  } catch (error) {
    throw new Error(`bench/bare-read.ts: cannot import src/readers/index.ts (${String(error)})`, { cause: error });
  }
  const openTable = readers['openTable'];
  if (typeof openTable !== 'function') throw new Error('bench/bare-read.ts: src/readers/index.ts does not export openTable');
  return openTable as OpenTable;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { data: { type: 'string' } } });
  if (values.data === undefined) throw new Error('usage: node bench/bare-read.ts --data <file>');
  const openTable = await loadOpenTable();
  const table = await openTable({ path: values.data }, BARE_READ_COLUMNS);
  let rows = 0;
  let batches = 0;
  for await (const batch of table.batches()) {
    rows += batch.rows;
    batches++;
  }
  console.log(JSON.stringify({ file: values.data, format: table.format, rows, batches }));
}

await main();
