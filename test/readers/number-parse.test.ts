import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { NOT_A_NUMBER, parseNumberBytes, parseNumberText } from '../../src/readers/columns/number-parse.ts';

const parse = (text: string): number => {
  const bytes = Buffer.from(`#${text}#`);
  return parseNumberBytes(bytes, 1, bytes.length - 1);
};

test('decimal forms of any double parse to exactly the value Number() gives', () => {
  fc.assert(
    fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 0, max: 20 }), (value, digits) => {
      for (const text of [String(value), value.toExponential(digits), value.toFixed(Math.min(digits, 20)), value.toPrecision(digits + 1)]) {
        if (!Number.isFinite(Number(text))) continue;
        assert.ok(Object.is(parse(text), Number(text)), text);
      }
    }),
    { numRuns: 2000 },
  );
});

test('integers and short decimals written by hand parse exactly', () => {
  fc.assert(
    fc.property(fc.bigInt({ min: -(10n ** 25n), max: 10n ** 25n }), fc.nat(30), (mantissa, scale) => {
      const digits = (mantissa < 0n ? -mantissa : mantissa).toString().padStart(scale + 1, '0');
      const text = `${mantissa < 0n ? '-' : ''}${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
      assert.ok(Object.is(parse(text), Number(text)), text);
    }),
    { numRuns: 2000 },
  );
});

test('missing tokens give NaN and non-numbers the NOT_A_NUMBER marker', () => {
  for (const text of ['', 'NA', 'null', 'NaN', ' NA ']) assert.ok(Number.isNaN(parse(text)), text);
  for (const text of ['abc', '0x1f', '1e', '1.2.3', 'Infinity', '-', '٣', '1 2']) assert.equal(parse(text), NOT_A_NUMBER, text);
  assert.equal(parseNumberText('\u00a01'), 1);
  assert.equal(parse('\u00a01'), NOT_A_NUMBER);
});
