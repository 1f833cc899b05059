import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { openStore } from '../../src/store/index.ts';
import { sha256TreeHasher } from './hasher.ts';
import { assertTreeConsistent } from './tree-check.ts';

const folder = mkdtempSync(join(tmpdir(), 'steward-open-'));
after(() => rmSync(folder, { recursive: true, force: true }));
const hasher = sha256TreeHasher;

test('with no address the store is created at .steward/steward.db under the working folder', async () => {
  const store = await openStore(undefined, { hasher, cwd: folder });
  assert.equal(store.location, '.steward/steward.db');
  await store.close();
  assert.ok(existsSync(join(folder, '.steward', 'steward.db')));
});

test('a store path whose folder cannot be created is a coded error naming the path', async () => {
  writeFileSync(join(folder, 'plain-file'), 'x');
  await assert.rejects(openStore('plain-file/sub/steward.db', { hasher, cwd: folder }), (error: Error & { code?: string }) => {
    assert.equal(error.code, 'STORE_PATH_UNWRITABLE');
    assert.match(error.message, /plain-file\/sub\/steward\.db/);
    return true;
  });
});

test('a file that is not a SQLite database is reported as a corrupt store, not overwritten', async () => {
  const path = join(folder, 'garbage.db');
  const garbage = 'this is not a database '.repeat(200);
  writeFileSync(path, garbage);
  await assert.rejects(openStore('garbage.db', { hasher, cwd: folder }), (error: Error & { code?: string }) => {
    assert.equal(error.code, 'STORE_CORRUPT');
    assert.match(error.message, /garbage\.db/);
    return true;
  });
  assert.equal(readFileSync(path, 'utf8'), garbage);
});

const leaves = (n: number) => Array.from({ length: n }, (_, k) => ({ leaf: new Uint8Array(300).fill(k % 251), kind: 'k', recordedAt: '2026-03-01T00:00:00Z' }));

async function damagedStore(name: string, damage: (bytes: Buffer) => Buffer): Promise<string> {
  const store = await openStore(`${name}/steward.db`, { hasher, cwd: folder });
  await store.appendLeaves(leaves(3_000));
  await store.close();
  const path = join(folder, name, 'steward.db');
  writeFileSync(path, damage(readFileSync(path)));
  return `${name}/steward.db`;
}

test('a truncated store file is reported as corrupt when opened', async () => {
  const url = await damagedStore('truncated', (bytes) => bytes.subarray(0, Math.floor(bytes.length / 2)));
  await assert.rejects(openStore(url, { hasher, cwd: folder }), { code: 'STORE_CORRUPT' });
});

test('damage inside the leaf pages is reported as corrupt when the leaves are read', async () => {
  const url = await damagedStore('scribbled', (bytes) => bytes.fill(0x41, Math.floor(bytes.length * 0.5), Math.floor(bytes.length * 0.6)));
  const store = await openStore(url, { hasher, cwd: folder });
  try {
    await assert.rejects(assertTreeConsistent(store), { code: 'STORE_CORRUPT' });
  } finally {
    await store.close();
  }
});
