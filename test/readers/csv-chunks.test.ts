import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isStewardError } from '../../src/core/index.ts';
import { cat, num, readAll, tempFile } from './helpers.ts';

/** A file that puts every tricky construct somewhere: quotes, doubled quotes, CRLF, newlines in quotes, UTF-8. */
const tricky = [
  '\uFEFFid,"na""me",score,note\r\n',
  '1,"Zoë, the ""first""",0.25,"multi\r\nline"\r\n',
  '2,Ålesund,-1e-3,\r\n',
  '\r\n',
  '3,"",12345.5,"日本語"\n',
  '4,plain,NA,"x\ny\nz"\r\n',
  '5,🙂,7,last',
].join('');

const requests = [num('id'), cat('na"me'), num('score'), cat('note')];

test('every chunk size from 1 byte up reads the same values as one big chunk', async () => {
  const path = tempFile('tricky.csv', tricky);
  const whole = await readAll(path, requests);
  assert.deepEqual(whole.columns.id, [1, 2, 3, 4, 5]);
  assert.deepEqual(whole.columns['na"me'], ['Zoë, the "first"', 'Ålesund', null, 'plain', '🙂']);
  for (let chunkBytes = 1; chunkBytes <= 24; chunkBytes++) {
    assert.deepEqual((await readAll(path, requests, { chunkBytes })).columns, whole.columns, `chunkBytes ${chunkBytes}`);
  }
  assert.deepEqual((await readAll(path, requests, { chunkBytes: 7, batchRows: 2 })).columns, whole.columns);
});

test('errors report the same line and column whatever the chunk size', async () => {
  const path = tempFile('late-error.csv', `${tricky}\n6,"ok",oops,x\n`);
  const seen = new Set<string>();
  for (const chunkBytes of [1, 2, 3, 5, 7, 11, 1 << 20]) {
    try {
      await readAll(path, requests, { chunkBytes });
      assert.fail('expected INPUT_NOT_A_NUMBER');
    } catch (error) {
      assert.ok(isStewardError(error));
      seen.add(`${error.code}@${error.problem.location?.line}:${error.problem.location?.column}`);
    }
  }
  assert.deepEqual([...seen], ['INPUT_NOT_A_NUMBER@11:8']);
});

test('a row longer than the chunk grows the window instead of failing', async () => {
  const long = 'x'.repeat(5000);
  const path = tempFile('long.csv', `a,b\n"${long}",1\n${long},2\n`);
  const { columns } = await readAll(path, [cat('a'), num('b')], { chunkBytes: 16 });
  assert.deepEqual(columns, { a: [long, long], b: [1, 2] });
});

test('progress is reported per chunk with bytes read and the file size', async () => {
  const path = tempFile('progress.csv', `a\n${Array.from({ length: 200 }, (_, i) => i).join('\n')}\n`);
  const reports: { bytesRead: number; totalBytes: number; rowsRead: number }[] = [];
  await readAll(path, [num('a')], { chunkBytes: 64, onProgress: (progress) => reports.push(progress) });
  const last = reports.at(-1);
  assert.ok(reports.length > 5 && reports.length < 40, `${reports.length} reports`);
  assert.equal(last?.bytesRead, last?.totalBytes);
  assert.equal(last?.rowsRead, 200);
  for (let i = 1; i < reports.length; i++) assert.ok((reports[i]?.bytesRead ?? 0) >= (reports[i - 1]?.bytesRead ?? 0));
});
