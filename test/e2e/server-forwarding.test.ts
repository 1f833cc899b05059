import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { runCli, type CliResult } from './cli.ts';
import { startServe, type ServeProcess } from './serve-process.ts';

/**
 * The same commands, run once on a local store and once through a server on another store (STEWARD_URL and
 * STEWARD_TOKEN set), with the same --at times: every output and exit code must be the same. The two stores have
 * different signing keys, so signatures and verifier keys differ and are masked; everything else (events, leaf
 * hashes, roots, proofs) must be byte for byte equal.
 */
const example = 'examples/credit-scoring';
let folder: string;
let localStore: string;
let remoteStore: string;
let server: ServeProcess;
let env: NodeJS.ProcessEnv;


before(async () => {
  folder = mkdtempSync(join(tmpdir(), 'steward-forward-'));
  localStore = join(folder, 'local.db');
  remoteStore = join(folder, 'remote.db');
  for (const store of [localStore, remoteStore]) assert.equal((await runCli(['init', '--origin', 'example.com/forward', '--store', store])).code, 0);
  const token = await runCli(['token', 'create', '--role', 'admin', '--name', 'ops', '--store', remoteStore]);
  assert.equal(token.code, 0, token.stderr);
  server = await startServe(remoteStore, { killAfterMs: 600_000 });
  env = { STEWARD_URL: server.url, STEWARD_TOKEN: token.stdout.trim(), STEWARD_STORE: undefined };
});
after(async () => {
  server.child.kill('SIGTERM');
  await server.exited;
  rmSync(folder, { recursive: true, force: true });
});

/** Signatures (note lines starting with an em dash), verifier keys and the two folders differ by construction. */
function mask(text: string): string {
  return text
    .replace(/^— .*$/gm, '— <signature>')
    .replace(/\\n— [^"\\]*\\n/g, '\\n— <signature>\\n')
    .replace(/example\.com\/forward\+[0-9a-f]{8}\+[A-Za-z0-9+/=]+/g, '<verifier key>')
    .replaceAll(folder, '<folder>')
    .replace(/<folder>\/(local|remote)-/g, '<folder>/');
}

async function both(args: (side: 'local' | 'remote') => string[]): Promise<{ local: CliResult; remote: CliResult }> {
  const local = await runCli([...args('local'), '--store', localStore], { STEWARD_URL: undefined, STEWARD_TOKEN: undefined, STEWARD_STORE: undefined });
  const remote = await runCli(args('remote'), env);
  return { local, remote };
}

async function same(args: string[] | ((side: 'local' | 'remote') => string[]), expectedCode = 0): Promise<CliResult> {
  const { local, remote } = await both(typeof args === 'function' ? args : () => args);
  const label = (typeof args === 'function' ? args('local') : args).join(' ');
  assert.equal(local.code, expectedCode, `${label} (local): ${local.stderr}`);
  assert.equal(remote.code, local.code, `${label} (remote): ${remote.stderr}`);
  assert.equal(mask(remote.stderr), mask(local.stderr), label);
  assert.equal(mask(remote.stdout), mask(local.stdout), label);
  return remote;
}

test('record, check --record, publish, log, lineage, state, bom, checkpoint, proofs, export and verify print the same locally and through a server', async () => {
  await same(['record', 'dataset', `${example}/training.csv`, '--name', 'loans', '--at', '2026-11-01T09:00:00Z', '--format', 'json']);
  await same(['record', 'run', '--id', 'train-1', '--model', 'credit', '--dataset', 'loans', '--commit', '1a2b3c', '--param', 'lr=0.01', '--at', '2026-11-01T10:00:00Z']);
  await same(['record', 'version', 'credit@1.0.0', '--artifact', `${example}/model-card.yaml`, '--run', 'train-1', '--at', '2026-11-01T11:00:00Z', '--format', 'json']);
  const check = ['check', '-p', `${example}/policy.yaml`, '-d', `${example}/evaluation.csv`, '-b', `${example}/baseline.csv`, '--model-card', `${example}/model-card.yaml`, '-w', `${example}/waivers.yaml`];
  const recorded = await same([...check, '--model', 'credit@1.0.0', '--now', '2026-11-01T11:30:00Z', '--record', '--format', 'json'], 1);
  assert.match(recorded.stderr, /recorded verdict sha256:[0-9a-f]{64} as event #3/);
  await same(['policy', 'publish', `${example}/policy.yaml`, '--at', '2026-11-01T12:00:00Z', '--format', 'json']);
  await same(['record', 'deployment', 'credit@1.0.0', '--env', 'production', '--at', '2026-11-02T09:00:00Z']);
  for (const format of ['text', 'json']) await same(['log', '--format', format]);
  await same(['log', '--kind', 'version', '--since', '2026-11-01T10:30:00Z', '--format', 'json']);
  for (const format of ['text', 'json', 'mermaid']) await same(['lineage', 'credit@1.0.0', '--format', format]);
  for (const format of ['text', 'json']) await same(['state', '--at', '2026-11-03T00:00:00Z', '--format', format]);
  const bom = await same(['bom', 'credit@1.0.0']);
  assert.equal((JSON.parse(bom.stdout) as { specVersion: string }).specVersion, '1.6');
  const checkpoint = await same(['checkpoint', '--format', 'json']);
  assert.equal((JSON.parse(checkpoint.stdout) as { size: number }).size, 6);
  await same(['proof', 'inclusion', '2']);
  await same(['proof', 'consistency', '2', '6', '--format', 'text']);
  await same((side) => ['export', join(folder, `${side}-ledger.jsonl`)]);
  const bundle = readFileSync(join(folder, 'remote-ledger.jsonl'), 'utf8').trim().split('\n');
  assert.equal(bundle.length, 7, 'a header and six events');
  await same(['verify', '--bundle', join(folder, 'remote-ledger.jsonl')]);
  await same(['verify', '--format', 'json']);
});

test('errors come back with the same code, message and exit code as a local run', async () => {
  await same(['lineage', 'credit@9.9.9'], 2);
  await same(['lineage', 'no-version-here'], 2);
  await same(['record', 'deployment', 'credit@2.0.0', '--env', 'production'], 2);
  await same(['record', 'run', '--id', 'train-2', '--dataset', 'nowhere'], 2);
  await same(['record', 'version', 'credit@1.0.0', '--artifact', `${example}/model-card.yaml`], 2);
  await same(['policy', 'publish', `${example}/missing.yaml`], 2);
  await same(['state', '--at', 'yesterday'], 2);
});

test('a viewer token may read through the server but not record', async () => {
  const viewer = await runCli(['token', 'create', '--role', 'viewer', '--name', 'reader'], env);
  assert.equal(viewer.code, 0, viewer.stderr);
  const asViewer = { ...env, STEWARD_TOKEN: viewer.stdout.trim() };
  const log = await runCli(['log', '--kind', 'deployment'], asViewer);
  assert.equal(log.code, 0, log.stderr);
  assert.match(log.stdout, /credit@1\.0\.0/);
  const refused = await runCli(['record', 'deployment', 'credit@1.0.0', '--env', 'staging'], asViewer);
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /AUTH_FORBIDDEN/);
  const listed = await runCli(['token', 'list', '--format', 'json'], env);
  assert.deepEqual((JSON.parse(listed.stdout) as { name: string }[]).map((token) => token.name).sort(), ['ops', 'reader']);
});
