import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli } from './cli.ts';

test('each bad record exits 2 with its code and leaves the log as it was', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'steward-records-errors-'));
  const store = ['--store', join(dir, 'steward.db')];
  writeFileSync(join(dir, 'model.bin'), 'weights');
  const size = async (): Promise<number> => (JSON.parse((await runCli(['log', '--format', 'json', ...store])).stdout) as unknown[]).length;
  const seed = await runCli(['record', 'version', 'm@1', '--artifact', join(dir, 'model.bin'), ...store]);
  assert.equal(seed.code, 0, seed.stderr);

  const cases: [string[], string][] = [
    [['record', 'dataset', join(dir, 'missing.csv'), '--name', 'x'], 'INPUT_FILE_NOT_FOUND'],
    [['record', 'deployment', 'm@2', '--env', 'production'], 'RECORD_UNKNOWN_VERSION'],
    [['record', 'deployment', 'm@1', '--env', 'production', '--at', '2026-13-01T00:00:00Z'], 'RECORD_INVALID_TIME'],
    [['record', 'run', '--id', 'r1', '--dataset', 'never-recorded'], 'RECORD_UNKNOWN_DATASET'],
    [['record', 'version', 'm@1', '--artifact', join(dir, 'model.bin')], 'RECORD_DUPLICATE'],
    [['record', 'version', 'no-version', '--artifact', join(dir, 'model.bin')], 'RECORD_INVALID_REFERENCE'],
    [['lineage', 'm@7'], 'RECORD_UNKNOWN_VERSION'],
    [['state', '--at', 'last tuesday'], 'RECORD_INVALID_TIME'],
  ];
  for (const [args, code] of cases) {
    const result = await runCli([...args, ...store]);
    assert.equal(result.code, 2, `${args.join(' ')}: ${result.stderr}`);
    assert.match(result.stderr, new RegExp(code), args.join(' '));
    assert.equal(await size(), 1, `${args.join(' ')} appended nothing`);
  }
});

test('a check that cannot run records nothing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'steward-records-errors-'));
  const store = ['--store', join(dir, 'steward.db')];
  const result = await runCli(['check', '--policy', 'examples/credit-scoring/policy.yaml', '--data', join(dir, 'missing.csv'), '--record', ...store]);
  assert.equal(result.code, 2);
  const log = await runCli(['log', '--format', 'json', ...store]);
  assert.deepEqual(JSON.parse(log.stdout), []);
});

test('every record and view command documents examples and exit codes in --help', async () => {
  for (const command of [['record', 'dataset'], ['record', 'run'], ['record', 'version'], ['record', 'deployment'], ['policy', 'publish'], ['log'], ['lineage'], ['state'], ['bom']]) {
    const result = await runCli([...command, '--help']);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /Examples:/, command.join(' '));
    assert.match(result.stdout, /Exit codes:/, command.join(' '));
    assert.match(result.stdout, /--store/, command.join(' '));
  }
});
