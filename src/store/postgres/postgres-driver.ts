import type pg from 'pg';
import type { RowItem } from '../append-items.ts';
import type { StoreDriver } from '../driver.ts';
import type { BatchCommitted } from '../group-commit.ts';
import type { LeafBlock, LeafColumns, NodeId, NodeRange, StoredCheckpoint, StoredKey, StoredLeaf, StoredNode, TreeHasher } from '../types.ts';
import { commitPostgresBatch } from './append.ts';
import { fetchNodes } from './fetch-nodes.ts';
import { fetchLeafBlock, fetchLeafColumns, fetchNodeBlock, fetchNodeRanges } from './verify-reads.ts';
import { int, toCheckpoint, toKey, toLeaf, type Row } from './rows.ts';

/** The shared store's statements over a pg pool. Every replica runs the same statements on the same tables. */
export class PostgresDriver implements StoreDriver {
  readonly dialect = 'postgres';
  readonly location: string;
  readonly #pool: pg.Pool;
  readonly #hasher: TreeHasher;

  constructor(pool: pg.Pool, location: string, hasher: TreeHasher) {
    this.#pool = pool;
    this.#hasher = hasher;
    this.location = location;
  }

  commitBatch(rows: readonly RowItem[], hasher: TreeHasher): Promise<BatchCommitted> {
    return commitPostgresBatch(this.#pool, rows, hasher);
  }

  async size(): Promise<number> {
    return int((await this.#one('SELECT size FROM ledger_state WHERE id = 1'))?.size);
  }

  async leafPage(from: number, to: number, limit: number): Promise<StoredLeaf[]> {
    const { rows } = await this.#pool.query<Row>(
      'SELECT idx, leaf, leaf_hash, kind, subject, recorded_at FROM ledger_leaves WHERE idx >= $1 AND idx < $2 ORDER BY idx LIMIT $3',
      [from, to, limit],
    );
    return rows.map(toLeaf);
  }

  nodes(ids: readonly NodeId[]): Promise<(Uint8Array | undefined)[]> {
    return fetchNodes(this.#pool, ids, this.#hasher);
  }

  leafColumns(from: number, to: number, limit: number): Promise<LeafColumns> {
    return fetchLeafColumns(this.#pool, from, to, limit);
  }

  nodeRanges(ranges: readonly NodeRange[]): Promise<StoredNode[]> {
    return fetchNodeRanges(this.#pool, ranges);
  }

  leafBlock(from: number, to: number): Promise<LeafBlock | undefined> {
    return fetchLeafBlock(this.#pool, from, to);
  }

  nodeBlock(ranges: readonly NodeRange[]): Promise<Uint8Array | undefined> {
    return fetchNodeBlock(this.#pool, ranges);
  }

  async insertCheckpoint(checkpoint: StoredCheckpoint): Promise<void> {
    await this.#pool.query('INSERT INTO ledger_checkpoints (size, root, text, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (size) DO NOTHING', [
      checkpoint.size,
      checkpoint.root,
      checkpoint.text,
      checkpoint.createdAt,
    ]);
  }

  async checkpoint(size: number): Promise<StoredCheckpoint | undefined> {
    const row = await this.#one('SELECT size, root, text, created_at FROM ledger_checkpoints WHERE size = $1', [size]);
    return row === undefined ? undefined : toCheckpoint(row);
  }

  async latestCheckpoint(): Promise<StoredCheckpoint | undefined> {
    const row = await this.#one('SELECT size, root, text, created_at FROM ledger_checkpoints ORDER BY size DESC LIMIT 1');
    return row === undefined ? undefined : toCheckpoint(row);
  }

  async checkpoints(): Promise<StoredCheckpoint[]> {
    const result = await this.#pool.query('SELECT size, root, text, created_at FROM ledger_checkpoints ORDER BY size');
    return (result.rows as Row[]).map(toCheckpoint);
  }

  async lastShownSize(): Promise<number | undefined> {
    const row = await this.#one('SELECT last_shown_checkpoint_size AS size FROM ledger_state WHERE id = 1');
    return row?.size === null || row?.size === undefined ? undefined : int(row.size);
  }

  async setLastShownSize(size: number): Promise<void> {
    await this.#pool.query('UPDATE ledger_state SET last_shown_checkpoint_size = $1 WHERE id = 1', [size]);
  }

  async insertKey(key: StoredKey): Promise<boolean> {
    const result = await this.#pool.query(
      'INSERT INTO keys (name, public_key, private_key, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (name) DO NOTHING',
      [key.name, key.publicKey, key.privateKey, key.createdAt],
    );
    return result.rowCount === 1;
  }

  async key(name: string): Promise<StoredKey | undefined> {
    const row = await this.#one('SELECT name, public_key, private_key, created_at FROM keys WHERE name = $1', [name]);
    return row === undefined ? undefined : toKey(row);
  }

  close(): Promise<void> {
    return this.#pool.end();
  }

  async #one(sql: string, values: unknown[] = []): Promise<Row | undefined> {
    return (await this.#pool.query<Row>(sql, values)).rows[0];
  }
}
