import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createModelClient } from '../../src/app/explain/endpoint.ts';
import { runFlipTest } from '../../src/app/explain/flip-test.ts';
import { permutationImportance } from '../../src/app/explain/permutation.ts';
import { modelMetric } from '../../src/app/explain/model-metric.ts';
import { StewardError } from '../../src/core/index.ts';
import { blind, FEATURES, modelHandler, score, serve, usesSex, usesZip, type Logistic } from './model-server.ts';

/** 200 people: sex alternates, zip equals sex for 9 in 10 (a proxy), income 0–99. */
const rows = Array.from({ length: 200 }, (_, i) => [i % 100, i % 2, i % 10 === 0 ? 1 - (i % 2) : i % 2]);

async function withModel<T>(model: Logistic, run: (url: string) => Promise<T>): Promise<T> {
  const server = await serve(modelHandler(model));
  try {
    return await run(server.url);
  } finally {
    await server.close();
  }
}

const client = (url: string) => createModelClient({ url: `${url}/predict`, features: FEATURES, batchSize: 64 });

test('the flip rate of a model that uses the sensitive attribute is the share of rows whose decision depends on it', async () => {
  const result = await withModel(usesSex, (url) => runFlipTest({ client: client(url), instances: rows, sensitive: 'sex', threshold: 0.5 }));
  const decide = (row: number[]): boolean => score(usesSex, row) >= 0.5;
  for (const group of result.groups) {
    const members = rows.filter((row) => String(row[1]) === group.value);
    const flips = members.filter((row) => decide(row) !== decide([row[0] as number, 1 - (row[1] as number), row[2] as number])).length;
    assert.equal(group.rows, members.length);
    assert.equal(group.flipped, flips, `group ${group.value}`);
    assert.ok(group.rate > 0.3);
    assert.ok(group.interval !== undefined && group.interval.low <= group.rate && group.rate <= group.interval.high);
  }
  assert.equal(result.requests, 400, 'each row once, and once with the other value');
});

test('a model that ignores the sensitive attribute never flips', async () => {
  const result = await withModel(blind, (url) => runFlipTest({ client: client(url), instances: rows, sensitive: 'sex', threshold: 0.5 }));
  assert.equal(result.overall.rate, 0);
  assert.deepEqual(result.groups.map((g) => g.flipped), [0, 0]);
  assert.equal(result.groups[0]?.interval?.low, 0);
});

test('a model that uses a proxy flips only when the declared proxy is swapped too', async () => {
  const [plain, withProxy] = await withModel(usesZip, (url) =>
    Promise.all([
      runFlipTest({ client: client(url), instances: rows, sensitive: 'sex', threshold: 0.5 }),
      runFlipTest({ client: client(url), instances: rows, sensitive: 'sex', proxies: ['zip'], threshold: 0.5, seed: 3 }),
    ]),
  );
  assert.equal(plain.overall.flipped, 0);
  assert.ok(withProxy.overall.rate > 0.3, `flip rate ${withProxy.overall.rate}`);
  assert.deepEqual(withProxy.proxies, ['zip']);
});

test('the flip test on a sample is deterministic for a seed and tests exactly the sample size', async () => {
  const [a, b] = await withModel(usesSex, (url) =>
    Promise.all([1, 1].map(() => runFlipTest({ client: client(url), instances: rows, sensitive: 'sex', threshold: 0.5, sampleSize: 50, seed: 9 }))),
  );
  assert.equal(a?.overall.rows, 50);
  assert.deepEqual(a, b);
  await assert.rejects(
    withModel(usesSex, (url) => runFlipTest({ client: client(url), instances: rows, sensitive: 'race' })),
    (error: unknown) => error instanceof StewardError && error.code === 'EXPLAIN_INVALID_OPTION',
  );
});

test('permutation importance finds the attribute the model uses and gives 0 to a feature it ignores', async () => {
  const labels = Float64Array.from(rows, (row) => (score(usesSex, row) >= 0.5 ? 1 : 0));
  const result = await withModel(usesSex, (url) =>
    permutationImportance({ client: client(url), instances: rows, yTrue: labels, metric: 'accuracy', threshold: 0.5, repeats: 2, seed: 1 }),
  );
  const importance = Object.fromEntries(result.features.map((f) => [f.feature, f.importance]));
  assert.equal(result.baseline, 1);
  assert.ok((importance['sex'] ?? 0) > 0.2, `sex ${importance['sex']}`);
  assert.equal(importance['zip'], 0);
  assert.equal(result.requests, 200 * (1 + 3 * 2));
});

test('permutation importance by AUC over a sample is reproducible', async () => {
  const labels = Float64Array.from(rows, (row) => row[1] as number);
  const run = (url: string) => permutationImportance({ client: client(url), instances: rows, yTrue: labels, metric: 'roc_auc', sampleSize: 80, seed: 5 });
  const [a, b] = await withModel(usesSex, (url) => Promise.all([run(url), run(url)]));
  assert.equal(a?.rows, 80);
  assert.deepEqual(a, b);
  assert.equal(a?.baseline, 1, 'the score orders every sex=1 row above every sex=0 row');
});

test('hand-computed accuracy and ROC AUC with a tied score', () => {
  assert.equal(modelMetric('accuracy', [0.2, 0.7, 0.6], [0, 1, 0], 0.5), 2 / 3);
  assert.equal(modelMetric('accuracy', [1, 0], [1, 1], undefined), 1 / 2);
  // positives 0.8, 0.4; negatives 0.4, 0.1: pairs (0.8 > 0.4), (0.8 > 0.1), (0.4 = 0.4 → ½), (0.4 > 0.1) → 3.5 / 4
  assert.equal(modelMetric('roc_auc', [0.8, 0.4, 0.4, 0.1], [1, 1, 0, 0], undefined), 3.5 / 4);
  assert.equal(modelMetric('roc_auc', [0.8, 0.4], [1, 1], undefined), null);
});
