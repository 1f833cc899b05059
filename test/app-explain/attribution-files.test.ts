import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { digestFile } from '../../src/app/file-digest.ts';
import { importanceOf, readAttributionProfile, readGlobalImportance } from '../../src/app/explain/index.ts';
import { StewardError, type ErrorCode } from '../../src/core/index.ts';
import { computeAttributionMetrics } from '../../src/stats/explain/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'steward-explain-'));
let counter = 0;
function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, `${counter++}-${name}`);
  writeFileSync(path, content);
  return path;
}

const rejectsWith = (code: ErrorCode, pattern: RegExp) => (error: unknown) => {
  assert.ok(error instanceof StewardError, String(error));
  assert.equal(error.code, code);
  assert.match(error.message, pattern);
  return true;
};

const evaluationCsv = ['id,y_true,sex', 'r1,1,f', 'r2,0,m', 'r3,1,f', 'r4,0,m', 'r5,1,f'].join('\n');

test('attributions aligned by position give per-group importance; every non-id column is a feature', async () => {
  const attributions = file('shap.csv', ['income,sex', '2,-1', '-1,1', '0,1', '3,0', 'NA,2'].join('\n'));
  const result = await readAttributionProfile({ source: { path: file('eval.csv', evaluationCsv) }, sensitive: ['sex'] }, { source: { path: attributions } });
  assert.equal(result.rows, 5);
  assert.equal(result.alignment, 'position');
  const metrics = computeAttributionMetrics(result.profile, { protectedFeatures: ['sex'] });
  // usable rows r1–r4: Σ|income| = 6, Σ|sex| = 3
  assert.equal(metrics.overall.coverage, 4 / 5);
  assert.deepEqual([...importanceOf(metrics)], [['income', 6 / 4], ['sex', 3 / 4]]);
  assert.equal(metrics.overall.protectedShare, 3 / 9);
  const female = metrics.groups.find((g) => g.key === 'sex=f');
  assert.equal(female?.rows, 3);
  assert.equal(female?.usable, 2); // r1, r3 (r5 is missing an attribution)
});

test('alignment by id reads files cut into different batches in lockstep', async () => {
  const ids = Array.from({ length: 11 }, (_, i) => `r${i}`);
  const evaluation = file('eval.csv', ['id,sex', ...ids.map((id, i) => `${id},${i % 3 === 0 ? 'a' : 'b'}`)].join('\n'));
  const parquet = parquetWriteBuffer({
    columnData: [
      { name: 'row_id', data: ids, type: 'STRING' },
      { name: 'x', data: ids.map((_, i) => i), type: 'DOUBLE' },
    ],
    rowGroupSize: 4,
  });
  const attributions = file('attr.parquet', new Uint8Array(parquet));
  const result = await readAttributionProfile(
    { source: { path: evaluation }, sensitive: ['sex'], idColumn: 'id' },
    { source: { path: attributions }, idColumn: 'row_id' },
    { batchRows: 3 },
  );
  const metrics = computeAttributionMetrics(result.profile);
  assert.equal(result.digest, await digestFile(attributions), 'a Parquet file hashed beside the read');
  assert.equal(result.rows, 11);
  assert.equal(metrics.overall.features[0]?.importance, 55 / 11);
  assert.equal(metrics.groups.find((g) => g.key === 'sex=a')?.features[0]?.importance, (0 + 3 + 6 + 9) / 4);
});

test('a differing id is reported with both ids and the line of each file', async () => {
  const attributions = file('attr.jsonl', ['r1', 'r2', 'r4', 'r3', 'r5'].map((id) => JSON.stringify({ id, a: 1 })).join('\n'));
  await assert.rejects(
    readAttributionProfile({ source: { path: file('eval.csv', evaluationCsv) }, sensitive: ['sex'] }, { source: { path: attributions }, idColumn: 'id' }),
    (error: unknown) => {
      rejectsWith('EXPLAIN_ROW_MISMATCH', /evaluation row id "r3" \(.*eval\.csv:4\) has attribution row id "r4" \(.*attr\.jsonl:3\)/)(error);
      assert.equal((error as StewardError).problem.location?.line, 4);
      return true;
    },
  );
});

test('files with different row counts are refused in either direction, with both counts', async () => {
  const short = file('short.csv', ['a', '1', '2'].join('\n'));
  await assert.rejects(
    readAttributionProfile({ source: { path: file('eval.csv', evaluationCsv) }, sensitive: ['sex'] }, { source: { path: short } }),
    rejectsWith('EXPLAIN_ROW_COUNT_MISMATCH', /evaluation file has 5 rows but the attributions file has 2/),
  );
  const long = file('long.csv', ['a', ...Array.from({ length: 8 }, () => '1')].join('\n'));
  await assert.rejects(
    readAttributionProfile({ source: { path: file('eval.csv', evaluationCsv) }, sensitive: ['sex'] }, { source: { path: long } }, { batchRows: 2 }),
    rejectsWith('EXPLAIN_ROW_COUNT_MISMATCH', /evaluation file has 5 rows but the attributions file has 8/),
  );
});

test('an attributions file with only the id column has no features', async () => {
  await assert.rejects(
    readAttributionProfile({ source: { path: file('eval.csv', evaluationCsv) }, sensitive: [] }, { source: { path: file('ids.csv', 'id\nr1') }, idColumn: 'id' }),
    rejectsWith('EXPLAIN_NO_FEATURES', /no feature column/),
  );
});

test('a global importance file is read in order; repeated or unnamed features are refused at their line', async () => {
  const importance = await readGlobalImportance({ source: { path: file('imp.csv', 'feature,importance\nincome,0.5\nzip,0.25\n') } });
  assert.deepEqual([...importance], [['income', 0.5], ['zip', 0.25]]);
  await assert.rejects(readGlobalImportance({ source: { path: file('imp.csv', 'feature,importance\nincome,0.5\nincome,0.1\n') } }), (error: unknown) => {
    rejectsWith('EXPLAIN_DUPLICATE_FEATURE', /repeats feature "income"/)(error);
    assert.equal((error as StewardError).problem.location?.line, 3);
    return true;
  });
  await assert.rejects(readGlobalImportance({ source: { path: file('imp.csv', 'feature,importance\nincome,\n') } }), rejectsWith('EXPLAIN_DUPLICATE_FEATURE', /no finite importance/));
  await assert.rejects(readGlobalImportance({ source: { path: file('imp.jsonl', '{"name":"a","weight":1}\n') }, featureColumn: 'feature' }), rejectsWith('INPUT_MISSING_COLUMN', /feature/));
});
