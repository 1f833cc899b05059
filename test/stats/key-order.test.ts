import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { keyOrder } from '../../src/stats/rank/key-order.ts';

/** Distinct keys as a score table holds them: no NaN, −0 folded into 0. */
const keys = fc.uniqueArray(
  fc.oneof(
    fc.double({ noNaN: true }),
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.integer({ min: -1000, max: 1000 }).map((k) => k / 1000),
    fc.constantFrom(0, 1, Number.MIN_VALUE, -Number.MIN_VALUE, Number.MAX_VALUE, -Number.MAX_VALUE, Infinity, -Infinity),
  ).map((key) => key + 0),
  { maxLength: 400, comparator: 'SameValueZero' },
);

test('key order: the entries sorted by key, as Float64Array.prototype.sort orders the keys', () => {
  fc.assert(
    fc.property(keys, fc.nat({ max: 3 }), (values, slack) => {
      // The table's arrays are longer than its size; entries past the size must be ignored.
      const table = new Float64Array(values.length + slack).fill(-7);
      table.set(values);
      const order = keyOrder(table, values.length).slice(0, values.length);
      assert.deepEqual([...order].sort((a, b) => a - b), values.map((_, entry) => entry), 'a permutation of the entries');
      assert.deepEqual(
        [...order].map((entry) => table[entry]),
        [...Float64Array.from(values).sort()],
      );
    }),
    { numRuns: 500 },
  );
});

test('key order: keys that differ only in their lowest or highest bits, and a table larger than one call before', () => {
  const values = [0.5, 0.5 + Number.EPSILON / 2, 0.5 - Number.EPSILON / 4, -0.5, -(0.5 + Number.EPSILON / 2), 2 ** 40, -(2 ** 40), 1e-300];
  const many = Array.from({ length: 70_000 }, (_, i) => ((i * 7919) % 70_001) / 70_001 - 0.25);
  for (const list of [values, many, values]) {
    const table = Float64Array.from(list);
    const sorted = [...keyOrder(table, list.length).slice(0, list.length)].map((entry) => table[entry]);
    assert.deepEqual(sorted, [...Float64Array.from(list).sort()]);
  }
});
