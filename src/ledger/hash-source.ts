/**
 * The seam between the pure ledger and its storage. A node is the root of a *perfect* subtree: level L, index i
 * covers leaves [i·2^L, (i+1)·2^L). Level 0 holds the leaf hashes. Perfect subtrees never change once complete, so a
 * store can persist them as they are created (see CompactRange.append's onNode) and proofs need only O(log n) of them.
 */
export interface NodeId {
  readonly level: number;
  readonly index: number;
}

/** Synchronous lookup (in-memory trees, node:sqlite). Must throw if a requested node does not exist. */
export interface HashSource {
  getNodes(ids: readonly NodeId[]): readonly Uint8Array[];
}

/** Asynchronous lookup (PostgreSQL): the ids of one proof are asked for in one call, so one query serves a proof. */
export interface AsyncHashSource {
  getNodes(ids: readonly NodeId[]): Promise<readonly Uint8Array[]>;
}

/** First leaf index covered by a node. */
export function nodeStart(id: NodeId): number {
  return id.index * 2 ** id.level;
}
