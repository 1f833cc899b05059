import { parseCheckpoint, signCheckpoint, toHex } from '../../ledger/index.ts';
import type { Store, StoredCheckpoint } from '../../store/index.ts';
import { signingKeyOf } from './key-store.ts';
import { rootOf, storeHashSource } from './node-source.ts';
import type { CheckpointResult } from './types.ts';

/**
 * The signed checkpoint for the log's current size: reused when one is stored (Ed25519 signatures are deterministic,
 * so re-signing would give the same text anyway), otherwise the root is folded from stored nodes, signed and saved.
 * It is then remembered as the last checkpoint shown to a user, which later verifications must stay consistent with.
 */
export async function currentCheckpoint(store: Store, passphrase: string | undefined, now: Date): Promise<CheckpointResult> {
  const size = await store.size();
  return checkpointAt(store, size, passphrase, now);
}

export async function checkpointAt(store: Store, size: number, passphrase: string | undefined, now: Date): Promise<CheckpointResult> {
  let stored = await store.checkpoint(size);
  if (stored === undefined) {
    const key = await signingKeyOf(store, passphrase);
    const root = await rootOf(storeHashSource(store), size);
    const text = signCheckpoint({ origin: key.name, size, root }, key);
    stored = { size, root, text, createdAt: now.toISOString() };
    await store.saveCheckpoint(stored); // a concurrent identical save is a no-op
  }
  await markShown(store, stored);
  return describe(stored);
}

/** Moves the last-shown mark forward only: showing an older checkpoint must not weaken later verifications. */
async function markShown(store: Store, checkpoint: StoredCheckpoint): Promise<void> {
  const shown = await store.lastShownCheckpoint();
  if (shown === undefined || shown.size < checkpoint.size) await store.setLastShownCheckpoint(checkpoint.size);
}

function describe(stored: StoredCheckpoint): CheckpointResult {
  const origin = parseCheckpoint(stored.text).checkpoint.origin;
  return { origin, size: stored.size, root: toHex(stored.root), text: stored.text };
}
