import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { computeAttributionMetrics, createAttributionProfile } from '../../../src/stats/explain/index.ts';
import { attributionBatch, near } from './helpers.ts';
import { referenceDisparity, referenceGroups, referenceSlice, type AttributionRow } from './reference/attributions.ts';

const FEATURES = ['income', 'sex', 'zip'];

test('hand-computed importance, shares, coverage and disparity on four rows', () => {
  const profile = createAttributionProfile({ features: FEATURES, sensitive: ['sex'] });
  profile.add(
    attributionBatch(
      [
        { attributions: [2, -1, 1], groups: ['f'] },
        { attributions: [-2, 1, 0], groups: ['f'] },
        { attributions: [1, Number.NaN, 0], groups: ['m'] }, // unusable: one attribution is missing
        { attributions: [3, 0, -1], groups: ['m'] },
      ],
      3,
      1,
    ),
  );
  const metrics = computeAttributionMetrics(profile, { protectedFeatures: ['sex'], proxyFeatures: ['zip'] });
  // usable rows: 3 of 4; Σ|a| = income 7, sex 2, zip 2, total 11
  assert.equal(metrics.overall.coverage, 0.75);
  assert.deepEqual(metrics.overall.features.map((f) => f.importance), [7 / 3, 2 / 3, 2 / 3]);
  assert.deepEqual(metrics.overall.features.map((f) => f.meanAttribution), [1, 0, 0]);
  assert.ok(near(metrics.overall.protectedShare, 2 / 11));
  assert.ok(near(metrics.overall.proxyShare, 2 / 11));
  const [female, male] = metrics.groups;
  // f: Σ|a| = 4, 2, 1 (total 7); m: one usable row, 3, 0, 1 (total 4)
  assert.equal(female?.key, 'sex=f');
  assert.ok(near(female?.features[0]?.share, 4 / 7));
  assert.equal(male?.coverage, 0.5);
  assert.ok(near(male?.protectedShare, 0));
  const income = metrics.disparities.find((d) => d.feature === 'income');
  assert.ok(near(income?.value, 3 / 4 - 4 / 7));
  assert.deepEqual(income?.extremes, ['sex=f', 'sex=m']);
});

test('a profile with no usable row has null importance, zero shares and zero coverage; an empty profile has zero coverage', () => {
  const profile = createAttributionProfile({ features: ['a'], sensitive: ['g'] });
  profile.add(attributionBatch([{ attributions: [Number.POSITIVE_INFINITY], groups: ['x'] }], 1, 1));
  const metrics = computeAttributionMetrics(profile);
  assert.equal(metrics.overall.features[0]?.importance, null);
  assert.equal(metrics.overall.features[0]?.share, 0);
  assert.equal(metrics.overall.coverage, 0);
  assert.equal(metrics.disparities[0]?.value, null, 'fewer than two usable groups: no disparity');
  assert.equal(computeAttributionMetrics(createAttributionProfile({ features: ['a'], sensitive: [] })).overall.coverage, 0);
});

test('groups smaller than min_group_size are excluded from the disparity and listed', () => {
  const rows: AttributionRow[] = [
    { attributions: [1, 0], groups: ['a'] },
    { attributions: [1, 0], groups: ['a'] },
    { attributions: [0, 1], groups: ['b'] },
    { attributions: [1, 1], groups: ['c'] },
    { attributions: [1, 1], groups: ['c'] },
  ];
  const profile = createAttributionProfile({ features: ['x', 'y'], sensitive: ['g'] });
  profile.add(attributionBatch(rows, 2, 1));
  const disparity = computeAttributionMetrics(profile, { minGroupSize: 2 }).disparities[0];
  assert.deepEqual(disparity?.excluded, ['g=b']);
  assert.equal(disparity?.value, 0.5); // a: share 1, c: share 0.5
});

const row = fc.record({
  attributions: fc.array(fc.oneof({ arbitrary: fc.double({ min: -100, max: 100, noNaN: true }), weight: 9 }, { arbitrary: fc.constant(Number.NaN), weight: 1 }), {
    minLength: 3,
    maxLength: 3,
  }),
  groups: fc.tuple(fc.constantFrom('a', 'b', 'c', null), fc.constantFrom('x', 'y')),
});

test('metrics agree with the literal reference on random rows, whatever the batch split and merge order', () => {
  fc.assert(
    fc.property(fc.array(row, { maxLength: 60 }), fc.integer({ min: 1, max: 7 }), (rows, chunk) => {
      const whole = createAttributionProfile({ features: FEATURES, sensitive: ['s', 't'] });
      for (let i = 0; i < rows.length; i += chunk) {
        const part = createAttributionProfile({ features: FEATURES, sensitive: ['s', 't'] });
        part.add(attributionBatch(rows.slice(i, i + chunk), 3, 2));
        whole.merge(part);
      }
      const metrics = computeAttributionMetrics(whole);
      const overall = referenceSlice(rows, 3);
      assert.equal(metrics.overall.usable, overall.usable);
      assert.ok(near(metrics.overall.coverage, overall.coverage));
      metrics.overall.features.forEach((f, i) => {
        assert.ok(near(f.importance, overall.importance[i]), `importance of ${f.feature}`);
        assert.ok(near(f.share, overall.share[i]), `share of ${f.feature}`);
      });
      [0, 1].forEach((column) => {
        const expected = referenceGroups(rows, column, 3);
        const name = column === 0 ? 's' : 't';
        for (const [value, slice] of expected) {
          const got = metrics.groups.find((g) => g.key === `${name}=${value}`);
          assert.equal(got?.rows, slice.rows);
          slice.share.forEach((share, f) => assert.ok(near(got?.features[f]?.share, share)));
        }
        FEATURES.forEach((feature, f) => {
          const got = metrics.disparities.find((d) => d.column === name && d.feature === feature);
          assert.ok(near(got?.value, referenceDisparity(expected, f)), `disparity of ${feature} over ${name}`);
        });
      });
    }),
    { numRuns: 150 },
  );
});

test('merging profiles over different features is refused', () => {
  const a = createAttributionProfile({ features: ['x'], sensitive: [] });
  const b = createAttributionProfile({ features: ['y'], sensitive: [] });
  assert.throws(() => a.merge(b), TypeError);
});
