import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { binOf, createAttributionProfile, createProxyProfile, type AttributionProfile, type ProxyBatch, type ProxyPair, type ProxyProfile } from '../../../src/stats/explain/index.ts';
import { binRows } from '../../../src/stats/explain/batch-codes.ts';
import { attributionBatch, encodeGroups } from './helpers.ts';
import { createRowwiseAttributionProfile } from './reference/rowwise-attribution-profile.ts';
import { createRowwiseProxyProfile } from './reference/rowwise-proxy-profile.ts';

// The columnar profiles must give what the row-at-a-time ones gave. The attribution profile and the proxy profile's
// contingency tables, levels, groups, counts and bin edges exactly (deepStrictEqual: the same operations in the same
// order). The proxy profile's per-group mean and M2 of number features are not bit-equal: the columnar profile sums a
// batch per intersection cell (two-pass mean and M2) and combines the cells by Chan's formula, where the reference
// runs Welford's update row by row. Both are accurate to a few ulps of the data's scale, so they are compared within a
// relative 1e-12 of the larger of the value and the scale (max |x| for a mean, (max |x|)² for M2).

const value = fc.oneof(
  { arbitrary: fc.integer({ min: -40, max: 40 }).map((x) => x / 4), weight: 6 },
  { arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }), weight: 3 },
  { arbitrary: fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY), weight: 1 },
);
const label = (values: readonly string[]): fc.Arbitrary<string | null> => fc.oneof({ arbitrary: fc.constantFrom(...values), weight: 5 }, { arbitrary: fc.constant(null), weight: 1 });

interface Row {
  readonly x: number;
  readonly y: number;
  readonly c: string | null;
  readonly g: string | null;
  readonly h: string | null;
}
const row = fc.record({ x: value, y: value, c: label(['p', 'q', 'r', 's']), g: label(['a', 'b', 'c']), h: label(['u', 'v', 'w', 'z', 't']) });

function proxyBatchOf(rows: readonly Row[]): ProxyBatch {
  const c = encodeGroups(rows.map((r) => r.c));
  const groups = [encodeGroups(rows.map((r) => r.g)), encodeGroups(rows.map((r) => r.h))];
  return {
    rows: rows.length,
    features: [
      { kind: 'number', values: Float64Array.from(rows, (r) => r.x) },
      { kind: 'category', codes: c.codes, dictionary: c.dictionary },
      { kind: 'number', values: Float64Array.from(rows, (r) => r.y) },
    ],
    groups: groups.map((e) => e.codes),
    groupValues: groups.map((e) => e.dictionary),
  };
}

const PROXY_SPEC = {
  features: [{ name: 'x', kind: 'number' as const }, { name: 'c', kind: 'category' as const }, { name: 'y', kind: 'number' as const }],
  sensitive: ['g', 'h'],
};

/** Feeds `rows` to a profile in chunks of `chunk`, each chunk through its own partial profile when `viaMerge`. */
function feed<P extends { add(batch: B): void; merge(other: P): void }, B>(make: () => P, batch: (rows: readonly Row[]) => B, rows: readonly Row[], chunk: number, viaMerge: boolean): P {
  const profile = make();
  for (let i = 0; i < rows.length; i += chunk) {
    if (!viaMerge) {
      profile.add(batch(rows.slice(i, i + chunk)));
      continue;
    }
    const part = make();
    part.add(batch(rows.slice(i, i + chunk)));
    profile.merge(part);
  }
  return profile;
}

