import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sampleBinomial, sampleMultinomial } from '../../src/stats/binomial.ts';
import { createRandom } from '../../src/stats/random.ts';

function logPmf(n: number, p: number, k: number): number {
  let logChoose = 0;
  for (let i = 1; i <= k; i++) logChoose += Math.log((n - k + i) / i);
  return logChoose + k * Math.log(p) + (n - k) * Math.log(1 - p);
}

/** Pearson χ² of `draws` samples against the exact pmf, cells with expectation < 5 pooled into the tails. */
function chiSquare(n: number, p: number, draws: number, seed: number): { statistic: number; df: number } {
  const random = createRandom(seed);
  const observed = new Float64Array(n + 1);
  for (let i = 0; i < draws; i++) {
    const x = sampleBinomial(random, n, p);
    assert.ok(Number.isInteger(x) && x >= 0 && x <= n, `draw ${x} outside [0, ${n}]`);
    observed[x] = (observed[x] ?? 0) + 1;
  }
  let statistic = 0;
  let df = -1;
  let pooledO = 0;
  let pooledE = 0;
  for (let k = 0; k <= n; k++) {
    pooledO += observed[k] ?? 0;
    pooledE += draws * Math.exp(logPmf(n, p, k));
    if (pooledE >= 5 || k === n) {
      statistic += (pooledO - pooledE) ** 2 / Math.max(pooledE, 1e-300);
      df++;
      pooledO = 0;
      pooledE = 0;
    }
  }
  return { statistic, df };
}

test('binomial draws follow the exact pmf for inversion and BTPE regimes (χ² below the 99.9% point)', () => {
  // the 99.9% point of χ²_df is below df + 3.3·√(2·df) + 10 for these df
  for (const [n, p] of [[20, 0.3], [200, 0.02], [400, 0.5], [1000, 0.2], [5000, 0.93]] as const) {
    const { statistic, df } = chiSquare(n, p, 40_000, n);
    assert.ok(statistic < df + 3.3 * Math.sqrt(2 * df) + 10, `n=${n} p=${p}: χ²=${statistic.toFixed(1)} df=${df}`);
  }
});

test('binomial draws for very large n have the right mean and variance', () => {
  const random = createRandom(9);
  const n = 10_000_000;
  const p = 0.013;
  const draws = 20_000;
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < draws; i++) {
    const x = sampleBinomial(random, n, p);
    sum += x;
    sumSq += x * x;
  }
  const mean = sum / draws;
  const variance = sumSq / draws - mean * mean;
  const sd = Math.sqrt(n * p * (1 - p));
  assert.ok(Math.abs(mean - n * p) < 5 * (sd / Math.sqrt(draws)), `mean ${mean}`);
  assert.ok(Math.abs(variance / (sd * sd) - 1) < 0.05, `variance ratio ${variance / (sd * sd)}`);
});

test('a multinomial draw keeps the total and never fills an empty cell', () => {
  const random = createRandom(1);
  const counts = Float64Array.from([5, 0, 12, 3]);
  const out = new Float64Array(4);
  for (let i = 0; i < 1000; i++) {
    sampleMultinomial(random, 20, counts, 0, 4, out);
    assert.equal(out.reduce((a, b) => a + b, 0), 20);
    assert.equal(out[1], 0);
  }
});

test('the generator is deterministic per seed', () => {
  const a = createRandom(123);
  const b = createRandom(123);
  const c = createRandom(124);
  const seqA = Array.from({ length: 5 }, () => a.nextUint32());
  assert.deepEqual(seqA, Array.from({ length: 5 }, () => b.nextUint32()));
  assert.notDeepEqual(seqA, Array.from({ length: 5 }, () => c.nextUint32()));
});
