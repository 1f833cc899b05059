import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { runCli } from './cli.ts';
import { startServe, type ServeProcess } from './serve-process.ts';

const artifact = 'examples/credit-scoring/model-card.yaml';
const noServer = { STEWARD_URL: undefined, STEWARD_TOKEN: undefined, STEWARD_STORE: undefined };
const github = { GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'acme/credit', GITHUB_ACTOR: 'ana' };
let folder: string;
before(() => {
  folder = mkdtempSync(join(tmpdir(), 'steward-approve-'));
});
after(() => rmSync(folder, { recursive: true, force: true }));

test('steward approve records locally under --by, else the CI actor; log --kind approval and lineage show it', async () => {
  const store = ['--store', join(folder, 'local.db')];
  const run = (args: string[], env: NodeJS.ProcessEnv = {}) => runCli([...args, ...store], { ...noServer, ...env });
  assert.equal((await run(['record', 'version', 'credit@1.0.0', '--artifact', artifact, '--at', '2026-11-01T00:00:00Z'])).code, 0);

  const approved = await run(['approve', 'credit@1.0.0', '--comment', 'fairness within bounds', '--at', '2026-11-02T00:00:00Z', '--format', 'json'], github);
  assert.equal(approved.code, 0, approved.stderr);
  const result = JSON.parse(approved.stdout) as { index: number; event: Record<string, unknown> };
  assert.equal(result.index, 1);
  assert.deepEqual([result.event.approver, result.event.decision, (result.event.ci as { actor: string }).actor], ['ana', 'approved', 'ana']);

  const rejected = await run(['approve', 'credit@1.0.0', '--reject', '--by', 'bo', '--comment', 'wait for Q2', '--at', '2026-11-03T00:00:00Z'], github);
  assert.equal(rejected.code, 0, rejected.stderr);
  assert.equal(rejected.stdout, 'recorded approval credit@1.0.0 as event #2\n');

  const log = await run(['log', '--kind', 'approval']);
  assert.deepEqual(log.stdout.trim().split('\n').map((line) => line.replace(/\s+/g, ' ')), [
    '#1 2026-11-02T00:00:00.000Z approval credit@1.0.0 approved by ana: "fairness within bounds"',
    '#2 2026-11-03T00:00:00.000Z approval credit@1.0.0 rejected by bo: "wait for Q2"',
  ]);
  const lineage = await run(['lineage', 'credit@1.0.0']);
  assert.match(lineage.stdout, /├─ approval approved by ana: "fairness within bounds" {2}\(#1, 2026-11-02T00:00:00\.000Z\)\n {3}└─ approval rejected by bo: "wait for Q2" {2}\(#2,/);

  const empty = await run(['approve', 'credit@1.0.0', '--comment', ' ']);
  assert.equal(empty.code, 2);
  assert.match(empty.stderr, /RECORD_EMPTY_FIELD/);
  const otherVerdict = await run(['approve', 'credit@1.0.0', '--comment', 'ok', '--verdict', '1']);
  assert.equal(otherVerdict.code, 2);
  assert.match(otherVerdict.stderr, /RECORD_UNKNOWN_VERDICT.*verdict #1 \(--verdict\) is an approval event, not a verdict/);
  assert.equal((await run(['log'])).stdout.trim().split('\n').length, 3, 'the refusals appended nothing');

  const help = await run(['approve', '--help']);
  assert.match(help.stdout, /--by <name>/);
  assert.match(help.stdout, /else the CI actor .*, else the operating-system\s+user/s);
});

test('through a server the approver is the token name: --by is refused, an engineer token is forbidden', async () => {
  const store = join(folder, 'remote.db');
  assert.equal((await runCli(['init', '--origin', 'example.com/approve', '--store', store], noServer)).code, 0);
  const token = async (role: string, name: string): Promise<string> => {
    const created = await runCli(['token', 'create', '--role', role, '--name', name, '--store', store], noServer);
    assert.equal(created.code, 0, created.stderr);
    return created.stdout.trim();
  };
  const engineer = await token('engineer', 'ci');
  const approver = await token('approver', 'risk-ana');
  const server: ServeProcess = await startServe(store, { killAfterMs: 300_000 });
  try {
    const as = (secret: string) => ({ ...noServer, ...github, STEWARD_URL: server.url, STEWARD_TOKEN: secret });
    assert.equal((await runCli(['record', 'version', 'credit@1.0.0', '--artifact', artifact], as(engineer))).code, 0);

    const approved = await runCli(['approve', 'credit@1.0.0', '--comment', 'reviewed', '--format', 'json'], as(approver));
    assert.equal(approved.code, 0, approved.stderr);
    assert.equal((JSON.parse(approved.stdout) as { event: { approver: string } }).event.approver, 'risk-ana', 'the token name, not the CI actor');

    const by = await runCli(['approve', 'credit@1.0.0', '--comment', 'reviewed', '--by', 'ceo'], as(approver));
    assert.equal(by.code, 2);
    assert.match(by.stderr, /USAGE_INVALID_ARGUMENT.*--by cannot be used with STEWARD_URL/);
    const forbidden = await runCli(['approve', 'credit@1.0.0', '--comment', 'self-approved'], as(engineer));
    assert.equal(forbidden.code, 2);
    assert.match(forbidden.stderr, /AUTH_FORBIDDEN/);

    const log = await runCli(['log', '--kind', 'approval', '--format', 'json'], as(engineer));
    assert.deepEqual((JSON.parse(log.stdout) as { event: { approver: string } }[]).map((entry) => entry.event.approver), ['risk-ana']);
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
  }
});
