import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluateFile } from '../../src/app/evaluate-file.ts';
import { digestFile } from '../../src/app/file-digest.ts';
import { explainPass, type ExplainPassSpec } from '../../src/app/explain/evaluation-pass.ts';
import { defaultSettings } from '../../src/policy/index.ts';
import { detectProxies } from '../../src/stats/explain/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'steward-explain-pass-'));

/** Row i: race a for even i; zip 1 for 8 of 10 a-rows and 2 of 10 b-rows; income i; sex 0/1; row 5 misses its zip. */
function writeEvaluation(rows: number): string {
  const lines = ['y,score,race,sex,zip,income'];
  for (let i = 0; i < rows; i++) {
    const race = i % 2 === 0 ? 'a' : 'b';
    const local = (Math.floor(i / 2) % 10) < 8;
    const zip = i === 5 ? '' : (race === 'a') === local ? 'z1' : 'z2';
    lines.push(`${i % 3 === 0 ? 1 : 0},0.5,${race},${i % 4 < 2 ? 0 : 1},${zip},${i}`);
  }
  const file = join(dir, `evaluation-${rows}.csv`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

const features: ExplainPassSpec['features'] = [
  { name: 'income', kind: 'number' },
  { name: 'zip', kind: 'category' },
  { name: 'sex', kind: 'number' },
  { name: 'race', kind: 'category' },
];

async function pass(file: string, sample: number, seed: number) {
  const collector = explainPass({ features, sensitive: ['race'], sample, seed });
  await evaluateFile(file, { task: 'binary', yTrue: 'y', score: 'score', sensitive: ['race'] }, defaultSettings, { extras: collector.extras });
  return collector;
}

test('the proxy profile of the evaluation pass gives the hand-computed association, without the sensitive column itself', async () => {
  const collector = await pass(writeEvaluation(40), 0, 0);
  const report = detectProxies(collector.profile, { cramersV: 0.5 });
  assert.deepEqual(report.associations.map((a) => a.feature), ['income', 'zip', 'sex']);
  const zip = report.associations.find((a) => a.feature === 'zip');
  // 39 rows with a zip: race a 16 z1 / 4 z2; race b 4 z1 / 15 z2 (its row 5, which would be z2, has no zip).
  const [a, b, c, d] = [16, 4, 4, 15];
  const v = Math.abs(a * d - b * c) / Math.sqrt((a + b) * (c + d) * (a + c) * (b + d));
  assert.equal(zip?.n, 39);
  assert.ok(Math.abs((zip?.cramersV ?? 0) - v) < 1e-12, `${zip?.cramersV} vs ${v}`);
  assert.deepEqual(report.flagged.map((f) => f.feature), ['zip']);
});

test('with a sample at least as large as the file, every complete row is kept in file order, sensitive numbers as numbers', async () => {
  const collector = await pass(writeEvaluation(12), 100, 0);
  const rows = collector.sampled();
  assert.equal(rows.length, 11, 'row 5 has no zip and is never sent');
  assert.deepEqual(rows[0], [0, 'z1', 0, 'a']);
  assert.deepEqual(rows[5], [6, 'z1', 1, 'a']);
  assert.deepEqual(rows.map((row) => row[0]), [0, 1, 2, 3, 4, 6, 7, 8, 9, 10, 11]);
});

test('the reservoir sample is the requested size, reproducible from its seed and in file order', async () => {
  const file = writeEvaluation(5000);
  const first = (await pass(file, 200, 3)).sampled();
  const again = (await pass(file, 200, 3)).sampled();
  const other = (await pass(file, 200, 4)).sampled();
  assert.equal(first.length, 200);
  assert.deepEqual(first, again);
  assert.notDeepEqual(first, other);
  const incomes = first.map((row) => row[0] as number);
  assert.deepEqual(incomes, [...incomes].sort((x, y) => x - y));
  assert.ok(!incomes.includes(5));
  // Uniform over the file: the sample reaches into every fifth of it.
  for (let fifth = 0; fifth < 5; fifth++) assert.ok(incomes.some((x) => x >= fifth * 1000 && x < (fifth + 1) * 1000), `fifth ${fifth}`);
});

// The attributions file read in lockstep with the evaluation pass (no second read of the evaluation file): the same
// profile as the standalone reader, and the same alignment errors, raised from inside the evaluation pass.
async function passWithAttributions(evaluation: string, attributions: string, idColumn?: string) {
  const collector = explainPass({
    features,
    sensitive: ['race'],
    sample: 0,
    seed: 0,
    attributions: { file: { source: { path: attributions }, features: ['income', 'zip'], ...(idColumn === undefined ? {} : { idColumn }) }, evaluationPath: evaluation, ...(idColumn === undefined ? {} : { evaluationIdColumn: 'id' }) },
  });
  await evaluateFile(evaluation, { task: 'binary', yTrue: 'y', score: 'score', sensitive: ['race'] }, defaultSettings, { extras: collector.extras });
  return collector;
}

function writeAttributions(name: string, rows: number, id = (i: number): string => String(i)): string {
  const lines = ['row,income,zip'];
  // income attribution i for row i, zip attribution 1; row 3 has no zip attribution (not usable).
  for (let i = 0; i < rows; i++) lines.push(`${id(i)},${i},${i === 3 ? '' : 1}`);
  const file = join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** writeEvaluation's rows with an id column in front: row i has id "i". */
function writeEvaluationWithIds(rows: number): string {
  const file = join(dir, `evaluation-ids-${rows}.csv`);
  const lines = readFileSync(writeEvaluation(rows), 'utf8').trimEnd().split('\n');
  writeFileSync(file, `${lines.map((line, i) => `${i === 0 ? 'id' : i - 1},${line}`).join('\n')}\n`);
  return file;
}

test('the evaluation pass reads an aligned attributions file in lockstep into the hand-computed profile', async () => {
  const evaluation = writeEvaluationWithIds(10);
  const attributions = writeAttributions('attr-10.csv', 10);
  const collector = await passWithAttributions(evaluation, attributions, 'row');
  const read = collector.attributions();
  assert.equal(read?.digest, await digestFile(attributions), 'hashed as it was read');
  assert.equal(read?.rows, 10);
  assert.equal(read?.alignment, 'id');
  const overall = read?.profile.overall();
  // usable rows: all but row 3; Σ|income| = 45 − 3 = 42, Σ|zip| = 9
  assert.equal(overall?.usable, 9);
  assert.deepEqual([...(overall?.sumAbs ?? [])], [42, 9]);
  const a = read?.profile.groups().find((g) => g.value === 'a');
  assert.deepEqual([a?.sums.rows, a?.sums.usable, ...(a?.sums.sumAbs ?? [])], [5, 5, 0 + 2 + 4 + 6 + 8, 5]);
});

test('alignment errors surface from the evaluation pass with both counts, or both ids and lines', async () => {
  const evaluation = writeEvaluationWithIds(10);
  const code = (expected: string, pattern: RegExp) => (error: unknown) => {
    assert.equal((error as { code?: string }).code, expected);
    assert.match((error as Error).message, pattern);
    return true;
  };
  await assert.rejects(passWithAttributions(evaluation, writeAttributions('attr-short.csv', 7)), code('EXPLAIN_ROW_COUNT_MISMATCH', /evaluation file has 10 rows but the attributions file has 7/));
  await assert.rejects(passWithAttributions(evaluation, writeAttributions('attr-long.csv', 13)), code('EXPLAIN_ROW_COUNT_MISMATCH', /evaluation file has 10 rows but the attributions file has 13/));
  const swapped = writeAttributions('attr-swapped.csv', 10, (i) => String(i === 4 ? 5 : i === 5 ? 4 : i));
  await assert.rejects(passWithAttributions(evaluation, swapped, 'row'), code('EXPLAIN_ROW_MISMATCH', /evaluation row id "4" \(.*evaluation-ids-10\.csv:6\) has attribution row id "5" \(.*attr-swapped\.csv:6\)/));
});
