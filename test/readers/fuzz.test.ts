import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { isStewardError } from '../../src/core/index.ts';
import type { TableFormat } from '../../src/readers/index.ts';
import { cat, num, readAll, tempFile } from './helpers.ts';

const requests = [num('a'), cat('b')];

/** Reads the bytes as `format`; anything thrown must be a StewardError (a user-fixable, coded problem). */
async function readsOrFailsCleanly(bytes: Uint8Array, format: TableFormat, chunkBytes: number): Promise<void> {
  try {
    await readAll({ path: tempFile(`fuzz.${format}`, bytes), format }, requests, { chunkBytes, batchRows: 3, stallMs: 2000 });
  } catch (error) {
    assert.ok(isStewardError(error), `${format}: ${error instanceof Error ? error.stack : String(error)}`);
  }
}

const csvSeed = Buffer.from('a,b\r\n1,"x,""y"""\n2.5,"multi\nline"\nNA,z\n-1e3,é🙂\n');
const jsonlSeed = Buffer.from('{"a": 1, "b": "x"}\n{"a": null, "b": true}\r\n\n{"a": "2.5", "b": 3}\n');
const parquetSeed = new Uint8Array(
  parquetWriteBuffer({
    columnData: [
      { name: 'a', data: [1.5, null, 3, 4, 5, 6], type: 'DOUBLE', nullable: true },
      { name: 'b', data: ['x', 'y', null, 'x', 'z', 'é'], type: 'STRING', nullable: true },
    ],
    rowGroupSize: 2,
  }),
);

/** A seed file with random bytes overwritten, inserted or cut off. */
function mutated(seed: Uint8Array): fc.Arbitrary<Uint8Array> {
  return fc
    .record({
      edits: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom('set', 'insert', 'delete')), { maxLength: 6 }),
      cut: fc.option(fc.nat(), { nil: undefined }),
    })
    .map(({ edits, cut }) => {
      const bytes = [...seed];
      for (const [at, value, kind] of edits) {
        const index = at % (bytes.length + 1);
        if (kind === 'set' && index < bytes.length) bytes[index] = value;
        else if (kind === 'insert') bytes.splice(index, 0, value);
        else bytes.splice(index, 1);
      }
      return Uint8Array.from(cut === undefined ? bytes : bytes.slice(0, cut % (bytes.length + 1)));
    });
}

const formats: [TableFormat, Uint8Array][] = [
  ['csv', csvSeed],
  ['jsonl', jsonlSeed],
  ['parquet', parquetSeed],
];

for (const [format, seed] of formats) {
  test(`${format}: random and mutated bytes only ever fail with a StewardError`, { timeout: 120_000 }, async () => {
    await readsOrFailsCleanly(seed, format, 1 << 20);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(mutated(seed), fc.uint8Array({ maxLength: 200 })),
        fc.integer({ min: 1, max: 16 }),
        (bytes, chunkBytes) => readsOrFailsCleanly(bytes, format, chunkBytes),
      ),
      { numRuns: format === 'parquet' ? 150 : 300 },
    );
  });

  test(`${format}: every truncation of a valid file only ever fails with a StewardError`, { timeout: 120_000 }, async () => {
    for (let length = 0; length <= seed.length; length++) await readsOrFailsCleanly(seed.subarray(0, length), format, 5);
  });
}
