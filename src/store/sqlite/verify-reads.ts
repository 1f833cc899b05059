import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { LeafColumns, NodeRange, StoredNode } from '../types.ts';

/**
 * The two reads `steward verify` makes per chunk of leaves, prepared once and returning rows as arrays: building a
 * row object per leaf (six columns, three of them text) cost more than hashing the leaf. Only the columns that are
 * checked are read.
 */
export class SqliteVerifyReads {
  readonly #leaves: StatementSync;
  readonly #nodes: StatementSync;

  constructor(db: DatabaseSync) {
    this.#leaves = db.prepare('SELECT idx, leaf, leaf_hash FROM ledger_leaves WHERE idx >= ? AND idx < ? ORDER BY idx LIMIT ?');
    this.#leaves.setReturnArrays(true);
    this.#nodes = db.prepare('SELECT idx, hash FROM ledger_nodes WHERE level = ? AND idx >= ? AND idx < ? ORDER BY idx');
    this.#nodes.setReturnArrays(true);
  }

  leafColumns(from: number, to: number, limit: number): LeafColumns {
    const indices: number[] = [];
    const leaves: Uint8Array[] = [];
    const leafHashes: Uint8Array[] = [];
    for (const row of this.#leaves.all(from, to, limit) as unknown as [number, Uint8Array, Uint8Array][]) {
      indices.push(row[0]);
      leaves.push(row[1]);
      leafHashes.push(row[2]);
    }
    return { indices, leaves, leafHashes };
  }

  /** One indexed range scan per level (the primary key is (level, idx)). */
  nodeRanges(ranges: readonly NodeRange[]): StoredNode[] {
    const found: StoredNode[] = [];
    for (const { level, from, to } of ranges) {
      for (const row of this.#nodes.all(level, from, to) as unknown as [number, Uint8Array][]) found.push({ level, index: row[0], hash: row[1] });
    }
    return found;
  }
}
