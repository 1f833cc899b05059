import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cat, num, readAll, rejectsWith, tempFile } from './helpers.ts';

test('a row with too many fields is INPUT_RAGGED_ROW at the first extra field', async () => {
  const path = tempFile('ragged-long.csv', 'a,b\n1,2\n3,4,5\n');
  const message = await rejectsWith(() => readAll(path, [num('a')]), 'INPUT_RAGGED_ROW', { file: path, line: 3, column: 5 });
  assert.match(message, /expected 2 fields/);
});

test('a row with too few fields is INPUT_RAGGED_ROW at the end of the row', async () => {
  const path = tempFile('ragged-short.csv', 'a,b,c\n1,2,3\n"x\ny",5\n');
  await rejectsWith(() => readAll(path, [num('b')]), 'INPUT_RAGGED_ROW', { line: 4, column: 5 });
});

test('an unclosed quote is INPUT_UNTERMINATED_QUOTE at the opening quote', async () => {
  const path = tempFile('open-quote.csv', 'a,b\n1,2\n3,"abc\ndef\n');
  const message = await rejectsWith(() => readAll(path, [num('a')]), 'INPUT_UNTERMINATED_QUOTE', { line: 3, column: 3 });
  assert.match(message, /column "b"/);
});

test('text after a closing quote is INPUT_MALFORMED_QUOTE where the text starts', async () => {
  const path = tempFile('after-quote.csv', 'a,b\n1,"x"y\n');
  const message = await rejectsWith(() => readAll(path, [num('a')]), 'INPUT_MALFORMED_QUOTE', { line: 2, column: 6 });
  assert.match(message, /column "b"/);
});

test('a quote inside an unquoted field is INPUT_MALFORMED_QUOTE at the quote', async () => {
  const path = tempFile('bare-quote.csv', 'a,b\n1,ab"c\n');
  await rejectsWith(() => readAll(path, [cat('b')]), 'INPUT_MALFORMED_QUOTE', { line: 2, column: 5 });
});

test('invalid UTF-8 in a category value is INPUT_INVALID_UTF8 at the bad character', async () => {
  const bytes = Buffer.concat([Buffer.from('a,b\n1,é'), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]);
  const path = tempFile('utf8.csv', bytes);
  await rejectsWith(() => readAll(path, [cat('b')]), 'INPUT_INVALID_UTF8', { line: 2, column: 4 });
});

test('invalid UTF-8 in the header is INPUT_INVALID_UTF8', async () => {
  const path = tempFile('utf8-header.csv', Buffer.concat([Buffer.from('a,b'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('\n1,2\n')]));
  await rejectsWith(() => readAll(path, [num('a')]), 'INPUT_INVALID_UTF8', { line: 1, column: 4 });
});

test('a value that is not a number in a number column is INPUT_NOT_A_NUMBER naming the column', async () => {
  const path = tempFile('nan.csv', 'id,score\n1,0.5\n2,  high\n');
  const message = await rejectsWith(() => readAll(path, [num('score')]), 'INPUT_NOT_A_NUMBER', { line: 3, column: 3 });
  assert.match(message, /"score"/);
  assert.match(message, /expected a number/);
});

test('hexadecimal, infinite and overflowing values are not numbers', async () => {
  for (const text of ['0x10', 'Infinity', '1e999', '1,5', '--1', '1e', '.']) {
    const path = tempFile('odd.csv', `x\n"${text}"\n`);
    await rejectsWith(() => readAll(path, [num('x')]), 'INPUT_NOT_A_NUMBER', { line: 2, column: 1 });
  }
});

test('an empty file, a file with only a BOM and a header-only file are INPUT_EMPTY_FILE', async () => {
  await rejectsWith(() => readAll(tempFile('empty.csv', ''), [num('a')]), 'INPUT_EMPTY_FILE');
  await rejectsWith(() => readAll(tempFile('bom-only.csv', '\uFEFF\n\n'), [num('a')]), 'INPUT_EMPTY_FILE');
  await rejectsWith(() => readAll(tempFile('header-only.csv', 'a,b\r\n\r\n'), [num('a')]), 'INPUT_EMPTY_FILE', { line: 1 });
});

test('a header naming a column twice is INPUT_DUPLICATE_COLUMN at the second one', async () => {
  const path = tempFile('dup.csv', 'a,b,"a"\n1,2,3\n');
  const message = await rejectsWith(() => readAll(path, [num('b')]), 'INPUT_DUPLICATE_COLUMN', { line: 1, column: 5 });
  assert.match(message, /"a"/);
});

test('a requested column missing from the header is INPUT_MISSING_COLUMN with a suggestion', async () => {
  const path = tempFile('missing-col.csv', 'y_true,y_pred,score\n1,0,0.3\n');
  const message = await rejectsWith(() => readAll(path, [num('scroe')]), 'INPUT_MISSING_COLUMN', { file: path, line: 1 });
  assert.match(message, /did you mean "score"\?/);
});

test('a missing file is INPUT_FILE_NOT_FOUND and an unknown extension INPUT_UNKNOWN_FORMAT', async () => {
  await rejectsWith(() => readAll(`${tempFile('x.csv', 'a\n1\n')}.gone.csv`, [num('a')]), 'INPUT_FILE_NOT_FOUND');
  await rejectsWith(() => readAll(tempFile('x.xlsx', 'a\n1\n'), [num('a')]), 'INPUT_UNKNOWN_FORMAT');
});

test('a delimiter that is a quote or longer than one byte is a usage error', async () => {
  const path = tempFile('d.csv', 'a\n1\n');
  await rejectsWith(() => readAll({ path, delimiter: '"' }, [num('a')]), 'USAGE_INVALID_ARGUMENT');
  await rejectsWith(() => readAll({ path, delimiter: '::' }, [num('a')]), 'USAGE_INVALID_ARGUMENT');
});
