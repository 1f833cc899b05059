import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { StoredCheckpoint } from '../../src/store/index.ts';
import { withStore } from './conformance.ts';
import type { StoreHarness } from './harness.ts';
import { items } from './items.ts';

function checkpointOf(size: number, rootByte: number, createdAt = '2026-03-01T12:00:00.000Z'): StoredCheckpoint {
  return { size, root: new Uint8Array(32).fill(rootByte), text: `example.org/log\n${size}\nroot-${rootByte}\n\n— sig\n`, createdAt };
}

/** Checkpoints and keys: saved verbatim, never overwritten. */
export function registerRecordConformance(harness: StoreHarness): void {
  test('checkpoints are saved, found by size and as the latest; an identical resave is harmless', () =>
    withStore(harness, async (store) => {
      await store.appendLeaves(items('c', 9));
      await store.saveCheckpoint(checkpointOf(4, 1));
      await store.saveCheckpoint(checkpointOf(9, 2, '2026-03-01T13:00:00+01:00'));
      await store.saveCheckpoint(checkpointOf(4, 1));
      assert.deepEqual(await store.checkpoint(4), checkpointOf(4, 1));
      assert.deepEqual(await store.latestCheckpoint(), checkpointOf(9, 2, '2026-03-01T12:00:00.000Z'));
      assert.equal(await store.checkpoint(5), undefined);
    }));

  test('a different checkpoint for a stored size, or one beyond the log, is refused and the stored one kept', () =>
    withStore(harness, async (store) => {
      await store.appendLeaves(items('c', 4));
      await store.saveCheckpoint(checkpointOf(4, 1));
      await assert.rejects(store.saveCheckpoint(checkpointOf(4, 9)), { code: 'STORE_CHECKPOINT_CONFLICT' });
      await assert.rejects(store.saveCheckpoint(checkpointOf(5, 1)), { code: 'STORE_CHECKPOINT_CONFLICT' });
      assert.deepEqual(await store.checkpoint(4), checkpointOf(4, 1));
      assert.equal(await store.checkpoint(5), undefined);
    }));

  test('the last shown checkpoint is remembered and must be a stored checkpoint', () =>
    withStore(harness, async (store) => {
      await store.appendLeaves(items('c', 8));
      await store.saveCheckpoint(checkpointOf(3, 3));
      await store.saveCheckpoint(checkpointOf(8, 8));
      await store.setLastShownCheckpoint(3);
      assert.deepEqual(await store.lastShownCheckpoint(), checkpointOf(3, 3));
      await assert.rejects(store.setLastShownCheckpoint(5), { code: 'STORE_CHECKPOINT_CONFLICT' });
      assert.deepEqual(await store.lastShownCheckpoint(), checkpointOf(3, 3));
      await store.setLastShownCheckpoint(8);
      assert.equal((await store.lastShownCheckpoint())?.size, 8);
    }));

  test('a key is stored with its private bytes; a second key of that name is refused without revealing either', () =>
    withStore(harness, async (store) => {
      const secret = Uint8Array.from({ length: 48 }, (_, k) => (k * 37 + 11) % 256);
      const key = { name: 'ledger', publicKey: 'ed25519:PUBLIC', privateKey: secret, createdAt: '2026-03-01T12:00:00.000Z' };
      await store.saveKey(key);
      const other = { ...key, privateKey: new Uint8Array(48).fill(7) };
      await assert.rejects(store.saveKey(other), (error: Error & { code?: string }) => {
        assert.equal(error.code, 'STORE_KEY_EXISTS');
        for (const form of [Buffer.from(secret).toString('hex'), Buffer.from(secret).toString('base64'), '7,7,7,7']) {
          assert.ok(!error.message.includes(form), 'no private key bytes in the message');
        }
        return true;
      });
      assert.deepEqual(await store.loadKey('ledger'), key);
      assert.equal(await store.loadKey('other'), undefined);
    }));
}
