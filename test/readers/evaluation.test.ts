import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { EvaluationBatch } from '../../src/core/index.ts';
import { evaluationRequests, readEvaluation, type EvaluationMapping } from '../../src/readers/index.ts';
import { rejectsWith, tempFile } from './helpers.ts';

async function collect(path: string, mapping: EvaluationMapping, batchRows = 65_536) {
  const reader = await readEvaluation({ path }, mapping, { batchRows });
  const batches: EvaluationBatch[] = [];
  for await (const batch of reader.batches()) batches.push(batch);
  const all = (pick: (batch: EvaluationBatch) => Float64Array | undefined) => batches.flatMap((batch) => [...(pick(batch) ?? [])]);
  return { reader, batches, yTrue: all((b) => b.yTrue), yPred: all((b) => b.yPred), score: all((b) => b.score), weight: all((b) => b.weight) };
}

const binary = (extra: Partial<EvaluationMapping> = {}): EvaluationMapping => ({ task: 'binary', yTrue: 'y', yPred: 'p', sensitive: [], ...extra });

test('label pairs are inferred per column from the first value, case-insensitively', async () => {
  const path = tempFile('pairs.csv', 'y,p\nTrue,1.0\nfalse,0.0\nTRUE,0.0\n');
  const { yTrue, yPred } = await collect(path, binary());
  assert.deepEqual(yTrue, [1, 0, 1]);
  assert.deepEqual(yPred, [1, 0, 0]);
  for (const [positive, negative] of [['yes', 'no'], ['y', 'n'], ['positive', 'negative'], ['1', '0']]) {
    const file = tempFile('pair.csv', `y,p\n${negative},${positive}\n${positive},${negative}\n`);
    assert.deepEqual((await collect(file, binary())).yTrue, [0, 1], `${positive}/${negative}`);
  }
});

test('a value outside the inferred pair is INPUT_UNKNOWN_LABEL at its line and column', async () => {
  const path = tempFile('unknown.csv', 'y,p\n1,0\n0,1\n1,2\n');
  const message = await rejectsWith(() => collect(path, binary()), 'INPUT_UNKNOWN_LABEL', { line: 4, column: 3 });
  assert.match(message, /"2"/);
  assert.match(message, /expected one of: 1, 0/);
  const mixed = tempFile('mixed.csv', 'y,p\n1,0\nno,1\n');
  await rejectsWith(() => collect(mixed, binary()), 'INPUT_UNKNOWN_LABEL', { line: 3, column: 1 });
});

test('declared labels accept only those values, with positiveLabel choosing the positive class', async () => {
  const path = tempFile('declared.csv', 'y,p\napproved,denied\ndenied,denied\napproved,approved\n');
  const { yTrue, yPred } = await collect(path, binary({ labels: ['approved', 'denied'], positiveLabel: 'denied' }));
  assert.deepEqual(yTrue, [0, 1, 0]);
  assert.deepEqual(yPred, [1, 1, 0]);
  const other = tempFile('declared-bad.csv', 'y,p\napproved,denied\nmaybe,denied\n');
  const message = await rejectsWith(() => collect(other, binary({ labels: ['approved', 'denied'], positiveLabel: 'approved' })), 'INPUT_UNKNOWN_LABEL', { line: 3, column: 1 });
  assert.match(message, /declared labels: approved, denied/);
});

test('declared labels that are a known pair need no positiveLabel; others must name one', async () => {
  const path = tempFile('declared-pair.csv', 'y,p\nNo,Yes\n');
  assert.deepEqual((await collect(path, binary({ labels: ['No', 'Yes'] }))).yTrue, [0]);
  await rejectsWith(() => collect(path, binary({ labels: ['a', 'b'] })), 'USAGE_INVALID_ARGUMENT');
  await rejectsWith(() => collect(path, binary({ labels: ['a', 'b'], positiveLabel: 'c' })), 'USAGE_INVALID_ARGUMENT');
});

test('a positiveLabel outside the known pairs makes every other value negative (one-vs-rest)', async () => {
  const path = tempFile('ovr.csv', 'y,p\ncat,dog\ndog,bird\nbird,cat\n');
  const { yTrue, yPred } = await collect(path, binary({ positiveLabel: 'cat' }));
  assert.deepEqual(yTrue, [1, 0, 0]);
  assert.deepEqual(yPred, [0, 0, 1]);
  const flipped = tempFile('flip.csv', 'y,p\n1,0\n0,0\n');
  assert.deepEqual((await collect(flipped, binary({ positiveLabel: '0' }))).yTrue, [0, 1]);
});

test('without y_pred, the prediction is score ≥ threshold, and a missing score leaves it missing', async () => {
  const path = tempFile('score.csv', 'y,s\n1,0.7\n0,0.5\n1,0.2\n0,\n');
  const byDefault = await collect(path, { task: 'binary', yTrue: 'y', score: 's', sensitive: [] });
  assert.deepEqual(byDefault.yPred, [1, 1, 0, Number.NaN]);
  assert.deepEqual(byDefault.score, [0.7, 0.5, 0.2, Number.NaN]);
  const strict = await collect(path, { task: 'binary', yTrue: 'y', score: 's', threshold: 0.6, sensitive: [] });
  assert.deepEqual(strict.yPred, [1, 0, 0, Number.NaN]);
});

