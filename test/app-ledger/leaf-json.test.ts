import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { canonicalJson } from '../../src/core/index.ts';
import { leafJson } from '../../src/app/ledger/leaf-json.ts';
import { sampleEvent } from './events.ts';

test('the append fast path writes exactly the canonical JSON of any JSON object (RFC 8785, as canonicalJson)', () => {
  const member = fc.oneof(fc.jsonValue(), fc.constant(undefined), fc.constant(-0), fc.double({ noNaN: true, noDefaultInfinity: true }));
  fc.assert(
    fc.property(fc.dictionary(fc.string({ unit: 'binary' }), member), (object) => {
      assert.equal(leafJson(object), canonicalJson(object));
    }),
    { numRuns: 500 },
  );
});

test('ledger events of every sample type serialise to the same bytes through both paths', () => {
  for (let k = 0; k < 30; k++) assert.equal(leafJson(sampleEvent(k)), canonicalJson(sampleEvent(k)));
});

test('unusual values (toJSON, undefined in an array, non-finite numbers) get canonicalJson’s text or its precise error', () => {
  const withToJson = { at: new Date(Date.UTC(2026, 0, 2)), b: 1 };
  assert.equal(leafJson(withToJson), canonicalJson(withToJson));
  assert.throws(() => leafJson({ list: [1, undefined] }), /undefined at \$\.list\[1\]/);
  assert.throws(() => leafJson({ deep: { n: Number.NaN } }), /non-finite number at \$\.deep\.n/);
  assert.throws(() => leafJson({ f: () => 1 }), /function is not JSON at \$\.f/);
});

test('members out of order, array-index names and __proto__ still come out in RFC 8785 order', () => {
  const cases: object[] = [
    { b: 1, a: { d: [{ z: 1, y: 2 }], c: undefined } },
    { 10: 'ten', 9: 'nine', a: 1 },
    { b: 2, 7: 'seven', a: [3, { y: 1, x: 0 }] },
    JSON.parse('{"b":1,"__proto__":{"x":1},"a":2}') as object,
    [{ b: 1, a: 2 }, 'x', null],
  ];
  for (const value of cases) assert.equal(leafJson(value), canonicalJson(value));
  assert.equal(leafJson({ b: 1, 10: 'ten', 9: 'nine' }), '{"10":"ten","9":"nine","b":1}');
});

test('an object already in order (frozen, so a write into it would throw) is written as it is', () => {
  const event = Object.freeze({ a: 1, b: Object.freeze({ c: [Object.freeze({ d: 'x' })] }) });
  assert.equal(leafJson(event), '{"a":1,"b":{"c":[{"d":"x"}]}}');
});
