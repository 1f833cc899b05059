import assert from 'node:assert/strict';
import { mkdtempSync, openAsBlob, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { repoRoot, runCli } from './cli.ts';
import { startServe } from './serve-process.ts';

const example = 'examples/credit-scoring';
const checkArgs = ['check', '-p', `${example}/policy.yaml`, '-d', `${example}/evaluation.csv`, '-b', `${example}/baseline.csv`, '--model-card', `${example}/model-card.yaml`, '-w', `${example}/waivers.yaml`, '--now', '2026-11-01T00:00:00Z'];

let folder: string;
let store: string;
before(() => {
  folder = mkdtempSync(join(tmpdir(), 'steward-serve-'));
  store = join(folder, 'steward.db');
});
after(() => rmSync(folder, { recursive: true, force: true }));


async function createToken(role: string, name: string): Promise<string> {
  const result = await runCli(['token', 'create', '--role', role, '--name', name, '--store', store]);
  assert.equal(result.code, 0, result.stderr);
  return result.stdout.trim();
}

test('steward check with STEWARD_URL and STEWARD_TOKEN prints the same verdict and exit code as the local run', async () => {
  const token = await createToken('engineer', 'ci');
  const server = await startServe(store, { killAfterMs: 60_000 });
  try {
    for (const format of ['json', 'text']) {
      const local = await runCli([...checkArgs, '--format', format]);
      const remote = await runCli([...checkArgs, '--format', format], { STEWARD_URL: server.url, STEWARD_TOKEN: token });
      assert.equal(remote.stderr, local.stderr);
      assert.equal(remote.code, local.code);
      assert.equal(remote.stdout, local.stdout);
    }
    const viewer = await createToken('viewer', 'reader');
    const refused = await runCli([...checkArgs, '--format', 'json'], { STEWARD_URL: server.url, STEWARD_TOKEN: viewer });
    assert.equal(refused.code, 2, refused.stderr);
    assert.match(refused.stderr, /AUTH_FORBIDDEN/);
    const missing = await runCli(['check', '-p', `${example}/policy.yaml`, '-d', `${example}/nope.csv`], { STEWARD_URL: server.url, STEWARD_TOKEN: token });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /INPUT_FILE_NOT_FOUND .*nope\.csv/);
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
  }
});

test('SIGTERM lets an in-flight check finish, then the server closes the store and exits 0', async () => {
  const token = await createToken('engineer', 'drain');
  const server = await startServe(store, { killAfterMs: 60_000 });
  const form = new FormData();
  form.append('policy', await openAsBlob(join(repoRoot, example, 'policy.yaml')), 'policy.yaml');
  form.append('data', await openAsBlob(join(repoRoot, example, 'evaluation.csv')), 'evaluation.csv');
  form.append('baseline', await openAsBlob(join(repoRoot, example, 'baseline.csv')), 'baseline.csv');
  form.append('modelCard', await openAsBlob(join(repoRoot, example, 'model-card.yaml')), 'model-card.yaml');
  form.append('attributions', await openAsBlob(join(repoRoot, example, 'attributions.csv')), 'attributions.csv');
  form.append('importanceBaseline', await openAsBlob(join(repoRoot, example, 'importance-production.csv')), 'importance-production.csv');
  const inFlight = fetch(`${server.url}/v1/check`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  await new Promise((resolve) => setTimeout(resolve, 150));
  server.child.kill('SIGTERM');
  const response = await inFlight;
  assert.equal(response.status, 200);
  assert.equal(((await response.json()) as { schema: string }).schema, 'steward.verdict/v1');
  assert.equal(await server.exited, 0);
  await assert.rejects(fetch(`${server.url}/healthz`));
});
