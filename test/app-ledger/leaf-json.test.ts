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
