import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { isStewardError, type Location } from '../../src/core/index.ts';
import { openTable, type ColumnRequest, type ReadOptions, type ReadProgress } from '../../src/readers/index.ts';
import { cat, num, tempFile } from './helpers.ts';

const THREAD: ReadOptions = { threadBytes: 0 };
const INLINE: ReadOptions = { threadBytes: Number.POSITIVE_INFINITY };

/** Everything a pass shows a caller: batches (values, first rows, locations), onChunk bytes, last progress, error. */
interface Observed {
  readonly batches: { firstRow: number; rows: number; columns: Record<string, (number | string | null)[]>; invalid: Record<string, unknown>; where: Location[] }[];
  readonly bytes: string;
  readonly progress: ReadProgress | undefined;
  readonly error: unknown;
}

async function observe(path: string, requests: readonly ColumnRequest[], options: ReadOptions): Promise<Observed> {
  const chunks: Buffer[] = [];
  let progress: ReadProgress | undefined;
  const batches: Observed['batches'] = [];
  let error: unknown;
  try {
    const reader = await openTable({ path }, requests, { ...options, onChunk: (bytes) => chunks.push(Buffer.from(bytes)), onProgress: (p) => (progress = p) });
    for await (const batch of reader.batches()) {
      const columns: Record<string, (number | string | null)[]> = {};
      const invalid: Record<string, unknown> = {};
      for (const [name, column] of batch.columns) {
        if (column.kind === 'number') {
          columns[name] = Array.from(column.values, (value) => (Number.isNaN(value) ? null : value));
          if (column.invalid !== undefined) invalid[name] = column.invalid;
        } else {
          columns[name] = Array.from(column.codes, (code) => (code < 0 ? null : (column.dictionary[code] ?? '?')));
        }
      }
      const where: Location[] = [];
      for (let row = 0; row < batch.rows; row++) {
        where.push(batch.locate(row));
        for (const request of requests) where.push(batch.locate(row, request.name));
      }
      batches.push({ firstRow: batch.firstRow, rows: batch.rows, columns, invalid, where });
    }
  } catch (caught) {
    error = isStewardError(caught) ? { code: caught.code, problem: caught.problem } : caught;
  }
  return { batches, bytes: Buffer.concat(chunks).toString('latin1'), progress, error };
}

const piece = fc.constantFrom('1', '-2.5', 'x', 'é', '', 'NA', '"q"', '"a,b"', '"l1\nl2"', '""', '1e3', 'abc', '🙂');
const glitch = fc.constantFrom('', '', '', '"', ',', '\n', '\r\n', 'z"z', '\xff');

test('a pass parsed in the worker thread shows the caller exactly what an inline pass shows, bad input included', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.array(piece, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 30 }),
      fc.nat(),
      glitch,
      fc.integer({ min: 1, max: 7 }),
      fc.integer({ min: 1, max: 40 }),
      fc.boolean(),
      async (rows, at, bad, batchRows, chunkBytes, collectInvalid) => {
        const lines = ['a,b,c', ...rows.map((row) => row.join(','))];
        let text = `${lines.join('\n')}\n`;
        const cut = at % text.length;
        text = text.slice(0, cut) + bad + text.slice(cut);
        const path = tempFile('thread.csv', Buffer.from(text, bad === '\xff' ? 'latin1' : 'utf8'));
        const requests: ColumnRequest[] = [{ name: 'a', kind: 'number', collectInvalid }, cat('b'), cat('c')];
        const inline = await observe(path, requests, { ...INLINE, batchRows, chunkBytes });
        const threaded = await observe(path, requests, { ...THREAD, batchRows, chunkBytes });
        assert.deepEqual(threaded, inline);
        if (inline.error === undefined) assert.equal(threaded.bytes, readFileSync(path).toString('latin1'));
      },
    ),
    { numRuns: 25 },
  );
});

test('the worker thread reports a bad value at its file:line:column after handing over the batches before it', async () => {
  const body = Array.from({ length: 50 }, (_, i) => `${i},g${i % 3}`).join('\n');
  const path = tempFile('late-error.csv', `a,b\n${body}\n7,"x"y\n`);
  const seen: number[] = [];
  const reader = await openTable({ path }, [num('a'), cat('b')], { ...THREAD, batchRows: 8 });
  await assert.rejects(
    async () => {
      for await (const batch of reader.batches()) seen.push(batch.firstRow);
    },
    (error: unknown) => isStewardError(error) && error.code === 'INPUT_MALFORMED_QUOTE' && error.problem.location?.line === 52 && error.problem.location.column === 6,
  );
  assert.deepEqual(seen, [0, 8, 16, 24, 32, 40]); // rows 48-49 wait in an unfinished batch, as inline
});

test('stopping a threaded pass early ends its thread; the next pass starts over with fresh codes', async () => {
  const body = Array.from({ length: 200 }, (_, i) => `${i},${i % 2 === 0 ? 'even' : 'odd'}`).join('\n');
  const path = tempFile('early.csv', `a,b\n${body}\n`);
  const reader = await openTable({ path }, [num('a'), cat('b')], { ...THREAD, batchRows: 10 });
  for await (const batch of reader.batches()) {
    assert.equal(batch.firstRow, 0);
    break;
  }
  let total = 0;
  let odd = 0;
  for await (const batch of reader.batches()) {
    const column = batch.columns.get('b');
    assert.equal(column?.kind, 'category');
    if (column?.kind !== 'category') continue;
    assert.deepEqual(column.dictionary, ['even', 'odd']);
    for (const code of column.codes) if (column.dictionary[code] === 'odd') odd++;
    total += batch.rows;
  }
  assert.equal(total, 200);
  assert.equal(odd, 100);
});
