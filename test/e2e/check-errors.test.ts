import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli } from './cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'steward-errors-'));
const policy = join(dir, 'policy.yaml');
writeFileSync(
  policy,
  [
    'apiVersion: steward/v1',
    'kind: Policy',
    'metadata: { name: errors }',
    'data: { y_true: repaid, y_pred: approved, score: score, sensitive: [race] }',
    'rules:',
    '  - { id: accuracy, metric: accuracy, min: 0.5 }',
    '',
  ].join('\n'),
);

test('a missing column is exit 2 with file, line, column and a suggestion, and writes no report', async () => {
  const data = join(dir, 'missing.csv');
  writeFileSync(data, 'repaid,approved,scor,race\n1,1,0.9,white\n');
  const report = join(dir, 'out', 'report.json');
  const result = await runCli(['check', '--policy', policy, '--data', data, '--format', `json=${report}`]);
  assert.equal(result.code, 2, result.stderr);
  assert.match(result.stderr, /INPUT_MISSING_COLUMN/);
  assert.match(result.stderr, new RegExp(`${data.replaceAll('.', '\\.')}:1`));
  assert.match(result.stderr, /did you mean "scor"\?/);
  assert.equal(existsSync(report), false);
});

test('a non-numeric score names its line and column', async () => {
  const data = join(dir, 'nan.csv');
  writeFileSync(data, 'repaid,approved,score,race\n1,1,0.9,white\n0,0,high,black\n');
  const result = await runCli(['check', '--policy', policy, '--data', data]);
  assert.equal(result.code, 2, result.stderr);
  assert.match(result.stderr, /nan\.csv:3:5: INPUT_NOT_A_NUMBER/);
});

test('usage errors exit 2: missing required flag, unknown format, missing file', async () => {
  const noData = await runCli(['check', '--policy', policy]);
  assert.equal(noData.code, 2);
  assert.match(noData.stderr, /--data/);
  const badFormat = await runCli(['check', '--policy', policy, '--data', 'x.csv', '--format', 'pdf']);
  assert.equal(badFormat.code, 2);
  assert.match(badFormat.stderr, /USAGE_UNKNOWN_FORMAT/);
  const missing = await runCli(['check', '--policy', 'nope.yaml', '--data', 'x.csv']);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /nope\.yaml/);
});

test('every command explains itself with --help', async () => {
  const top = await runCli(['--help']);
  assert.equal(top.code, 0);
  assert.match(top.stdout, /check/);
  const check = await runCli(['check', '--help']);
  assert.equal(check.code, 0);
  for (const flag of ['--policy', '--data', '--baseline', '--model-card', '--waivers', '--format', '--report-dir', '--seed', '--now']) {
    assert.match(check.stdout, new RegExp(flag));
  }
});

test('a reader that closes the pipe early ends the command quietly', async () => {
  const { spawn } = await import('node:child_process');
  const { repoRoot } = await import('./cli.ts');
  // Close our end of the child's stdout before it writes anything (it needs ~100 ms to start): its first write
  // then meets a closed pipe, as `steward log | head` does once head has its lines.
  const child = spawn(process.execPath, ['src/cli/main.ts', 'check', '--help'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.destroy();
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  assert.equal(code, 0, stderr);
  assert.doesNotMatch(stderr, /EPIPE|Unhandled/);
});
