export type {
  AppendItem,
  AppendResult,
  LeafColumns,
  NodeId,
  NodeRange,
  OpenStoreOptions,
  Store,
  StoredCheckpoint,
  StoredKey,
  StoredLeaf,
  StoredNode,
  TreeHasher,
} from './types.ts';
export type { StoredToken, TokenStore } from './tokens.ts';
export type { DecisionRow, DecisionStore, LabelRow } from './decisions.ts';
export { openStore } from './open-store.ts';
export { DEFAULT_SQLITE_PATH, redactUrl } from './store-url.ts';
