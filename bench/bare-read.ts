/**
 * The "bare read" of the release-gate benchmark: `node bench/bare-read.ts --data <file> [--data <file> …]` opens each
 * file in turn with our readers (src/readers/index.ts, `openTable`) and streams the columns `steward check` needs
 * (y_true, y_pred, score as numbers; race, sex, age_band as categories) to the end, computing nothing. The harness
 * passes the evaluation and the baseline, the same files the check reads, so the check's time divided by this one is
 * the price of statistics, intervals, digests and reports on top of decoding the files.
 */
import { parseArgs } from 'node:util';
import { openTable, type ColumnRequest } from '../src/readers/index.ts';

export const BARE_READ_COLUMNS: readonly ColumnRequest[] = [
  { name: 'y_true', kind: 'number' },
  { name: 'y_pred', kind: 'number' },
  { name: 'score', kind: 'number' },
  { name: 'race', kind: 'category' },
  { name: 'sex', kind: 'category' },
  { name: 'age_band', kind: 'category' },
];

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { data: { type: 'string', multiple: true } } });
  if (values.data === undefined) throw new Error('usage: node bench/bare-read.ts --data <file> [--data <file> …]');
  for (const file of values.data) {
    const table = await openTable({ path: file }, BARE_READ_COLUMNS);
    let rows = 0;
    let batches = 0;
    for await (const batch of table.batches()) {
      rows += batch.rows;
      batches++;
    }
    console.log(JSON.stringify({ file, format: table.format, rows, batches }));
  }
}

await main();
