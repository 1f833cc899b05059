import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { LeafBlock, LeafColumns, NodeRange, StoredNode } from '../types.ts';
import { concatBytes, packedOffsets } from '../packed-blocks.ts';

/**
 * The two reads `steward verify` makes per chunk of leaves, prepared once and returning rows as arrays: building a
 * row object per leaf (six columns, three of them text) cost more than hashing the leaf. Only the columns that are
 * checked are read.
 */
export class SqliteVerifyReads {
  readonly #leaves: StatementSync;
  readonly #nodes: StatementSync;
  readonly #leafBlock: StatementSync;
  readonly #nodeBlock: StatementSync;

  constructor(db: DatabaseSync) {
    this.#leaves = db.prepare('SELECT idx, leaf, leaf_hash FROM ledger_leaves WHERE idx >= ? AND idx < ? ORDER BY idx LIMIT ?');
    this.#leaves.setReturnArrays(true);
    this.#nodes = db.prepare('SELECT idx, hash FROM ledger_nodes WHERE level = ? AND idx >= ? AND idx < ? ORDER BY idx');
    this.#nodes.setReturnArrays(true);
    // Aggregates over an ordered subquery: SQLite keeps the subquery's order for the aggregate (its flattener refuses
    // an ORDER BY subquery under an aggregate for that reason). Were the order ever different, the recomputed tree
    // would not match the signed root: a false alarm, never a false pass. Rows are checked to be exactly [from, to)
    // (idx is the primary key, so the count of rows in the range says so) and well-formed; else undefined, and
    // leafColumns names the row.
    this.#leafBlock = db.prepare(`SELECT count(*),
        min(typeof(leaf) = 'blob' AND typeof(leaf_hash) = 'blob' AND octet_length(leaf_hash) = 32),
        group_concat(octet_length(leaf)), CAST(group_concat(x'00' || leaf, x'') AS BLOB), CAST(group_concat(leaf_hash, x'') AS BLOB)
      FROM (SELECT idx, leaf, leaf_hash FROM ledger_leaves WHERE idx >= ? AND idx < ? ORDER BY idx)`);
    this.#leafBlock.setReturnArrays(true);
    this.#nodeBlock = db.prepare(`SELECT count(*), min(typeof(hash) = 'blob' AND octet_length(hash) = 32), CAST(group_concat(hash, x'') AS BLOB)
      FROM (SELECT hash FROM ledger_nodes WHERE level = ? AND idx >= ? AND idx < ? ORDER BY idx)`);
    this.#nodeBlock.setReturnArrays(true);
  }

  leafBlock(from: number, to: number): LeafBlock | undefined {
    const [count, wellFormed, lengths, data, leafHashes] = this.#leafBlock.get(from, to) as unknown as [number, number, string, Uint8Array, Uint8Array];
    if (count !== to - from || wellFormed !== 1) return undefined;
    const offsets = packedOffsets(lengths, count, 1);
    return offsets === undefined || offsets[count] !== data.length ? undefined : { data, offsets, leafHashes };
  }

  /** One aggregate per range; a range whose count is short has a missing node. */
  nodeBlock(ranges: readonly NodeRange[]): Uint8Array | undefined {
    const parts: Uint8Array[] = [];
    for (const { level, from, to } of ranges) {
      if (to === from) continue;
      const [count, wellFormed, hashes] = this.#nodeBlock.get(level, from, to) as unknown as [number, number, Uint8Array];
      if (count !== to - from || wellFormed !== 1) return undefined;
      parts.push(hashes);
    }
    return concatBytes(parts);
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
