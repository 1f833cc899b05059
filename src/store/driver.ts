import type { RowItem } from './append-items.ts';
import type { BatchCommitted } from './group-commit.ts';
import type { LeafBlock, LeafColumns, NodeId, NodeRange, StoredCheckpoint, StoredKey, StoredLeaf, StoredNode, TreeHasher } from './types.ts';

/**
 * What a dialect provides: the few statements that differ between SQLite and PostgreSQL. Everything the dialects
 * share — input checks, group commit, paging, range checks, the no-overwrite rules — lives once in LedgerStore, the
 * way kysely keeps one query builder over per-dialect drivers.
 */
export interface StoreDriver {
  readonly dialect: 'sqlite' | 'postgres';
  /** The file path as given, or the URL without its password. */
  readonly location: string;

  /**
   * One durable transaction: under the database's write lock, read the size, give the rows the indices
   * size..size+k−1, insert them with their leaf hashes and every perfect subtree they complete, insert the table
   * rows the items carry (rows-of-batch in leaf-rows.ts; `inserted` says which went in), update the size.
   */
  commitBatch(rows: readonly RowItem[], hasher: TreeHasher): Promise<BatchCommitted>;

  size(): Promise<number>;
  /** At most `limit` leaves with from ≤ index < to, in index order. */
  leafPage(from: number, to: number, limit: number): Promise<StoredLeaf[]>;
  /** Node hashes in the order asked; level 0 is the leaf hash. */
  nodes(ids: readonly NodeId[]): Promise<(Uint8Array | undefined)[]>;
  /** At most `limit` leaves with from ≤ index < to, in index order, as columns (index, leaf, leaf hash). */
  leafColumns(from: number, to: number, limit: number): Promise<LeafColumns>;
  /** Every stored node (level ≥ 1) inside the ranges. */
  nodeRanges(ranges: readonly NodeRange[]): Promise<StoredNode[]>;
  /** Store.leafBlock: every leaf of [from, to) in one block, or undefined when one is missing or malformed. */
  leafBlock(from: number, to: number): Promise<LeafBlock | undefined>;
  /** Store.nodeBlock: every node of the ranges packed, or undefined when one is missing or malformed. */
  nodeBlock(ranges: readonly NodeRange[]): Promise<Uint8Array | undefined>;

  /** Inserts unless a checkpoint of that size exists (then leaves it unchanged). */
  insertCheckpoint(checkpoint: StoredCheckpoint): Promise<void>;
  checkpoint(size: number): Promise<StoredCheckpoint | undefined>;
  latestCheckpoint(): Promise<StoredCheckpoint | undefined>;
  /** All checkpoints in size order. */
  checkpoints(): Promise<StoredCheckpoint[]>;
  lastShownSize(): Promise<number | undefined>;
  setLastShownSize(size: number): Promise<void>;

  /** Inserts the key unless the name exists; resolves whether it was inserted. Never updates. */
  insertKey(key: StoredKey): Promise<boolean>;
  key(name: string): Promise<StoredKey | undefined>;

  close(): Promise<void>;
}
