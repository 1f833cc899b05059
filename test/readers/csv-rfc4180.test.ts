import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openTable } from '../../src/readers/index.ts';
import { cat, num, readAll, tempFile } from './helpers.ts';

test('quoted fields may hold delimiters, doubled quotes and newlines', async () => {
  const path = tempFile('q.csv', 'name,note\n"Smith, J","said ""hi"""\n"multi\nline","a\r\nb"\n');
  const { columns } = await readAll(path, [cat('name'), cat('note')]);
  assert.deepEqual(columns.name, ['Smith, J', 'multi\nline']);
  assert.deepEqual(columns.note, ['said "hi"', 'a\r\nb']);
});

test('CRLF and LF line ends read the same values', async () => {
  const lf = tempFile('lf.csv', 'a,b\n1,x\n2,y\n');
  const crlf = tempFile('crlf.csv', 'a,b\r\n1,x\r\n2,y\r\n');
  const requests = [num('a'), cat('b')];
  assert.deepEqual((await readAll(crlf, requests)).columns, (await readAll(lf, requests)).columns);
  assert.deepEqual((await readAll(lf, requests)).columns, { a: [1, 2], b: ['x', 'y'] });
});

test('a UTF-8 byte order mark is not part of the first column name', async () => {
  const path = tempFile('bom.csv', '\uFEFFid,v\n1,2\n');
  const { header, columns } = await readAll(path, [num('id')]);
  assert.deepEqual(header, ['id', 'v']);
  assert.deepEqual(columns.id, [1]);
});

test('the last row may lack a line end, and blank lines are skipped', async () => {
  const path = tempFile('end.csv', 'a\n1\n\n2\r\n\r\n\n3');
  assert.deepEqual((await readAll(path, [num('a')])).columns.a, [1, 2, 3]);
  const trailing = tempFile('blank-end.csv', 'a,b\n1,2\n\n\n');
  assert.deepEqual((await readAll(trailing, [num('b')])).columns.b, [2]);
});

test('a .tsv file is split on tabs, and any single-byte delimiter can be chosen', async () => {
  const tsv = tempFile('t.tsv', 'a\tb\n1,5\t"x\ty"\n');
  assert.deepEqual((await readAll(tsv, [cat('a'), cat('b')])).columns, { a: ['1,5'], b: ['x\ty'] });
  const semicolon = tempFile('s.csv', 'a;b\n1;2\n');
  assert.deepEqual((await readAll({ path: semicolon, delimiter: ';' }, [num('b')])).columns.b, [2]);
});

test('empty fields and NA, N/A, NaN, nan, null, NULL are missing in both kinds of column', async () => {
  const path = tempFile('missing.csv', 'x,g\n,\nNA,NA\nN/A,N/A\nNaN,NaN\nnan,nan\nnull,null\nNULL,NULL\n"",""\n1.5,a\n');
  const { columns } = await readAll(path, [num('x'), cat('g')]);
  assert.deepEqual(columns.x, [null, null, null, null, null, null, null, null, 1.5]);
  assert.deepEqual(columns.g, [null, null, null, null, null, null, null, null, 'a']);
});

test('numbers in every decimal form are parsed as Number() parses them', async () => {
  const texts = ['0', '-0', '+7', '3.25', '.5', '5.', '-1e-3', '2E+10', '12345678901234567890', '0.1', '1e300', ' 42 ', '4.9e-324', '9007199254740993'];
  const path = tempFile('numbers.csv', `x\n${texts.map((text) => `"${text}"`).join('\n')}\n`);
  const { columns } = await readAll(path, [num('x')]);
  assert.deepEqual(columns.x, texts.map((text) => Number(text)));
});

test('columns that were not requested are skipped without being decoded', async () => {
  // the skipped column holds text that is neither a number nor valid UTF-8
  const bytes = Buffer.concat([Buffer.from('keep,skip\n1,'), Buffer.from([0xff, 0xfe]), Buffer.from('\n2,abc\n')]);
  const path = tempFile('skip.csv', bytes);
  assert.deepEqual((await readAll(path, [num('keep')])).columns.keep, [1, 2]);
});

test('category codes keep their meaning across batches, with one shared dictionary', async () => {
  const rows = Array.from({ length: 10 }, (_, i) => ['a', 'b', 'c'][i % 3]).join('\n');
  const path = tempFile('dict.csv', `g\n${rows}\n`);
  const reader = await openTable({ path }, [cat('g')], { batchRows: 4 });
  const seen: string[] = [];
  const dictionaries = new Set<readonly string[]>();
  for await (const batch of reader.batches()) {
    const column = batch.columns.get('g');
    assert.equal(column?.kind, 'category');
    if (column?.kind !== 'category') continue;
    dictionaries.add(column.dictionary);
    for (const code of column.codes) seen.push(column.dictionary[code] ?? '?');
  }
  assert.equal(dictionaries.size, 1);
  assert.deepEqual(seen, Array.from({ length: 10 }, (_, i) => ['a', 'b', 'c'][i % 3]));
});

test('batches hold batchRows rows with their first row index and file lines', async () => {
  const path = tempFile('lines.csv', 'a,b\n1,x\n"2\n",y\n3,z\n');
  const reader = await openTable({ path }, [cat('a'), cat('b')], { batchRows: 2 });
  const batches = [];
  for await (const batch of reader.batches()) batches.push(batch);
  assert.deepEqual(batches.map((batch) => [batch.rows, batch.firstRow]), [[2, 0], [1, 2]]);
  assert.deepEqual(batches[0]?.locate(1, 'a'), { file: path, line: 3, column: 1 });
  assert.deepEqual(batches[0]?.locate(1, 'b'), { file: path, line: 4, column: 3 });
  assert.deepEqual(batches[1]?.locate(0, 'b'), { file: path, line: 5, column: 3 });
});

test('a non-ASCII value is located by character column, not byte column', async () => {
  const path = tempFile('chars.csv', 'a,b,c\nÄÖÜ,ß,1\n');
  const reader = await openTable({ path }, [cat('c')]);
  for await (const batch of reader.batches()) assert.deepEqual(batch.locate(0, 'c'), { file: path, line: 2, column: 7 });
});
