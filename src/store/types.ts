/**
 * The seam between the ledger and its storage. Two sibling implementations (embedded SQLite in sqlite/, PostgreSQL
 * in postgres/) pass one conformance suite, so everything above the store is written once (DESIGN.md, Principle 5).
 *
 * Tree vocabulary (RFC 6962 §2.1): a node is the hash of a *perfect* subtree; level L, index i covers the leaves
 * [i·2^L, (i+1)·2^L). Level 0 is the leaf hash. Perfect subtrees never change once complete, so the store writes
 * each one once, in the transaction that completes it, and any proof needs only O(log n) of them.
 */

import type { DecisionStore, LeafRows } from './decisions.ts';
import type { MonitorStore } from './monitor.ts';
import type { TokenStore } from './tokens.ts';

/**
 * RFC 6962 hashing, injected by the caller: the store must not import src/ledger (layer rule), yet it computes the
 * leaf and node hashes inside the append transaction so the log and its tree are committed together.
 */
export interface TreeHasher {
  /** SHA-256(0x00 ‖ leaf). */
  leafHash(leaf: Uint8Array): Uint8Array;
  /** SHA-256(0x01 ‖ left ‖ right). */
  nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array;
}

/** One event to append: its canonical bytes plus the columns the store indexes. */
export interface AppendItem {
  readonly leaf: Uint8Array;
  /** The event type, e.g. `model.version.registered`. */
  readonly kind: string;
  /** What the event is about, e.g. `credit-scoring@1.4.0`. */
  readonly subject?: string;
  /** RFC 3339 instant with a zone (`Z` or `±hh:mm`); stored and returned as UTC with millisecond precision. */
  readonly recordedAt: string;
  /**
   * At most one leaf of the log may have this item's kind and subject (a run id, a model version). Checked inside
   * the append transaction, under the same lock that assigns indices, so two writers racing on one subject cannot
   * both succeed: the later one is refused with STORE_DUPLICATE_SUBJECT and nothing of its call is written.
   */
  readonly unique?: boolean;
  /**
   * Table rows this leaf ledgers (an ingest batch's decisions or labels): inserted in the append transaction itself,
   * with this leaf's index, so the leaf and its rows are durable together or not at all. A row whose key is already
   * stored is left as it was (ON CONFLICT DO NOTHING); AppendResult.inserted says which rows were this call's.
   */
  readonly rows?: LeafRows;
}

/** The indices of one caller's items: [first, first + count), contiguous and in the order given. */
export interface AppendResult {
  readonly first: number;
  readonly count: number;
  /** The log size once the batch holding these items committed (≥ first + count). */
  readonly size: number;
  /**
   * Present when some item carried rows: for each of the caller's items in order, the keys (decision ids) of its
   * rows that this transaction inserted, or undefined for an item without rows.
   */
  readonly inserted?: readonly (readonly string[] | undefined)[];
}

export interface StoredLeaf {
  readonly index: number;
  readonly leaf: Uint8Array;
  readonly leafHash: Uint8Array;
  readonly kind: string;
  readonly subject?: string;
  /** UTC, `YYYY-MM-DDTHH:mm:ss.sssZ`. */
  readonly recordedAt: string;
}

export interface NodeId {
  readonly level: number;
  readonly index: number;
}

/** A stored perfect-subtree node with its hash. */
export interface StoredNode extends NodeId {
  readonly hash: Uint8Array;
}

/** The nodes of one level with from ≤ index < to. */
export interface NodeRange {
  readonly level: number;
  readonly from: number;
  readonly to: number;
}

/** A page of leaves as columns (no row objects), with only what verification reads: index, bytes, stored hash. */
export interface LeafColumns {
  readonly indices: readonly number[];
  readonly leaves: readonly Uint8Array[];
  readonly leafHashes: readonly Uint8Array[];
}

/**
 * The leaves [from, to) in one piece, for verification: one buffer per chunk instead of two per row (a Uint8Array
 * made per blob cost more than hashing the leaf).
 */
export interface LeafBlock {
  /** Every leaf preceded by one zero byte (room for the RFC 6962 leaf prefix, so the leaf is hashed in place). */
  readonly data: Uint8Array;
  /** to − from + 1 offsets: leaf from + k, with its zero byte, is data[offsets[k], offsets[k + 1]). */
  readonly offsets: Float64Array;
  /** The stored leaf hashes, 32 bytes each, back to back. */
  readonly leafHashes: Uint8Array;
}

