import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  binOf,
  correlationRatio,
  cramersV,
  createProxyProfile,
  detectProxies,
  normalizedMutualInformation,
  quantileEdges,
} from '../../../src/stats/explain/index.ts';
import { near, proxyBatch, type ProxyRow } from './helpers.ts';
import { referenceCramersV, referenceEta, referenceNmi } from './reference/association.ts';

test('hand-computed Cramér\'s V, bias-corrected V and NMI of 2 × 2 tables', () => {
  assert.equal(cramersV([[10, 0], [0, 10]]), 1);
  assert.equal(cramersV([[5, 5], [5, 5]]), 0);
  // n = 60, every expected count 15, χ² = 4 · 25/15, φ² = 1/9
  assert.ok(near(cramersV([[20, 10], [10, 20]]), 1 / 3));
  // Bergsma: φ̃² = 1/9 − 1/59, r̃ = c̃ = 2 − 1/59
  assert.ok(near(cramersV([[20, 10], [10, 20]], { biasCorrected: true }), Math.sqrt((1 / 9 - 1 / 59) / (1 - 1 / 59))));
  assert.equal(normalizedMutualInformation([[10, 0], [0, 10]]), 1);
  assert.equal(normalizedMutualInformation([[5, 5], [5, 5]]), 0);
  const hJoint = -(2 * (1 / 3) * Math.log(1 / 3) + 2 * (1 / 6) * Math.log(1 / 6));
  assert.ok(near(normalizedMutualInformation([[20, 10], [10, 20]]), (2 * Math.log(2) - hJoint) / Math.log(2)));
});

test('association is undefined (null) with one level or one group, and empty rows or columns are ignored', () => {
  assert.equal(cramersV([[4, 6]]), null);
  assert.equal(cramersV([[4], [6]]), null);
  assert.equal(normalizedMutualInformation([[7]]), null);
  assert.equal(cramersV([[10, 0, 0], [0, 0, 0], [0, 0, 10]]), 1);
});

test('hand-computed correlation ratio from group moments', () => {
  // A: 1, 2, 3 (mean 2, M2 2); B: 4, 5, 6 (mean 5, M2 2); SS_between = 13.5, SS_total = 17.5
  assert.ok(near(correlationRatio({ n: [3, 3], mean: [2, 5], m2: [2, 2] }), Math.sqrt(13.5 / 17.5)));
  assert.equal(correlationRatio({ n: [2, 2], mean: [1, 1], m2: [0, 0] }), null, 'a constant feature');
  assert.equal(correlationRatio({ n: [], mean: [], m2: [] }), null);
});

test('quantile edges are numpy-style deciles, deduplicated, and bins count the edges at or below a value', () => {
  assert.deepEqual(quantileEdges([0, 1, 2, 3, 4], 4), [1, 2, 3]);
  assert.deepEqual(quantileEdges([1, 1, 1, 2], 2), [1]);
  assert.deepEqual(quantileEdges([Number.NaN]), []);
  assert.deepEqual([0.5, 1, 2.5, 3, 9].map((x) => binOf([1, 2, 3], x)), [0, 1, 2, 3, 3]);
});

test('a feature copied from the group is flagged; an independent one is not', () => {
  const rows: ProxyRow[] = Array.from({ length: 200 }, (_, i) => ({
    num: i % 2 === 0 ? 10 + (i % 7) : 50 + (i % 5),
    cat: i % 3 === 0 ? 'u' : 'v',
    group: i % 2 === 0 ? 'a' : 'b',
  }));
  const profile = createProxyProfile({ features: [{ name: 'num', kind: 'number' }, { name: 'cat', kind: 'category' }], sensitive: ['g'] });
  profile.add(proxyBatch(rows));
  const report = detectProxies(profile, { cramersV: 0.5, correlationRatio: 0.5 });
  assert.deepEqual(report.flagged.map((a) => a.feature), ['num']);
  const num = report.associations.find((a) => a.feature === 'num');
  assert.ok((num?.correlationRatio ?? 0) > 0.95);
  assert.equal(num?.cramersV, 1);
  assert.ok(num?.reasons.some((reason) => reason.startsWith('cramers_v 1 > 0.5')));
  assert.equal(report.associations.find((a) => a.feature === 'cat')?.correlationRatio, null, 'η is for number features only');
});

const proxyRow = fc.record({
  num: fc.oneof({ arbitrary: fc.integer({ min: -3, max: 8 }).map((x) => x / 2), weight: 8 }, { arbitrary: fc.constant(Number.NaN), weight: 1 }),
  cat: fc.constantFrom('p', 'q', 'r', null),
  group: fc.constantFrom('a', 'b', 'c', null),
});

test('associations agree with the literal references and are unchanged by splitting the rows and merging', () => {
  const edges = [0, 1.5, 3];
  fc.assert(
    fc.property(fc.array(proxyRow, { maxLength: 80 }), fc.integer({ min: 1, max: 9 }), (rows, chunk) => {
      const spec = { features: [{ name: 'num', kind: 'number' as const }, { name: 'cat', kind: 'category' as const }], sensitive: ['g'], binEdges: { num: edges } };
      const merged = createProxyProfile(spec);
      for (let i = 0; i < rows.length; i += chunk) {
        const part = createProxyProfile(spec);
        part.add(proxyBatch(rows.slice(i, i + chunk)));
        merged.merge(part);
      }
      const [num, cat] = detectProxies(merged).associations;
      const numPairs = rows.filter((r) => Number.isFinite(r.num) && r.group !== null).map((r) => ({ x: String(binOf(edges, r.num)), g: r.group as string }));
      const catPairs = rows.filter((r) => r.cat !== null && r.group !== null).map((r) => ({ x: r.cat as string, g: r.group as string }));
      assert.ok(near(num?.cramersV, referenceCramersV(numPairs)));
      assert.ok(near(num?.normalizedMutualInformation, referenceNmi(numPairs)));
      assert.ok(near(num?.correlationRatio, referenceEta(rows.filter((r) => Number.isFinite(r.num) && r.group !== null).map((r) => ({ x: r.num, g: r.group as string })))));
      assert.ok(near(cat?.cramersV, referenceCramersV(catPairs)));
      assert.ok(near(cat?.normalizedMutualInformation, referenceNmi(catPairs)));
      assert.equal(cat?.n, catPairs.length);
    }),
    { numRuns: 200 },
  );
});

test('edges are taken from the first batch with a finite value and kept; merging different edges is refused', () => {
  const spec = { features: [{ name: 'num', kind: 'number' as const }, { name: 'cat', kind: 'category' as const }], sensitive: ['g'] };
  const profile = createProxyProfile(spec);
  profile.add(proxyBatch([{ num: Number.NaN, cat: 'p', group: 'a' }]));
  assert.equal(profile.edges().get('num'), undefined);
  profile.add(proxyBatch([0, 1, 2, 3, 4].map((num) => ({ num, cat: 'p', group: 'a' }))));
  const chosen = profile.edges().get('num');
  assert.deepEqual(chosen, quantileEdges([0, 1, 2, 3, 4]));
  profile.add(proxyBatch([{ num: 100, cat: 'p', group: 'b' }]));
  assert.deepEqual(profile.edges().get('num'), chosen);
  const other = createProxyProfile({ ...spec, binEdges: { num: [7] } });
  other.add(proxyBatch([{ num: 1, cat: 'p', group: 'a' }]));
  assert.throws(() => profile.merge(other), TypeError);
});
