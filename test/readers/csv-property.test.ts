import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { MISSING_TOKENS } from '../../src/readers/index.ts';
import { cat, num, readAll, tempFile, type Cell } from './helpers.ts';

const unit = fc.oneof(
  fc.constantFrom(',', '"', '""', '\n', '\r', '\r\n', ' ', 'a', 'é', '🙂', '\t'),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
);
const text = fc.string({ unit, maxLength: 8 });

const table = fc
  .record({
    kinds: fc.array(fc.constantFrom('number' as const, 'category' as const), { minLength: 2, maxLength: 5 }),
    rows: fc.integer({ min: 1, max: 12 }),
  })
  .chain(({ kinds, rows }) =>
    fc.record({
      names: fc.uniqueArray(text.filter((name) => name !== ''), { minLength: kinds.length, maxLength: kinds.length }),
      kinds: fc.constant(kinds),
      cells: fc.array(
        fc.tuple(...kinds.map((kind) => (kind === 'number' ? fc.double({ noNaN: true, noDefaultInfinity: true }) : text))),
        { minLength: rows, maxLength: rows },
      ),
      quoteAll: fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }),
      crlf: fc.boolean(),
      bom: fc.boolean(),
      finalNewline: fc.boolean(),
      chunkBytes: fc.integer({ min: 1, max: 64 }),
    }),
  );

/** RFC 4180 writing: quote when needed, and sometimes when not. */
function field(value: string, forceQuote: boolean): string {
  return forceQuote || /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

test('random tables written as CSV (random quoting, CRLF, BOM) read back to the same values', async () => {
  await fc.assert(
    fc.asyncProperty(table, async ({ names, kinds, cells, quoteAll, crlf, bom, finalNewline, chunkBytes }) => {
      const eol = crlf ? '\r\n' : '\n';
      let flag = 0;
      const quote = (): boolean => quoteAll[flag++ % quoteAll.length] ?? false;
      const lines = [names.map((name) => field(name, quote())).join(',')];
      for (const row of cells) lines.push(row.map((value) => field(String(value), quote())).join(','));
      const path = tempFile('prop.csv', `${bom ? '\uFEFF' : ''}${lines.join(eol)}${finalNewline ? eol : ''}`);
      const requests = names.map((name, i) => (kinds[i] === 'number' ? num(name) : cat(name)));
      const { columns } = await readAll(path, requests, { chunkBytes });
      names.forEach((name, i) => {
        const expected: Cell[] = cells.map((row) => {
          const value = row[i];
          if (typeof value === 'number') return Number(String(value));
          return MISSING_TOKENS.includes(value ?? '') ? null : (value ?? null);
        });
        assert.deepEqual(columns[name], expected);
      });
    }),
    { numRuns: 300 },
  );
});
