import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { RowItem } from '../append-items.ts';
import type { StoreDriver } from '../driver.ts';
import type { BatchCommitted } from '../group-commit.ts';
import { commitSqliteBatch, prepareAppend, type AppendStatements } from './append.ts';
import type { Checkpointer } from './checkpointer.ts';
import type { SqliteDecisionTable } from './decision-table.ts';
import { sqliteError } from './open-database.ts';
import { toCheckpoint, toKey, toLeaf, type Row } from './rows.ts';
import type { LeafBlock, LeafColumns, NodeId, NodeRange, StoredCheckpoint, StoredKey, StoredLeaf, StoredNode, TreeHasher } from '../types.ts';
import { SqliteVerifyReads } from './verify-reads.ts';
import { leafSpan, LOWEST_STORED_LEVEL, lowNodeHash } from '../tree-edge.ts';

/**
 * The embedded store's statements over one node:sqlite connection. node:sqlite is synchronous: each call runs to
 * completion on the calling thread, which for a local file is faster than any round trip; the async signatures
 * exist only so SQLite and PostgreSQL share one interface.
 */
export class SqliteDriver implements StoreDriver {
  readonly dialect = 'sqlite';
  readonly location: string;
  readonly #db: DatabaseSync;
  readonly #size: StatementSync;
  readonly #leafPage: StatementSync;
  readonly #leafHash: StatementSync;
  readonly #node: StatementSync;
  readonly #leafHashes: StatementSync;
  readonly #hasher: TreeHasher;
  readonly #checkpoint: StatementSync;
  readonly #append: AppendStatements;
  readonly #verifyReads: SqliteVerifyReads;
  /** The decision and label tables on the same connection: an append inserts the rows its leaves ledger. */
  readonly #tables: SqliteDecisionTable;
  /** Moves WAL checkpoints off this thread once the store keeps committing (checkpointer.ts). */
  readonly #checkpointer: Checkpointer;

