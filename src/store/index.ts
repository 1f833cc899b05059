export type { AppendItem, AppendResult, NodeId, OpenStoreOptions, Store, StoredCheckpoint, StoredKey, StoredLeaf, TreeHasher } from './types.ts';
export type { StoredToken, TokenStore } from './tokens.ts';
export { openStore } from './open-store.ts';
export { DEFAULT_SQLITE_PATH, redactUrl } from './store-url.ts';
