import { openStore } from '../../store/index.ts';
import { ensureKey } from './key-store.ts';
import { treeHasher } from './tree-hasher.ts';
import type { InitLedgerOptions, InitResult } from './types.ts';

/**
 * `steward init`: creates the store (migrations run on open) and the ledger's Ed25519 key. Idempotent: a second
 * run reports the existing public key and changes nothing; asking for another origin is refused (keys are never
 * replaced). The private key stays in the store, encrypted when a passphrase is given.
 */
export async function initLedger(options: InitLedgerOptions = {}): Promise<InitResult> {
  const store = await openStore(options.store, options.cwd === undefined ? { hasher: treeHasher } : { hasher: treeHasher, cwd: options.cwd });
  try {
    const now = (options.now ?? (() => new Date()))();
    const identity = await ensureKey(store, options.origin, options.passphrase, now);
    const encrypted = identity.created && options.passphrase !== undefined && options.passphrase !== '';
    return { ...identity, store: store.location, encrypted };
  } finally {
    await store.close();
  }
}
