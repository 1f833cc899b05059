import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { typeOfValues } from '../../src/app/records/column-types.ts';
import { profileTable, SCHEMA_SAMPLE_ROWS, tabularFormatOf } from '../../src/app/records/table-profile.ts';

test('column types are the narrowest that fit every sampled value', () => {
  assert.equal(typeOfValues(['1', '-20', '+3']), 'integer');
  assert.equal(typeOfValues(['1', '2.5', '1e-3', '.5']), 'number');
  assert.equal(typeOfValues(['true', 'FALSE']), 'boolean');
  assert.equal(typeOfValues(['1', 'a']), 'string');
  assert.equal(typeOfValues([]), 'empty');
});

test('tabular files are told by extension; other files are not read as tables', () => {
  assert.equal(tabularFormatOf('a/b.CSV'), 'csv');
  assert.equal(tabularFormatOf('b.tsv'), 'csv');
  assert.equal(tabularFormatOf('b.ndjson'), 'jsonl');
  assert.equal(tabularFormatOf('b.parquet'), 'parquet');
  assert.equal(tabularFormatOf('model.bin'), undefined);
  assert.equal(tabularFormatOf('notes.txt'), undefined);
});

test('a CSV profile counts every row beyond the schema sample and types each column', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'steward-table-'));
  const rows = SCHEMA_SAMPLE_ROWS + 1234;
  const lines = ['id,score,ok,name,blank'];
  for (let i = 0; i < rows; i++) lines.push(`${i},${(i / 7).toFixed(3)},${i % 2 === 0},n${i},`);
  const path = join(dir, 'data.csv');
  writeFileSync(path, `${lines.join('\n')}\n`);
  const profile = await profileTable(path, 'csv');
  assert.equal(profile.rows, rows);
  assert.deepEqual(profile.columns, [
    { name: 'id', type: 'integer' },
    { name: 'score', type: 'number' },
    { name: 'ok', type: 'boolean' },
    { name: 'name', type: 'string' },
    { name: 'blank', type: 'empty' },
  ]);
});

test('a JSONL profile reads numbers, booleans and text from JSON values', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'steward-table-'));
  const path = join(dir, 'data.jsonl');
  writeFileSync(path, '{"a":1,"b":"x","c":true}\n{"a":2,"b":"y","c":false}\n{"a":3,"b":null,"c":true}\n');
  const profile = await profileTable(path, 'jsonl');
  assert.equal(profile.rows, 3);
  assert.deepEqual(profile.columns.map((c) => c.type), ['integer', 'string', 'boolean']);
});
