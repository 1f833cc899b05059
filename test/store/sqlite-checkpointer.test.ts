import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, test } from 'node:test';
import { openStore, type Store } from '../../src/store/index.ts';
import { START_AFTER_COMMITS } from '../../src/store/sqlite/checkpointer.ts';
import { sha256TreeHasher } from './hasher.ts';
import { items, text } from './items.ts';
import { assertTreeConsistent } from './tree-check.ts';

const folder = mkdtempSync(join(tmpdir(), 'steward-checkpointer-'));
after(() => rmSync(folder, { recursive: true, force: true }));
const hasher = sha256TreeHasher;

/** Commits `count` batches of 3 small leaves one after the other: far below the 1000 WAL pages of SQLite's own checkpoint. */
async function commit(store: Store, tag: string, count: number): Promise<void> {
  for (let k = 0; k < count; k++) await store.appendLeaves(items(`${tag}-${k}`, 3));
}

/** Polls until the database file (not its WAL) is larger than `bytes`: only a checkpoint writes pages there. */
async function fileGrowsBeyond(path: string, bytes: number, withinMs: number): Promise<boolean> {
  for (const started = Date.now(); Date.now() - started < withinMs; await sleep(20)) if (statSync(path).size > bytes) return true;
  return false;
}

test('a store that keeps committing gets its WAL copied into the database file by another thread, well before 1000 pages', async () => {
  const path = join(folder, 'busy.db');
  const store = await openStore('busy.db', { hasher, cwd: folder });
  const migrated = statSync(path).size;
  await commit(store, 'busy', START_AFTER_COMMITS + 4);
  assert.equal(await fileGrowsBeyond(path, migrated, 5_000), true, 'the database file grew: a checkpoint ran while the WAL held a few pages');
  // The writer keeps going while the thread checkpoints, and nothing is lost or reordered.
  await commit(store, 'more', 10);
  const size = await store.size();
  assert.equal(size, 3 * (START_AFTER_COMMITS + 14));
  const leaves = [];
  for await (const leaf of store.readLeaves(0, size)) leaves.push(text(leaf.leaf));
  assert.equal(leaves[0], JSON.stringify({ k: 0, tag: 'busy-0' }));
  assert.equal(leaves[size - 1], JSON.stringify({ k: 2, tag: 'more-9' }));
  await assertTreeConsistent(store);
  await store.close();
  // close() stopped the thread and closed its connection: the writer's was the last one, so SQLite checkpointed
  // the rest and removed the WAL.
  assert.equal(existsSync(`${path}-wal`), false);
  const reopened = await openStore('busy.db', { hasher, cwd: folder });
  assert.equal(await reopened.size(), size);
  await reopened.close();
});

test('a short-lived store (a command committing a few batches) starts no thread and leaves checkpoints to SQLite', async () => {
  const path = join(folder, 'short.db');
  const store = await openStore('short.db', { hasher, cwd: folder });
  const migrated = statSync(path).size;
  await commit(store, 'short', START_AFTER_COMMITS - 1);
  assert.equal(await fileGrowsBeyond(path, migrated, 400), false, 'no checkpoint ran: the WAL is far below SQLite’s threshold');
  await store.close();
  assert.equal(existsSync(`${path}-wal`), false);
  const reopened = await openStore('short.db', { hasher, cwd: folder });
  assert.equal(await reopened.size(), 3 * (START_AFTER_COMMITS - 1));
  await reopened.close();
});
