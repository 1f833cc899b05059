import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { openTable, type ColumnRequest } from '../../src/readers/index.ts';
import { NOT_A_NUMBER, parseNumberText } from '../../src/readers/columns/number-parse.ts';
import { rejectsWith, tempFile } from './helpers.ts';

// The CSV scanner parses plain decimals of number columns itself (CsvScanner.setNumberSlots) and leaves every other
// field to parseNumberBytes. Whichever path a field takes, the value must be exactly Number(text) (NaN for a missing
// token), bit for bit and with the sign of zero, for every way numbers are written, at every chunk boundary.

const sign = fc.constantFrom('', '', '-', '+');
const zeros = fc.constantFrom('', '', '0', '000');

/** Decimals around the fast path's limits: mantissas up to past 2^53, up to 24 fraction digits, leading zeros. */
const decimal = fc
  .tuple(sign, zeros, fc.bigInt({ min: 0n, max: 2n ** 54n }), fc.integer({ min: 0, max: 24 }), fc.boolean())
  .map(([s, z, mantissa, scale, trailingPoint]) => {
    const digits = mantissa.toString().padStart(scale + 1, '0');
    const whole = digits.slice(0, digits.length - scale);
    const fraction = digits.slice(digits.length - scale);
    return `${s}${z}${whole}${fraction === '' ? (trailingPoint ? '.' : '') : `.${fraction}`}`;
  });

/** Doubles as JavaScript prints them: shortest form, fixed, precision and exponent forms. */
const printed = fc
  .tuple(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e25, max: 1e25 }), fc.integer({ min: 0, max: 20 }), fc.nat(3))
  .map(([x, k, form]) => [String(x), x.toFixed(k), x.toPrecision(k + 1), x.toExponential(k)][form] as string);

const special = fc.constantFrom(
  '0', '-0', '+0', '-0.0', '.5', '-.5', '5.', '+.25', '007', '9007199254740991', '9007199254740992', '9007199254740993',
  '0.0000000000000000000001', '0.00000000000000000000001', '1e5', '1E-5', '2.5e+3', '', 'NA', 'null', 'NaN',
);

const text = fc.oneof({ arbitrary: decimal, weight: 4 }, { arbitrary: printed, weight: 3 }, { arbitrary: special, weight: 1 });

function expected(raw: string): number {
  const value = parseNumberText(raw);
  assert.notEqual(value, NOT_A_NUMBER, `generator made a non-number: ${raw}`);
  return value;
}

async function readNumbers(path: string, delimiter: string, requests: readonly ColumnRequest[], chunkBytes: number): Promise<Map<string, number[]>> {
  const reader = await openTable({ path, delimiter }, requests, { chunkBytes, threadBytes: Number.POSITIVE_INFINITY });
  const out = new Map<string, number[]>(requests.map((r) => [r.name, []]));
  for await (const batch of reader.batches()) {
    for (const [name, column] of batch.columns) if (column.kind === 'number') out.get(name)?.push(...column.values);
  }
  return out;
}

test('number columns read from CSV are exactly Number(text) whichever path parses them (delimiters, line ends, chunks)', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.tuple(text, text, fc.constantFrom('a', 'b', '"q,"')), { minLength: 1, maxLength: 12 }),
      fc.constantFrom(',', ';', '\t', '|', ' '),
      fc.constantFrom('\n', '\r\n', '\r'),
      fc.boolean(),
      fc.integer({ min: 1, max: 48 }),
      async (rows, delimiter, eol, finalEol, chunkBytes) => {
        // A field holding the delimiter is quoted, as RFC 4180 says.
        const field = (value: string): string => (value.includes(delimiter) && !value.startsWith('"') ? `"${value}"` : value);
        const lines = ['x,y,c'.replaceAll(',', delimiter), ...rows.map((row) => row.map(field).join(delimiter))];
        const path = tempFile('numbers.csv', `${lines.join(eol)}${finalEol ? eol : ''}`);
        const columns = await readNumbers(path, delimiter, [{ name: 'x', kind: 'number' }, { name: 'c', kind: 'category' }, { name: 'y', kind: 'number' }], chunkBytes);
        for (const [name, index] of [['x', 0], ['y', 1]] as const) {
          const got = columns.get(name) ?? [];
          assert.equal(got.length, rows.length);
          rows.forEach((row, r) => assert.ok(Object.is(got[r], expected(row[index])), `${name} row ${r}: ${JSON.stringify(row[index])} gave ${got[r]}`));
        }
      },
    ),
    { numRuns: 400 },
  );
});

test('a delimiter that can be part of a number (. - +) keeps numbers whole: they are quoted or stop at it', async () => {
  for (const [delimiter, content, want] of [
    ['.', 'x.y\n1.2\n"1.5".3\n', { x: [1, 1.5], y: [2, 3] }],
    ['-', 'x-y\n4-5\n"-6.5"-"-7"\n', { x: [4, -6.5], y: [5, -7] }],
    ['+', 'x+y\n8+9\n"+1"+2.25\n', { x: [8, 1], y: [9, 2.25] }],
  ] as const) {
    const path = tempFile('odd-delimiter.csv', content);
    const columns = await readNumbers(path, delimiter, [{ name: 'x', kind: 'number' }, { name: 'y', kind: 'number' }], 3);
    assert.deepStrictEqual(Object.fromEntries(columns), want, `delimiter ${delimiter}`);
  }
});

test('a number field the scanner cannot parse itself still fails at its own line and column', async () => {
  // "12x" starts like a plain decimal: the scan falls back to the field's start and the error names that field.
  const path = tempFile('bad-number.csv', 'x,y\n1.5,2\n3,12x\n');
  await rejectsWith(() => readNumbers(path, ',', [{ name: 'x', kind: 'number' }, { name: 'y', kind: 'number' }], 4), 'INPUT_NOT_A_NUMBER', { line: 3, column: 3 });
});
