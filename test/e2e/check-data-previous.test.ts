import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'node:test';
import { runCli } from './cli.ts';
import { dataPolicy } from './check-data-helpers.ts';

interface VerdictJson {
  readonly inputs: { role: string; digest: string }[];
  readonly findings: { ruleId: string; status: string; metric?: string; message: string; evidence?: Record<string, unknown> }[];
}

/** A table of n rows: x = i % 100 + shift, c from `categories` in turn. */
function table(shift: number, categories: readonly string[]): string {
  const rows = Array.from({ length: 400 }, (_, i) => `${(i % 100) + shift},${categories[i % categories.length] ?? ''}`);
  return `x,c\n${rows.join('\n')}\n`;
}

test('previous_version compares a dataset with its previous recorded version and names the changed columns', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'steward-previous-'));
  const store = join(dir, 'steward.db');
  const policy = join(dir, 'policy.yaml');
  writeFileSync(policy, dataPolicy(['dataset: train'], ['- id: vs-previous', '  previous_version: { new_categories: true }']));
  const v1 = join(dir, 'v1.csv');
  const v2 = join(dir, 'v2.csv');
  writeFileSync(v1, table(0, ['a', 'b']));
  writeFileSync(v2, table(40, ['a', 'b', 'z']));
  const check = async (data: string, name: string): Promise<VerdictJson> => {
    const out = join(dir, `${name}.json`);
    const result = await runCli(['check', '--policy', policy, '--data', data, '--store', store, '-q', '--format', `json=${out}`]);
    assert.ok(result.code === 0 || result.code === 1, result.stderr);
    return JSON.parse(readFileSync(out, 'utf8')) as VerdictJson;
  };

  assert.equal((await runCli(['init', '--store', store])).code, 0);
  const first = await check(v1, 'first');
  assert.equal(first.findings[0]?.status, 'insufficient_evidence');
  assert.match(first.findings[0]?.message ?? '', /no earlier version of "train" is recorded/);

  const recorded = await runCli(['record', 'dataset', v1, '--name', 'train', '--store', store]);
  assert.equal(recorded.code, 0, recorded.stderr);
  const same = await check(v1, 'same');
  assert.equal(same.findings[0]?.status, 'insufficient_evidence', 'the recorded version itself has nothing earlier to compare with');

  const changed = await check(v2, 'changed');
  const about = (column: string) => changed.findings.find((f) => f.evidence?.['column'] === column);
  assert.equal(about('x')?.status, 'fail');
  assert.match(about('x')?.message ?? '', /changed since the previous version/);
  assert.equal(about('c')?.status, 'fail');
  assert.match(about('c')?.message ?? '', /1 new category/);
  assert.ok(!JSON.stringify(about('c')).includes('"z"'), 'category values are not reported');
  const previous = changed.inputs.find((i) => i.role === 'dataset_previous');
  assert.ok(previous, 'the previous version is an input of the verdict');

  writeFileSync(v1, table(1, ['a', 'b'])); // the recorded source no longer holds the recorded bytes
  const gone = await check(v2, 'gone');
  assert.equal(gone.findings[0]?.status, 'insufficient_evidence');
  assert.match(gone.findings[0]?.message ?? '', /no longer holds the recorded content/);
});

test('a previous_version rule needs data.dataset', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'steward-previous-policy-'));
  const policy = join(dir, 'policy.yaml');
  writeFileSync(policy, dataPolicy([], ['- id: vs-previous', '  previous_version: {}']));
  const result = await runCli(['policy', 'validate', policy]);
  assert.notEqual(result.code, 0);
  assert.match(result.stdout + result.stderr, /data.dataset names no dataset/);
});
