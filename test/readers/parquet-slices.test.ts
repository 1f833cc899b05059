import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { openParquetInThread } from '../../src/readers/parquet/in-thread.ts';
import type { InvalidNumber } from '../../src/readers/index.ts';
import { num, rejectsWith, tempFile } from './helpers.ts';

// The decoder's side of the Parquet reader, called in this thread so slices can be made small: a slice cut inside a
// row group, and inside a page, must not change a value, a batch boundary, an invalid-value row or an error location.

const rows = 20_000;
const score = Array.from({ length: rows }, (_, i) => (i % 13 === 0 ? null : i / 4));
const text = Array.from({ length: rows }, (_, i) => (i % 97 === 5 ? 'n/a' : String(i)));
const race = Array.from({ length: rows }, (_, i) => (i % 17 === 0 ? null : ['a', 'b', 'c'][(i * 7) % 3] as string));

function file(pageSize: number): string {
  const buffer = parquetWriteBuffer({
    columnData: [
      { name: 'score', data: score, type: 'DOUBLE', nullable: true },
      { name: 'text', data: text, type: 'STRING', nullable: false },
      { name: 'race', data: race, type: 'STRING', nullable: true },
    ],
    rowGroupSize: 15_000,
    pageSize,
  });
  return tempFile('slices.parquet', new Uint8Array(buffer));
}

for (const pageSize of [2048, 1 << 20]) {
  test(`slices cut inside row groups and ${pageSize < 4096 ? 'small' : 'group-wide'} pages read the same values, batches and invalid rows`, async () => {
    const reader = await openParquetInThread(
      { path: file(pageSize), format: 'parquet' },
      [num('score'), { name: 'text', kind: 'number', collectInvalid: true }, { name: 'race', kind: 'category' }],
      { batchRows: 3000 },
      7000,
    );
    const starts: number[] = [];
    const read = { score: [] as (number | null)[], text: [] as (number | null)[], race: [] as (string | null)[] };
    const invalid: InvalidNumber[] = [];
    for await (const batch of reader.batches()) {
      starts.push(batch.firstRow);
      for (const [name, column] of batch.columns) {
        if (column.kind === 'category') for (const code of column.codes) read.race.push(code < 0 ? null : (column.dictionary[code] ?? '?'));
        else {
          const out = name === 'score' ? read.score : read.text;
          for (const value of column.values) out.push(Number.isNaN(value) ? null : value);
          for (const item of column.invalid ?? []) invalid.push({ row: batch.firstRow + item.row, text: item.text });
        }
      }
    }
    // Group 1 (15,000 rows): slices of 7,000, 7,000 and 1,000 rows, each cut into batches of at most 3,000; group 2.
    assert.deepEqual(starts, [0, 3000, 6000, 7000, 10000, 13000, 14000, 15000, 18000]);
    assert.deepEqual(read.score, score);
    assert.deepEqual(read.race, race);
    const bad = text.flatMap((value, row) => (value === 'n/a' ? [row] : []));
    assert.deepEqual(invalid, bad.map((row) => ({ row, text: 'n/a' })));
    assert.deepEqual(read.text, text.map((value) => (value === 'n/a' ? null : Number(value))));
  });
}

test('a value error in a later slice names its row in the file', async () => {
  const reader = await openParquetInThread({ path: file(2048), format: 'parquet' }, [num('text')], {}, 7000);
  await rejectsWith(async () => {
    for await (const batch of reader.batches()) assert.ok(batch.rows > 0);
  }, 'INPUT_NOT_A_NUMBER', { path: 'rows[5].text' });
  const late = parquetWriteBuffer({ columnData: [{ name: 't', data: Array.from({ length: 9000 }, (_, i) => (i === 8500 ? 'x' : '1')), type: 'STRING' }] });
  const path = tempFile('late.parquet', new Uint8Array(late));
  const lateReader = await openParquetInThread({ path, format: 'parquet' }, [num('t')], {}, 4000);
  await rejectsWith(async () => {
    for await (const batch of lateReader.batches()) assert.ok(batch.rows > 0);
  }, 'INPUT_NOT_A_NUMBER', { file: path, path: 'rows[8500].t' });
});
