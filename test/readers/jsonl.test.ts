import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openTable } from '../../src/readers/index.ts';
import { cat, num, readAll, rejectsWith, tempFile } from './helpers.ts';

test('JSONL values map to the requested kind; null and absent keys are missing', async () => {
  const path = tempFile('e.jsonl', [
    '{"y": 1, "p": true, "s": 0.75, "g": "a", "extra": {"x": 1}}',
    '{"y": 0, "p": false, "s": "0.25", "g": null}',
    '',
    '{"y": "yes", "s": null, "g": 7}\r',
  ].join('\n'));
  const { header, columns } = await readAll(path, [cat('y'), cat('p'), num('s'), cat('g')]);
  assert.deepEqual(header, ['y', 'p', 's', 'g', 'extra']);
  assert.deepEqual(columns, { y: ['1', '0', 'yes'], p: ['true', 'false', null], s: [0.75, 0.25, null], g: ['a', null, '7'] });
});

test('.ndjson is JSONL, a BOM is skipped, and booleans in a number column read as 1/0', async () => {
  const path = tempFile('e.ndjson', '\uFEFF{"b": true}\n{"b": false}\n');
  assert.deepEqual((await readAll(path, [num('b')])).columns.b, [1, 0]);
});

test('a line that is not JSON is INPUT_INVALID_JSON at its line and the parser position', async () => {
  const path = tempFile('bad.jsonl', '{"a": 1}\n\n{"a": 2,}\n');
  await rejectsWith(() => readAll(path, [num('a')]), 'INPUT_INVALID_JSON', { line: 3, column: 9 });
  const cut = tempFile('cut.jsonl', '{"a": 1}\n{"a": ');
  await rejectsWith(() => readAll(cut, [num('a')]), 'INPUT_INVALID_JSON', { line: 2, column: 7 });
});

test('a line holding an array or a number is INPUT_INVALID_JSON', async () => {
  await rejectsWith(() => readAll(tempFile('arr.jsonl', '{"a": 1}\n[1]\n'), [num('a')]), 'INPUT_INVALID_JSON', { line: 2, column: 1 });
  await rejectsWith(() => readAll(tempFile('num.jsonl', '3\n'), [num('a')]), 'INPUT_INVALID_JSON', { line: 1 });
});

test('an object where a value was expected is INPUT_INVALID_VALUE at the key', async () => {
  const path = tempFile('obj.jsonl', '{"a": 1, "g": "x"}\n{"a": 2, "g": {"k": 1}}\n');
  const message = await rejectsWith(() => readAll(path, [cat('g')]), 'INPUT_INVALID_VALUE', { line: 2, column: 10, path: 'g' });
  assert.match(message, /an object/);
});

test('a string that is not a number in a number column is INPUT_NOT_A_NUMBER', async () => {
  await rejectsWith(() => readAll(tempFile('nan.jsonl', '{"s": 0.1}\n{"s": "high"}\n'), [num('s')]), 'INPUT_NOT_A_NUMBER', { line: 2, column: 2 });
});

test('missing columns are checked against the first record, with a suggestion', async () => {
  const path = tempFile('keys.jsonl', '{"score": 1}\n{"score": 2, "late": 3}\n');
  const message = await rejectsWith(() => readAll(path, [num('scor')]), 'INPUT_MISSING_COLUMN', { line: 1 });
  assert.match(message, /did you mean "score"/);
  await rejectsWith(() => readAll(path, [num('late')]), 'INPUT_MISSING_COLUMN');
});

test('an empty JSONL file is INPUT_EMPTY_FILE; invalid UTF-8 is INPUT_INVALID_UTF8 with its column', async () => {
  await rejectsWith(() => readAll(tempFile('empty.jsonl', '\n \n'), [num('a')]), 'INPUT_EMPTY_FILE');
  const bytes = Buffer.concat([Buffer.from('{"a": 1}\n{"a": "é'), Buffer.from([0xff]), Buffer.from('"}\n')]);
  await rejectsWith(() => readAll(tempFile('utf8.jsonl', bytes), [cat('a')]), 'INPUT_INVALID_UTF8', { line: 2, column: 9 });
});

test('JSONL lines longer than a chunk and tiny chunks read the same records', async () => {
  const long = 'x'.repeat(3000);
  const path = tempFile('long.jsonl', `{"a": "${long}", "n": 1}\r\n{"a": "é", "n": 2}\n`);
  const whole = await readAll(path, [cat('a'), num('n')]);
  assert.deepEqual(whole.columns, { a: [long, 'é'], n: [1, 2] });
  for (const chunkBytes of [1, 2, 3, 7]) assert.deepEqual((await readAll(path, [cat('a'), num('n')], { chunkBytes })).columns, whole.columns);
});

test('JSONL rows are located by line and key', async () => {
  const path = tempFile('loc.jsonl', '{"a": 1}\n\n{"a": 2}\n');
  const reader = await openTable({ path }, [num('a')]);
  for await (const batch of reader.batches()) assert.deepEqual(batch.locate(1, 'a'), { file: path, line: 3, path: 'a' });
});
