/**
 * The "bare read" of the release-gate benchmark: `node bench/bare-read.mjs --data <file> [--data <file> …]` opens
 * each file in turn with our readers (the built dist/readers, as the installed `steward` runs them) and streams the
 * columns `steward check` needs (y_true, y_pred, score as numbers; race, sex, age_band as categories) to the end,
 * computing nothing. The harness passes the evaluation and the baseline, the same files the check reads, so the
 * check's time divided by this one is the price of statistics, intervals, digests and reports on top of decoding.
 * The reader is the check's own, with the same defaults: a CSV file of 8 MiB or more is parsed in its worker thread
 * (src/readers/csv/thread.ts), so this floor is the parsing thread's time, and the check's time over it is what the
 * main thread's statistics, running alongside, and the work after the last row add.
 *
 * Plain JavaScript on purpose: the check runs as the built CLI (bin/steward.js), so the floor it is compared with
 * must not pay for TypeScript type stripping either.
 */
import { parseArgs } from 'node:util';
import { openTable } from '../dist/readers/index.js';

const columns = [
  { name: 'y_true', kind: 'number' },
  { name: 'y_pred', kind: 'number' },
  { name: 'score', kind: 'number' },
  { name: 'race', kind: 'category' },
  { name: 'sex', kind: 'category' },
  { name: 'age_band', kind: 'category' },
];

const { values } = parseArgs({ options: { data: { type: 'string', multiple: true } } });
if (values.data === undefined) throw new Error('usage: node bench/bare-read.mjs --data <file> [--data <file> …]');
for (const file of values.data) {
  const table = await openTable({ path: file }, columns);
  let rows = 0;
  let batches = 0;
  for await (const batch of table.batches()) {
    rows += batch.rows;
    batches++;
  }
  console.log(JSON.stringify({ file, format: table.format, rows, batches }));
}
