import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { fail } from '../../core/errors.ts';
import type { RowItem } from '../append-items.ts';
import { completedNodes, frontierIds } from '../tree-edge.ts';
import type { NodeId, TreeHasher } from '../types.ts';

/** The append statements, prepared once per connection (preparing costs as much as running a small insert). */
export interface AppendStatements {
  readonly size: StatementSync;
  readonly insertLeaf: StatementSync;
  readonly insertNode: StatementSync;
  readonly setSize: StatementSync;
}

export function prepareAppend(db: DatabaseSync): AppendStatements {
  return {
    size: db.prepare('SELECT size FROM ledger_state WHERE id = 1'),
    insertLeaf: db.prepare('INSERT INTO ledger_leaves (idx, leaf, leaf_hash, kind, subject, recorded_at) VALUES (?, ?, ?, ?, ?, ?)'),
    insertNode: db.prepare('INSERT INTO ledger_nodes (level, idx, hash) VALUES (?, ?, ?)'),
    setSize: db.prepare('UPDATE ledger_state SET size = ? WHERE id = 1'),
  };
}

/**
 * One group-commit batch in one transaction. BEGIN IMMEDIATE takes SQLite's write lock before the size is read, so
 * another process appending to the same file waits (busy timeout) instead of reading the same size: indices are
 * assigned under the lock and the log can neither fork nor leave a gap. With synchronous = FULL in WAL mode the
 * COMMIT returns only after the WAL is fsynced, so the caller's acknowledgement is durable.
 */
export function commitSqliteBatch(
  db: DatabaseSync,
  statements: AppendStatements,
  rows: readonly RowItem[],
  hasher: TreeHasher,
  nodeHash: (id: NodeId) => Uint8Array | undefined,
): { first: number; size: number } {
  db.exec('BEGIN IMMEDIATE');
  try {
    const size = (statements.size.get() as { size: number }).size;
    const frontier = frontierIds(size).map((id) => nodeHash(id) ?? missingNode(id, size));
    const leafHashes = rows.map((row) => hasher.leafHash(row.leaf));
    for (let k = 0; k < rows.length; k++) {
      const row = rows[k] as RowItem;
      statements.insertLeaf.run(size + k, row.leaf, leafHashes[k] as Uint8Array, row.kind, row.subject, row.recordedAt);
    }
    for (const node of completedNodes(size, frontier, leafHashes, hasher)) statements.insertNode.run(node.level, node.index, node.hash);
    statements.setSize.run(size + rows.length);
    db.exec('COMMIT');
    return { first: size, size: size + rows.length };
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

function missingNode(id: NodeId, size: number): never {
  fail('INTERNAL_INVARIANT', `the stored tree of size ${size} lacks its right-edge node (level ${id.level}, index ${id.index})`, {
    hint: 'run `steward verify` to find the first damaged entry',
  });
}
