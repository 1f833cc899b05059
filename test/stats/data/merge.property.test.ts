import assert from 'node:assert/strict';
import test from 'node:test';
import fc from 'fast-check';
import { binnedAuc, ClassHistogram, columnFacts, dataMetrics } from '../../../src/stats/data/index.ts';
import { num, profileOf, spec, text, type Cell } from './helpers.ts';

const columns = [text('id', { role: 'id' }), text('g', { role: 'sensitive' }), text('h', { role: 'sensitive' }), num('x', { min: 0 }), text('c', { values: ['p', 'q'] }), text('y', { role: 'label' })];
const profileSpec = spec(columns, { sensitive: ['g', 'h'], label: 'y', id: 'id' });

const row: fc.Arbitrary<Cell[]> = fc.tuple(
  fc.option(fc.constantFrom('i1', 'i2', 'i3', 'i4', 'i5', 'i6'), { nil: null }),
  fc.option(fc.constantFrom('a', 'b'), { nil: null }),
  fc.constantFrom('u', 'v', 'w'),
  fc.option(fc.integer({ min: -2, max: 5 }), { nil: null }),
  fc.option(fc.constantFrom('p', 'q', 'r'), { nil: null }),
  fc.option(fc.constantFrom('0', '1'), { nil: null }),
);

/** What a profile says, without the located first rows (their order after a merge is the merge order). */
function summary(profile: ReturnType<typeof profileOf>) {
  const facts = columnFacts(profile).map((c) => ({ ...c, violations: Object.fromEntries(Object.entries(c.violations).map(([k, v]) => [k, v.count])) }));
  const { metrics, missing } = dataMetrics(profile, { confidence: 0.9, minGroupSize: 2, intersections: true });
  return { rows: profile.rows, duplicates: profile.duplicateRows, facts, metrics, missing };
}

test('merging the profiles of two halves gives the profile of the whole (in either order)', () => {
  fc.assert(
    fc.property(fc.array(row, { maxLength: 40 }), fc.nat(), fc.integer({ min: 1, max: 7 }), (rows, cut, batchRows) => {
      const at = rows.length === 0 ? 0 : cut % (rows.length + 1);
      const whole = profileOf(profileSpec, rows, batchRows);
      const left = profileOf(profileSpec, rows.slice(0, at), batchRows);
      left.merge(profileOf(profileSpec, rows.slice(at), batchRows));
      const right = profileOf(profileSpec, rows.slice(at), batchRows);
      right.merge(profileOf(profileSpec, rows.slice(0, at), batchRows));
      const expected = summary(whole);
      // Distinct values of the id column (words-only) cannot be merged by value; their duplicate counts can.
      const withoutIdDistinct = (s: ReturnType<typeof summary>) => ({ ...s, facts: s.facts.map((f) => (f.role === 'id' ? { ...f, distinct: null } : f)) });
      assert.deepEqual(withoutIdDistinct(summary(left)), withoutIdDistinct(expected));
      assert.deepEqual(withoutIdDistinct(summary(right)), withoutIdDistinct(expected));
    }),
    { numRuns: 150 },
  );
});

test('the binned AUC is within its error bound of the exact Mann–Whitney AUC', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.boolean()), { minLength: 2, maxLength: 60 }), (points) => {
      const histogram = new ClassHistogram();
      for (const [value, positive] of points) histogram.add(value, positive);
      const pos = points.filter(([, p]) => p).map(([v]) => v);
      const neg = points.filter(([, p]) => !p).map(([v]) => v);
      const result = binnedAuc(histogram);
      if (pos.length === 0 || neg.length === 0) return assert.equal(result.auc, null);
      let wins = 0;
      for (const p of pos) for (const n of neg) wins += p > n ? 1 : p === n ? 0.5 : 0;
      const exact = wins / (pos.length * neg.length);
      assert.ok(result.auc !== null && Math.abs(result.auc - exact) <= result.errorBound + 1e-12, `${result.auc} vs ${exact} ± ${result.errorBound}`);
    }),
  );
});
