import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import fc from 'fast-check';
import { openTable, type ReadOptions } from '../../src/readers/index.ts';
import { readAll, tempFile } from './helpers.ts';

/** Concatenates what onChunk saw during one full pass of batches(). */
async function seenBytes(path: string, options: ReadOptions, kind: 'number' | 'category'): Promise<Buffer> {
  const parts: Buffer[] = [];
  const reader = await openTable({ path }, [{ name: 'a', kind }], { ...options, onChunk: (bytes) => parts.push(Buffer.from(bytes)) });
  for await (const batch of reader.batches()) assert.ok(batch.rows > 0);
  return Buffer.concat(parts);
}

test('CSV: onChunk sees every byte of the file exactly once, in order, whatever the chunk size', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.tuple(fc.integer({ min: -1000, max: 1000 }), fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 40 }),
      fc.integer({ min: 1, max: 64 }),
      async (rows, chunkBytes) => {
        const text = `a,b\r\n${rows.map(([a, b]) => `${a},"${b.replaceAll('"', '""')}"`).join('\n')}\n`;
        const path = tempFile('chunks.csv', text);
        const seen = await seenBytes(path, { chunkBytes, batchRows: 7 }, 'number');
        assert.equal(createHash('sha256').update(seen).digest('hex'), createHash('sha256').update(text).digest('hex'));
      },
    ),
    { numRuns: 60 },
  );
});

test('JSONL: onChunk sees the whole file, so its hash is the file digest', async () => {
  const text = '{"a":"x"}\n{"a":"y"}\n{"a":null}\n';
  const path = tempFile('chunks.jsonl', text);
  const seen = await seenBytes(path, { chunkBytes: 5 }, 'category');
  assert.equal(seen.toString('utf8'), text);
});

test('reading with onChunk decodes the same values as reading without it', async () => {
  const path = tempFile('same.csv', 'a,b\n1,x\n2,y\n,z\n3,w\n');
  const plain = await readAll(path, [{ name: 'a', kind: 'number' }], { chunkBytes: 3 });
  const hashed = await readAll(path, [{ name: 'a', kind: 'number' }], { chunkBytes: 3, onChunk: () => undefined });
  assert.deepEqual(hashed.columns, plain.columns);
  assert.deepEqual(plain.columns['a'], [1, 2, null, 3]);
});
