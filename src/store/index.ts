export type {
  AppendItem,
  AppendResult,
  LeafBlock,
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
export type { DecisionRow, DecisionStore, LabelRow, LeafRows } from './decisions.ts';
export type { ClaimOptions, DecisionKey, DecisionSelector, DeliveryRow, MonitorStore, WindowClaim, WindowDecision, WindowRecord } from './monitor.ts';
export { WINDOW_PAGE } from './monitor.ts';
export { openStore } from './open-store.ts';
export { DEFAULT_SQLITE_PATH, redactUrl } from './store-url.ts';
export { LOWEST_STORED_LEVEL } from './tree-edge.ts';
