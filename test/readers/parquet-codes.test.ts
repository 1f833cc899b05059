import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { openTable } from '../../src/readers/index.ts';
import { cat, readAll, tempFile } from './helpers.ts';

// Category text is interned while hyparquet decodes it (src/readers/parquet/coded-text.ts): the values, missing
// values and codes must be what decoding each value to a string gave.

test('category text reads the same from dictionary and plain pages, nulls and missing tokens as missing', async () => {
  const values = [null, 'a', null, 'NA', 'b', 'é', '', 'a', 'N/A', 'n/a'];
  for (const encoding of ['RLE_DICTIONARY', 'PLAIN'] as const) {
    const buffer = parquetWriteBuffer({ columnData: [{ name: 'r', data: values, type: 'STRING', nullable: true, encoding }] });
    const { columns } = await readAll(tempFile(`${encoding}.parquet`, new Uint8Array(buffer)), [cat('r')]);
    assert.deepEqual(columns.r, [null, 'a', null, null, 'b', 'é', null, 'a', null, 'n/a'], encoding);
  }
});

test('bytes that are not UTF-8 become the text a UTF-8 decoder makes of them, one code per text', async () => {
  const bytes = [Uint8Array.from([0x61, 0xff]), Uint8Array.from([0x61, 0xfe]), Uint8Array.from([0x62])];
  const buffer = parquetWriteBuffer({ columnData: [{ name: 'r', data: bytes, type: 'BYTE_ARRAY', nullable: false }] });
  const reader = await openTable({ path: tempFile('bytes.parquet', new Uint8Array(buffer)) }, [cat('r')]);
  for await (const batch of reader.batches()) {
    const column = batch.columns.get('r');
    assert.equal(column?.kind, 'category');
    if (column?.kind !== 'category') return;
    assert.deepEqual(Array.from(column.codes), [0, 0, 1]);
    assert.deepEqual(column.dictionary, ['a\uFFFD', 'b']);
  }
});