/** A signed tree head: `text` is the C2SP signed note as produced by the ledger; the store keeps it verbatim. */
export interface StoredCheckpoint {
  readonly size: number;
  readonly root: Uint8Array;
  readonly text: string;
  readonly createdAt: string;
}

/** The ledger's signing key. The private key bytes are stored as given and never appear in messages or logs. */
export interface StoredKey {
  readonly name: string;
  readonly publicKey: string;
  readonly privateKey: Uint8Array;
  readonly createdAt: string;
}

export interface Store {
  /** `sqlite` or `postgres`, for messages and metrics. */
  readonly dialect: 'sqlite' | 'postgres';
  /** Where the store is: the SQLite file path, or the PostgreSQL URL without its password. */
  readonly location: string;

  /**
   * Appends leaves with group commit: calls made while a batch is committing are coalesced into the next single
   * transaction. The promise resolves only after the caller's batch is durable, with the indices it was given.
   */
  appendLeaves(items: readonly AppendItem[]): Promise<AppendResult>;

  /** The number of leaves committed. */
  size(): Promise<number>;
  /** Leaves [from, to) in index order, read in pages so memory does not grow with the range. */
  readLeaves(from: number, to: number): AsyncIterable<StoredLeaf>;
  /** The leaf hash at `index`, or undefined beyond the log. */
  leafHash(index: number): Promise<Uint8Array | undefined>;
  /** The hash of the perfect subtree (level, index), or undefined if that subtree is not complete. */
  node(level: number, index: number): Promise<Uint8Array | undefined>;
  /** Several nodes in one round trip (all the nodes of a proof), in the order asked. */
  nodes(ids: readonly NodeId[]): Promise<(Uint8Array | undefined)[]>;
  /**
   * For verification, one round trip per page: the stored leaves with from ≤ index < to (at most `limit`), in index
   * order, as columns. Rows that are missing are simply absent: the caller checks the indices.
   */
  leafColumns(from: number, to: number, limit: number): Promise<LeafColumns>;
  /** Every stored node in the given level ranges (level ≥ 1), in one round trip, in no particular order. */
  nodeRanges(ranges: readonly NodeRange[]): Promise<StoredNode[]>;
  /**
   * For verification, the fast path of leafColumns: every leaf of [from, to) packed in one block, or undefined when
   * any row is missing or not well-formed (a stored hash that is not a 32-byte blob, a leaf that is not a blob) —
   * leafColumns then says which.
   */
  leafBlock(from: number, to: number): Promise<LeafBlock | undefined>;
  /**
   * For verification, the fast path of nodeRanges: the stored hashes of every node of the ranges, range after range,
   * index order within each, 32 bytes each; undefined when any is missing or not a 32-byte blob.
   */
  nodeBlock(ranges: readonly NodeRange[]): Promise<Uint8Array | undefined>;

  /** Saves a checkpoint; saving the identical checkpoint again is a no-op, a different one for its size is refused. */
  saveCheckpoint(checkpoint: StoredCheckpoint): Promise<void>;
  latestCheckpoint(): Promise<StoredCheckpoint | undefined>;
  /** Every saved checkpoint, smallest size first (verification checks each one against the log). */
  checkpoints(): Promise<StoredCheckpoint[]>;
  checkpoint(size: number): Promise<StoredCheckpoint | undefined>;
  /** The checkpoint last shown to a user (for consistency proofs against what they saw). */
  lastShownCheckpoint(): Promise<StoredCheckpoint | undefined>;
  /** Marks a stored checkpoint as the last shown one. */
  setLastShownCheckpoint(size: number): Promise<void>;

  /** Saves a key; a name already stored is refused with STORE_KEY_EXISTS, never overwritten. */
  saveKey(key: StoredKey): Promise<void>;
  loadKey(name: string): Promise<StoredKey | undefined>;

  /** API tokens of `steward serve` (only their hashes); used after close() it throws STORE_CLOSED. */
  readonly tokens: TokenStore;

  /** Production decisions and their labels (decision ingest); used after close() it throws STORE_CLOSED. */
  readonly decisions: DecisionStore;

  /** Monitor windows (who evaluates which) and the notification outbox; used after close() it throws STORE_CLOSED. */
  readonly monitors: MonitorStore;

  /** Waits for pending appends, then releases the database. */
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  readonly hasher: TreeHasher;
  /** Folder relative SQLite paths are resolved against; default the process's working directory. */
  readonly cwd?: string;
  /** Most leaves one group-commit transaction takes; a larger single call still commits whole. Default 10,000. */
  readonly maxBatch?: number;
}
