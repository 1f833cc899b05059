import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, openAsBlob, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { repoRoot, runCli } from './cli.ts';

const example = 'examples/credit-scoring';
const checkArgs = ['check', '-p', `${example}/policy.yaml`, '-d', `${example}/evaluation.csv`, '-b', `${example}/baseline.csv`, '--model-card', `${example}/model-card.yaml`, '-w', `${example}/waivers.yaml`, '--now', '2026-11-01T00:00:00Z'];

let folder: string;
let store: string;
before(() => {
  folder = mkdtempSync(join(tmpdir(), 'steward-serve-'));
  store = join(folder, 'steward.db');
});
after(() => rmSync(folder, { recursive: true, force: true }));

/** Starts `steward serve` on a free port; resolves with its URL once it listens. Killed after 60 s whatever happens. */
function serve(): Promise<{ child: ChildProcess; url: string; exited: Promise<number> }> {
  const child = spawn(process.execPath, ['src/cli/main.ts', 'serve', '--store', store, '--port', '0', '--log-level', 'warn'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const exited = new Promise<number>((resolve) => child.once('close', (code) => (clearTimeout(guard), resolve(code ?? -1))));
  return new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      const match = /at (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
      if (match !== null) resolve({ child, url: match[1] as string, exited });
    });
    void exited.then((code) => reject(new Error(`serve exited ${code} before listening: ${stderr}`)));
  });
}

async function createToken(role: string, name: string): Promise<string> {
  const result = await runCli(['token', 'create', '--role', role, '--name', name, '--store', store]);
  assert.equal(result.code, 0, result.stderr);
  return result.stdout.trim();
}

test('steward check with STEWARD_URL and STEWARD_TOKEN prints the same verdict and exit code as the local run', async () => {
  const token = await createToken('engineer', 'ci');
  const server = await serve();
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
  const server = await serve();
  const form = new FormData();
  form.append('policy', await openAsBlob(join(repoRoot, example, 'policy.yaml')), 'policy.yaml');
  form.append('data', await openAsBlob(join(repoRoot, example, 'evaluation.csv')), 'evaluation.csv');
  form.append('baseline', await openAsBlob(join(repoRoot, example, 'baseline.csv')), 'baseline.csv');
  form.append('modelCard', await openAsBlob(join(repoRoot, example, 'model-card.yaml')), 'model-card.yaml');
  const inFlight = fetch(`${server.url}/v1/check`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  await new Promise((resolve) => setTimeout(resolve, 150));
  server.child.kill('SIGTERM');
  const response = await inFlight;
  assert.equal(response.status, 200);
  assert.equal(((await response.json()) as { schema: string }).schema, 'steward.verdict/v1');
  assert.equal(await server.exited, 0);
  await assert.rejects(fetch(`${server.url}/healthz`));
});