  constructor(db: DatabaseSync, location: string, hasher: TreeHasher, tables: SqliteDecisionTable, checkpointer: Checkpointer) {
    this.#db = db;
    this.#checkpointer = checkpointer;
    this.#tables = tables;
    this.#hasher = hasher;
    this.location = location;
    this.#size = db.prepare('SELECT size FROM ledger_state WHERE id = 1');
    this.#leafPage = db.prepare(
      'SELECT idx, leaf, leaf_hash, kind, subject, recorded_at FROM ledger_leaves WHERE idx >= ? AND idx < ? ORDER BY idx LIMIT ?',
    );
    this.#leafHash = db.prepare('SELECT leaf_hash AS hash FROM ledger_leaves WHERE idx = ?');
    this.#node = db.prepare('SELECT hash FROM ledger_nodes WHERE level = ? AND idx = ?');
    this.#leafHashes = db.prepare('SELECT idx, leaf_hash FROM ledger_leaves WHERE idx >= ? AND idx < ? ORDER BY idx');
    this.#leafHashes.setReturnArrays(true);
    this.#checkpoint = db.prepare('SELECT size, root, text, created_at FROM ledger_checkpoints WHERE size = ?');
    this.#append = prepareAppend(db);
    this.#verifyReads = new SqliteVerifyReads(db);
  }

  commitBatch(rows: readonly RowItem[], hasher: TreeHasher): Promise<BatchCommitted> {
    return this.#run(() => {
      const committed = commitSqliteBatch(this.#db, this.#append, rows, hasher, (id) => this.#nodeHash(id), this.#tables);
      this.#checkpointer.committed();
      return committed;
    });
  }

  size(): Promise<number> {
    return this.#run(() => (this.#size.get() as Row).size as number);
  }

  leafPage(from: number, to: number, limit: number): Promise<StoredLeaf[]> {
    return this.#run(() => this.#leafPage.all(from, to, limit).map((row) => toLeaf(row as Row)));
  }

  nodes(ids: readonly NodeId[]): Promise<(Uint8Array | undefined)[]> {
    return this.#run(() => ids.map((id) => this.#nodeHash(id)));
  }

  leafColumns(from: number, to: number, limit: number): Promise<LeafColumns> {
    return this.#run(() => this.#verifyReads.leafColumns(from, to, limit));
  }

  nodeRanges(ranges: readonly NodeRange[]): Promise<StoredNode[]> {
    return this.#run(() => this.#verifyReads.nodeRanges(ranges));
  }

  leafBlock(from: number, to: number): Promise<LeafBlock | undefined> {
    return this.#run(() => this.#verifyReads.leafBlock(from, to));
  }

  nodeBlock(ranges: readonly NodeRange[]): Promise<Uint8Array | undefined> {
    return this.#run(() => this.#verifyReads.nodeBlock(ranges));
  }

  insertCheckpoint(checkpoint: StoredCheckpoint): Promise<void> {
    return this.#run(() => {
      this.#db
        .prepare('INSERT INTO ledger_checkpoints (size, root, text, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (size) DO NOTHING')
        .run(checkpoint.size, checkpoint.root, checkpoint.text, checkpoint.createdAt);
    });
  }

  checkpoint(size: number): Promise<StoredCheckpoint | undefined> {
    return this.#run(() => {
      const row = this.#checkpoint.get(size) as Row | undefined;
      return row === undefined ? undefined : toCheckpoint(row);
    });
  }

  latestCheckpoint(): Promise<StoredCheckpoint | undefined> {
    return this.#run(() => {
      const row = this.#db.prepare('SELECT size, root, text, created_at FROM ledger_checkpoints ORDER BY size DESC LIMIT 1').get() as Row | undefined;
      return row === undefined ? undefined : toCheckpoint(row);
    });
  }

  checkpoints(): Promise<StoredCheckpoint[]> {
    return this.#run(() => {
      const rows = this.#db.prepare('SELECT size, root, text, created_at FROM ledger_checkpoints ORDER BY size').all() as Row[];
      return rows.map(toCheckpoint);
    });
  }

  lastShownSize(): Promise<number | undefined> {
    return this.#run(() => {
      const row = this.#db.prepare('SELECT last_shown_checkpoint_size AS size FROM ledger_state WHERE id = 1').get() as Row;
      return row.size === null ? undefined : (row.size as number);
    });
  }

  setLastShownSize(size: number): Promise<void> {
    return this.#run(() => {
      this.#db.prepare('UPDATE ledger_state SET last_shown_checkpoint_size = ? WHERE id = 1').run(size);
    });
  }

  insertKey(key: StoredKey): Promise<boolean> {
    return this.#run(() => {
      const result = this.#db
        .prepare('INSERT INTO keys (name, public_key, private_key, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (name) DO NOTHING')
        .run(key.name, key.publicKey, key.privateKey, key.createdAt);
      return Number(result.changes) === 1;
    });
  }

  key(name: string): Promise<StoredKey | undefined> {
    return this.#run(() => {
      const row = this.#db.prepare('SELECT name, public_key, private_key, created_at FROM keys WHERE name = ?').get(name) as Row | undefined;
      return row === undefined ? undefined : toKey(row);
    });
  }

  async close(): Promise<void> {
    await this.#checkpointer.close();
    if (this.#db.isOpen) this.#db.close();
  }

  /** Runs a synchronous statement as a promise; damage found mid-read becomes STORE_CORRUPT like damage found at open. */
  #run<T>(work: () => T): Promise<T> {
    try {
      return Promise.resolve(work());
    } catch (error) {
      return Promise.reject(sqliteError(error, this.location));
    }
  }

  /**
   * Level 0 is the leaf hash (kept once, in ledger_leaves); levels from LOWEST_STORED_LEVEL are in ledger_nodes; the
   * levels between are rebuilt from their (at most 8) leaf hashes.
   */
  #nodeHash(id: NodeId): Uint8Array | undefined {
    if (id.level > 0 && id.level < LOWEST_STORED_LEVEL) {
      const { from, to } = leafSpan(id);
      const hashes: (Uint8Array | undefined)[] = Array.from({ length: to - from }, () => undefined); // no holes: lowNodeHash checks each
      for (const [idx, hash] of this.#leafHashes.all(from, to) as unknown as [number, Uint8Array][]) hashes[idx - from] = hash;
      return lowNodeHash(id, hashes, this.#hasher);
    }
    const row = (id.level === 0 ? this.#leafHash.get(id.index) : this.#node.get(id.level, id.index)) as Row | undefined;
    return row === undefined ? undefined : (row.hash as Uint8Array);
  }
}