/** Pairs equal but for the moments' mean and M2, which must agree within 1e-12 relative to the data's scale. */
function assertPairsClose(actual: readonly ProxyPair[], expected: readonly ProxyPair[], rows: readonly Row[]): void {
  const withoutMoments = (pairs: readonly ProxyPair[]) => pairs.map(({ moments, ...rest }) => ({ ...rest, n: moments?.n }));
  assert.deepStrictEqual(withoutMoments(actual), withoutMoments(expected));
  expected.forEach((pair, i) => {
    const want = pair.moments;
    const got = actual[i]?.moments;
    if (want === undefined || got === undefined) return assert.equal(got, want);
    const name = pair.feature.name as 'x' | 'y';
    const scale = rows.reduce((max, r) => (Number.isFinite(r[name]) ? Math.max(max, Math.abs(r[name])) : max), 0);
    const close = (a: number, b: number, floor: number, what: string): void =>
      assert.ok(Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b), floor), `${pair.feature.name}~${pair.sensitive} ${what}: ${a} vs ${b}`);
    want.mean.forEach((m, g) => close(got.mean[g] as number, m, scale, `mean of group ${g}`));
    want.m2.forEach((m, g) => close(got.m2[g] as number, m, scale * scale, `M2 of group ${g}`));
  });
}

test('the columnar proxy profile gives the row-at-a-time pairs and edges (moments within 1e-12), batched and merged', () => {
  fc.assert(
    fc.property(fc.array(row, { maxLength: 120 }), fc.integer({ min: 1, max: 50 }), fc.boolean(), fc.constantFrom(undefined, { x: [-1, 0, 2.5], y: [3, 1] }), fc.constantFrom(undefined, 1, 12), (rows, chunk, viaMerge, binEdges, maxCells) => {
      // maxCells 1: every batch counted per pair (row-wise Welford); 12: per cell until the groups seen outgrow it.
      const spec = { ...PROXY_SPEC, ...(binEdges === undefined ? {} : { binEdges }), ...(maxCells === undefined ? {} : { maxCells }) };
      // Partial profiles merged must share edges; without given edges, only the sequential case chooses them from data.
      const merge = viaMerge && binEdges !== undefined;
      const columnar = feed<ProxyProfile, ProxyBatch>(() => createProxyProfile(spec), proxyBatchOf, rows, chunk, merge);
      const rowwise = feed<ProxyProfile, ProxyBatch>(() => createRowwiseProxyProfile(spec), proxyBatchOf, rows, chunk, merge);
      assertPairsClose(columnar.pairs(), rowwise.pairs(), rows);
      assert.deepStrictEqual(columnar.edges(), rowwise.edges());
    }),
    { numRuns: 300 },
  );
});

test('the columnar attribution profile gives exactly the row-at-a-time sums, batched and merged', () => {
  const toAttributions = (rows: readonly Row[]) =>
    attributionBatch(rows.map((r) => ({ attributions: [r.x, r.y, r.x - r.y], groups: [r.g, r.h] })), 3, 2);
  const spec = { features: ['x', 'y', 'd'], sensitive: ['g', 'h'] };
  fc.assert(
    fc.property(fc.array(row, { maxLength: 120 }), fc.integer({ min: 1, max: 50 }), fc.boolean(), (rows, chunk, viaMerge) => {
      const columnar = feed<AttributionProfile, ReturnType<typeof toAttributions>>(() => createAttributionProfile(spec), toAttributions, rows, chunk, viaMerge);
      const rowwise = feed<AttributionProfile, ReturnType<typeof toAttributions>>(() => createRowwiseAttributionProfile(spec), toAttributions, rows, chunk, viaMerge);
      assert.deepStrictEqual(columnar.overall(), rowwise.overall());
      assert.deepStrictEqual(columnar.groups(), rowwise.groups());
    }),
    { numRuns: 300 },
  );
});

test('binRows gives binOf\'s bin for any edges (few and increasing, many, or unsorted) and -1 for a missing value', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: -30, max: 30 }).map((x) => x / 2), { maxLength: 24 }), fc.boolean(), fc.array(value, { maxLength: 60 }), (raw, sort, xs) => {
      const edges = sort ? [...new Set(raw)].sort((a, b) => a - b) : raw;
      const out = new Int32Array(xs.length);
      binRows(Float64Array.from(xs), edges, xs.length, out);
      assert.deepStrictEqual([...out], xs.map((x) => (Number.isFinite(x) ? binOf(edges, x) : -1)));
    }),
    { numRuns: 500 },
  );
});
