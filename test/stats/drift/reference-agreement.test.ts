import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  alignNumeric,
  benjaminiHochberg,
  bucketKey,
  categoricalProfile,
  chiSquareHomogeneity,
  chiSquareSurvival,
  jensenShannonDistance,
  kolmogorovSmirnov,
  NumericProfile,
  psi,
  wasserstein,
} from '../../../src/stats/index.ts';
import {
  literalBenjaminiHochberg,
  literalBinCounts,
  literalBucket,
  literalChiSquare,
  literalChiSquareSurvival,
  literalJensenShannon,
  literalKsD,
  literalKsExactP,
  literalPopulationSd,
  literalPsi,
  literalWasserstein,
} from './reference/literal.ts';

const close = (actual: number, expected: number, tolerance = 1e-9): boolean => Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected));

/** Values with many ties and several magnitudes and signs, so bins, buckets and ties are all exercised. */
const value = fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ min: -1e3, max: 1e3, noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0.1, 0.25, 1e-7));
const sample = fc.array(value, { minLength: 1, maxLength: 60 });

/** A profile built from `values` in chunks of `chunk`, each chunk a separate profile merged in. */
function chunked(values: readonly number[], chunk: number, exactCap?: number): NumericProfile {
  const options = exactCap === undefined ? {} : { exactCap };
  const profile = new NumericProfile(options);
  for (let i = 0; i < values.length; i += chunk) profile.merge(new NumericProfile(options).add(values.slice(i, i + chunk)));
  return profile;
}

test('the bit-level bucket key agrees with the logarithm-based definition', () => {
  fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => bucketKey(x) === literalBucket(x)));
});

test('PSI and Jensen–Shannon over reference-quantile bins agree with the literal computation', () => {
  fc.assert(
    fc.property(sample, sample, fc.integer({ min: 2, max: 12 }), fc.integer({ min: 1, max: 25 }), (a, b, bins, chunk) => {
      const counts = alignNumeric(chunked(a, chunk), chunked(b, chunk), { bins });
      const literal = literalBinCounts(a, b, bins);
      assert.deepEqual([...counts.reference], literal.r);
      assert.deepEqual([...counts.current], literal.c);
      assert.ok(close(psi(counts).value, literalPsi(literal.r, literal.c)));
      assert.ok(close(jensenShannonDistance(counts), literalJensenShannon(literal.r, literal.c)));
    }),
  );
});

test('exact KS statistic and Wasserstein agree with the literal definitions, in any chunking', () => {
  fc.assert(
    fc.property(sample, sample, fc.integer({ min: 1, max: 25 }), (a, b, chunk) => {
      const ks = kolmogorovSmirnov(chunked(a, chunk), chunked(b, chunk));
      assert.equal(ks.exact, true);
      assert.ok(close(ks.statistic, literalKsD(a, b), 1e-12));
      const w = wasserstein(chunked(a, chunk), chunked(b, chunk));
      assert.ok(close(w.distance, literalWasserstein(a, b)), `${w.distance} vs ${literalWasserstein(a, b)}`);
      const sd = literalPopulationSd(a);
      if (sd > 1e-9) assert.ok(close(w.value, literalWasserstein(a, b) / sd, 1e-6));
    }),
  );
});

test('the exact KS p-value equals the share of all splits of the pooled values with D at least as large', () => {
  const distinct = (min: number, max: number) => fc.uniqueArray(fc.integer({ min: -1000, max: 1000 }), { minLength: min, maxLength: max });
  fc.assert(
    fc.property(distinct(2, 11), fc.integer({ min: 1, max: 5 }), (pooled, split) => {
      const n = Math.min(split, pooled.length - 1);
      const a = pooled.slice(0, n);
      const b = pooled.slice(n);
      const result = kolmogorovSmirnov(chunked(a, 3), chunked(b, 3));
      assert.equal(result.method, 'exact');
      assert.ok(close(result.pValue, literalKsExactP(a, b), 1e-12), `${result.pValue} vs ${literalKsExactP(a, b)}`);
    }),
    { numRuns: 60 },
  );
});

test('from the fine histogram, the true KS statistic lies within the reported error bound', () => {
  fc.assert(
    fc.property(sample, sample, (a, b) => {
      const result = kolmogorovSmirnov(chunked(a, 7, 3), chunked(b, 7, 3));
      const truth = literalKsD(a, b);
      if (a.length > 3 || b.length > 3) assert.equal(result.exact, false);
      assert.ok(result.statistic <= truth + 1e-12 && truth <= result.statistic + result.errorBound + 1e-12, `${truth} not in [${result.statistic}, +${result.errorBound}]`);
    }),
  );
});

test('from the fine histogram, Wasserstein is within the reported error bound of the exact value', () => {
  fc.assert(
    fc.property(sample, sample, (a, b) => {
      const approximate = wasserstein(chunked(a, 5, 2), chunked(b, 5, 2));
      const truth = literalWasserstein(a, b);
      const sd = literalPopulationSd(a);
      const bound = approximate.errorBound * (sd > 0 ? sd : 1);
      assert.ok(Math.abs(approximate.distance - truth) <= bound + 1e-9 * Math.max(1, truth), `${approximate.distance} vs ${truth} ± ${bound}`);
    }),
  );
});

test('chi-square statistic and p-value agree with the literal table and an integrated density', () => {
  const category = fc.constantFrom('a', 'b', 'c', 'd', 'e');
  fc.assert(
    fc.property(fc.array(category, { minLength: 1, maxLength: 80 }), fc.array(category, { minLength: 1, maxLength: 80 }), (a, b) => {
      const result = chiSquareHomogeneity(categoricalProfile(a), categoricalProfile(b));
      const literal = literalChiSquare(a, b);
      assert.equal(result.df, literal.df);
      assert.ok(close(result.statistic, literal.statistic));
      if (literal.df >= 2) assert.ok(Math.abs(result.pValue - literalChiSquareSurvival(literal.statistic, literal.df)) < 1e-7);
    }),
    { numRuns: 40 },
  );
});

test('the chi-square survival function agrees with numerical integration across degrees of freedom', () => {
  fc.assert(
    fc.property(fc.integer({ min: 2, max: 120 }), fc.double({ min: 0, max: 300, noNaN: true }), (df, x) => {
      assert.ok(Math.abs(chiSquareSurvival(x, df) - literalChiSquareSurvival(x, df)) < 1e-7);
    }),
    { numRuns: 40 },
  );
});

test('Benjamini–Hochberg agrees with the definition and never lowers a p-value', () => {
  fc.assert(
    fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 30 }), (pValues) => {
      const adjusted = benjaminiHochberg(pValues);
      const literal = literalBenjaminiHochberg(pValues);
      adjusted.forEach((p, i) => {
        assert.ok(close(p, literal[i] as number, 1e-12));
        assert.ok(p >= (pValues[i] as number) - 1e-15);
      });
    }),
  );
});
