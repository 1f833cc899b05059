import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { openTable } from '../../src/readers/index.ts';
import { tempFile } from './helpers.ts';

// A sniff of column kinds reads a few rows: with sampleRows the Parquet reader decodes only those, through the worker,
// and still yields exactly the file's first rows (inside the first row group, and across a group boundary).

const rows = 30_000;
const score = Array.from({ length: rows }, (_, i) => (i % 11 === 0 ? null : i / 8));
const race = Array.from({ length: rows }, (_, i) => (i % 19 === 0 ? null : ['a', 'b', 'c'][(i * 5) % 3] as string));
const path = tempFile('sample.parquet', new Uint8Array(parquetWriteBuffer({
  columnData: [
    { name: 'score', data: score, type: 'DOUBLE', nullable: true },
    { name: 'race', data: race, type: 'STRING', nullable: true },
  ],
  rowGroupSize: 10_000,
})));

for (const sampleRows of [2500, 12_345]) {
  test(`sampleRows ${sampleRows} yields exactly the first ${sampleRows} rows, as text, in batches of the asked size`, async () => {
    const reader = await openTable({ path }, [{ name: 'score', kind: 'category' }, { name: 'race', kind: 'category' }], { batchRows: 1000, sampleRows });
    assert.equal(reader.totalRows, rows);
    const read = { score: [] as (string | null)[], race: [] as (string | null)[] };
    const sizes: number[] = [];
    for await (const batch of reader.batches()) {
      sizes.push(batch.rows);
      for (const [name, column] of batch.columns) {
        assert.equal(column.kind, 'category');
        if (column.kind !== 'category') continue;
        for (const code of column.codes) (name === 'score' ? read.score : read.race).push(code < 0 ? null : (column.dictionary[code] ?? '?'));
      }
    }
    assert.equal(sizes.reduce((a, b) => a + b, 0), sampleRows);
    assert.ok(sizes.every((size) => size <= 1000));
    assert.deepEqual(read.score, score.slice(0, sampleRows).map((v) => (v === null ? null : String(v))));
    assert.deepEqual(read.race, race.slice(0, sampleRows));
  });
}