test('weights are passed through and a negative weight is INPUT_INVALID_VALUE', async () => {
  const path = tempFile('w.csv', 'y,p,w\n1,1,2.5\n0,1,0\n1,0,\n');
  assert.deepEqual((await collect(path, binary({ weight: 'w' }))).weight, [2.5, 0, Number.NaN]);
  const negative = tempFile('wneg.csv', 'y,p,w\n1,1,2\n0,1,-1\n');
  await rejectsWith(() => collect(negative, binary({ weight: 'w' })), 'INPUT_INVALID_VALUE', { line: 3, column: 5 });
});

test('regression reads targets and predictions as numbers; a score that is not a number is rejected', async () => {
  const path = tempFile('reg.csv', 'y,p\n1.5,1.25\n-2,NA\n');
  const { yTrue, yPred } = await collect(path, { task: 'regression', yTrue: 'y', yPred: 'p', sensitive: [] });
  assert.deepEqual(yTrue, [1.5, -2]);
  assert.deepEqual(yPred, [1.25, Number.NaN]);
  const bad = tempFile('score-bad.csv', 'y,s\n1,0.5\n0,high\n');
  await rejectsWith(() => collect(bad, { task: 'binary', yTrue: 'y', score: 's', sensitive: [] }), 'INPUT_NOT_A_NUMBER', { line: 3, column: 3 });
});

test('sensitive columns become group codes with shared, append-only value lists', async () => {
  const path = tempFile('groups.csv', 'y,p,race,sex\n1,1,a,f\n0,0,b,m\n1,0,,f\n0,1,a,x\n');
  const { batches } = await collect(path, binary({ sensitive: ['race', 'sex'] }), 2);
  assert.equal(batches.length, 2);
  assert.equal(batches[0]?.groupValues[0], batches[1]?.groupValues[0]);
  const race = batches.flatMap((batch) => [...(batch.groups[0] ?? [])].map((code) => (code < 0 ? null : batch.groupValues[0]?.[code])));
  const sex = batches.flatMap((batch) => [...(batch.groups[1] ?? [])].map((code) => batch.groupValues[1]?.[code]));
  assert.deepEqual(race, ['a', 'b', null, 'a']);
  assert.deepEqual(sex, ['f', 'm', 'f', 'x']);
});

test('missing values are counted per column and role, never dropped', async () => {
  const path = tempFile('health.csv', 'y,p,s,w,g\n1,1,0.9,1,a\n,0,,1,\nNA,,0.1,,b\n');
  const { reader, yTrue } = await collect(path, { ...binary({ weight: 'w', sensitive: ['g'] }), score: 's' });
  assert.equal(yTrue.length, 3);
  assert.equal(reader.rowsRead(), 3);
  assert.deepEqual(reader.health(), [
    { column: 'y', role: 'y_true', missing: 2, rows: 3 },
    { column: 'p', role: 'y_pred', missing: 1, rows: 3 },
    { column: 's', role: 'score', missing: 1, rows: 3 },
    { column: 'w', role: 'weight', missing: 1, rows: 3 },
    { column: 'g', role: 'sensitive', missing: 1, rows: 3 },
  ]);
});

test('the mapping lists the columns it needs, and an incomplete mapping is a usage error', () => {
  assert.deepEqual(evaluationRequests({ task: 'binary', yTrue: 'y', score: 's', weight: 'w', sensitive: ['g'] }), [
    { name: 'y', kind: 'category' },
    { name: 's', kind: 'number' },
    { name: 'w', kind: 'number' },
    { name: 'g', kind: 'category' },
  ]);
  assert.throws(() => evaluationRequests({ task: 'binary', yTrue: 'y', sensitive: [] }), /USAGE_INVALID_ARGUMENT/);
  assert.throws(() => evaluationRequests({ task: 'regression', yTrue: 'y', score: 's', sensitive: [] }), /USAGE_INVALID_ARGUMENT/);
});

test('evaluation works the same over JSONL and Parquet', async () => {
  const path = tempFile('e.jsonl', '{"y": true, "p": 1, "g": "a"}\n{"y": false, "p": 0, "g": "b"}\n');
  const { yTrue, yPred } = await collect(path, binary({ sensitive: ['g'] }));
  assert.deepEqual(yTrue, [1, 0]);
  assert.deepEqual(yPred, [1, 0]);
  const parquet = tempFile('e.parquet', new Uint8Array(parquetWriteBuffer({ columnData: [
    { name: 'y', data: [true, false, true], type: 'BOOLEAN' },
    { name: 'p', data: Int32Array.from([1, 1, 0]), type: 'INT32' },
  ] })));
  const read = await collect(parquet, binary());
  assert.deepEqual([read.yTrue, read.yPred], [[1, 0, 1], [1, 1, 0]]);
  const bad = tempFile('bad.parquet', new Uint8Array(parquetWriteBuffer({ columnData: [
    { name: 'y', data: [true, false], type: 'BOOLEAN' },
    { name: 'p', data: Int32Array.from([1, 3]), type: 'INT32' },
  ] })));
  await rejectsWith(() => collect(bad, binary()), 'INPUT_UNKNOWN_LABEL', { path: 'rows[1].p' });
});
