import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { fail } from '../../core/errors.ts';
import type { RowItem } from '../append-items.ts';
import type { BatchCommitted } from '../group-commit.ts';
import { carriesRows, insertedPerItem, rowsOfBatch, type InsertedRow } from '../leaf-rows.ts';
import { completedNodes, frontierIds, LOWEST_STORED_LEVEL } from '../tree-edge.ts';
import type { NodeId, TreeHasher } from '../types.ts';
import { uniqueConflicts, uniqueRows } from '../unique-subjects.ts';
import type { SqliteDecisionTable } from './decision-table.ts';

/**
 * Rows per multi-row INSERT. One statement call per row cost ~3 µs here, mostly the call and binding overhead;
 * 64 rows per call (384 parameters, far below SQLite's limit of 32,766) cut the insert time by about a fifth.
 */
const ROWS_PER_INSERT = 64;

/** The append statements, prepared once per connection (preparing costs as much as running a small insert). */
export interface AppendStatements {
  readonly size: StatementSync;
  readonly insertLeaf: StatementSync;
  readonly insertLeaves: StatementSync;
  readonly insertNode: StatementSync;
  readonly insertNodes: StatementSync;
  readonly setSize: StatementSync;
  readonly uniqueHolder: StatementSync;
  readonly insertUnique: StatementSync;
  readonly insertUniques: StatementSync;
}

const values = (row: string): string => Array.from({ length: ROWS_PER_INSERT }, () => row).join(', ');

export function prepareAppend(db: DatabaseSync): AppendStatements {
  const leaves = 'INSERT INTO ledger_leaves (idx, leaf, leaf_hash, kind, subject, recorded_at) VALUES ';
  const nodes = 'INSERT INTO ledger_nodes (level, idx, hash) VALUES ';
  const unique = 'INSERT INTO ledger_unique (kind, subject, idx) VALUES ';
  return {
    size: db.prepare('SELECT size FROM ledger_state WHERE id = 1'),
    insertLeaf: db.prepare(`${leaves}(?, ?, ?, ?, ?, ?)`),
    insertLeaves: db.prepare(leaves + values('(?, ?, ?, ?, ?, ?)')),
    insertNode: db.prepare(`${nodes}(?, ?, ?)`),
    insertNodes: db.prepare(nodes + values('(?, ?, ?)')),
    setSize: db.prepare('UPDATE ledger_state SET size = ? WHERE id = 1'),
    uniqueHolder: db.prepare('SELECT idx FROM ledger_unique WHERE kind = ? AND subject = ?'),
    insertUnique: db.prepare(`${unique}(?, ?, ?) ON CONFLICT DO NOTHING`),
    insertUniques: db.prepare(`${unique}${values('(?, ?, ?)')} ON CONFLICT DO NOTHING`),
  };
}

type Value = number | string | null | Uint8Array;

/**
 * Runs `many` on each full group of ROWS_PER_INSERT rows and `one` on the rest. `write` puts row k's `width` values
 * into `into` from `at`: one argument array per statement, reused, instead of one small array per row (which showed
 * as garbage-collection time in the append profile).
 */
function insertAll(many: StatementSync, one: StatementSync, count: number, width: number, write: (k: number, into: Value[], at: number) => void): number {
  const args: Value[] = new Array<Value>(ROWS_PER_INSERT * width);
  let changes = 0;
  let k = 0;
  for (; k + ROWS_PER_INSERT <= count; k += ROWS_PER_INSERT) {
    for (let j = 0; j < ROWS_PER_INSERT; j++) write(k + j, args, j * width);
    changes += Number(many.run(...args).changes);
  }
  const row: Value[] = new Array<Value>(width);
  for (; k < count; k++) {
    write(k, row, 0);
    changes += Number(one.run(...row).changes);
  }
  return changes;
}

/**
 * One group-commit batch in one transaction. BEGIN IMMEDIATE takes SQLite's write lock before the size is read, so
 * another process appending to the same file waits (busy timeout) instead of reading the same size: indices are
 * assigned under the lock and the log can neither fork nor leave a gap. Subjects recorded once are checked under
 * the same lock (unique-subjects.ts). The decision and label rows the leaves ledger go into their tables in the same
 * transaction, so a leaf and its rows are durable together. With synchronous = FULL in WAL mode the COMMIT returns
 * only after the WAL is fsynced, so the caller's acknowledgement is durable.
 */
export function commitSqliteBatch(
  db: DatabaseSync,
  statements: AppendStatements,
  rows: readonly RowItem[],
  hasher: TreeHasher,
  nodeHash: (id: NodeId) => Uint8Array | undefined,
  tables: SqliteDecisionTable,
): BatchCommitted {
  db.exec('BEGIN IMMEDIATE');
  try {
    const size = (statements.size.get() as { size: number }).size;
    claimUnique(statements, rows, size);
    const frontier = frontierIds(size).map((id) => nodeHash(id) ?? missingNode(id, size));
    const leafHashes = rows.map((row) => row.leafHash);
    insertAll(statements.insertLeaves, statements.insertLeaf, rows.length, 6, (k, into, at) => {
      const row = rows[k] as RowItem;
      into[at] = size + k;
      into[at + 1] = row.leaf;
      into[at + 2] = row.leafHash;
      into[at + 3] = row.kind;
      into[at + 4] = row.subject;
      into[at + 5] = row.recordedAt;
    });
    const nodes = completedNodes(size, frontier, leafHashes, hasher).filter((node) => node.level >= LOWEST_STORED_LEVEL);
    insertAll(statements.insertNodes, statements.insertNode, nodes.length, 3, (k, into, at) => {
      const node = nodes[k] as (typeof nodes)[number];
      into[at] = node.level;
      into[at + 1] = node.index;
      into[at + 2] = node.hash;
    });
    const inserted = carriesRows(rows) ? insertedPerItem(rows, size, insertLeafRows(tables, rows, size)) : undefined;
    statements.setSize.run(size + rows.length);
    db.exec('COMMIT');
    return inserted === undefined ? { first: size, size: size + rows.length } : { first: size, size: size + rows.length, inserted };
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

/** Inserts the rows the batch's leaves carry, with their leaf indices; the rows that went in (ON CONFLICT DO NOTHING). */
function insertLeafRows(tables: SqliteDecisionTable, rows: readonly RowItem[], size: number): InsertedRow[] {
  const { decisions, labels } = rowsOfBatch(rows, size);
  return [
    ...tables.insertDecisionRows(decisions).map((row) => ({ key: row.id, ledgerIndex: row.ledgerIndex })),
    ...tables.insertLabelRows(labels).map((row) => ({ key: row.decisionId, ledgerIndex: row.ledgerIndex })),
  ];
}

/**
 * Records the batch's unique subjects, or throws (the caller rolls back) when one clashes. They go in with the
 * multi-row inserts the leaves use, each doing nothing on a clash (one statement per subject cost ~4 µs, about as
 * much as the leaf itself); only when fewer rows went in than were given is each holder looked up: a subject whose
 * row does not carry its own index clashed.
 */
function claimUnique(statements: AppendStatements, rows: readonly RowItem[], size: number): void {
  const unique = uniqueRows(rows);
  const added = insertAll(statements.insertUniques, statements.insertUnique, unique.length, 3, (k, into, at) => {
    const { position, kind, subject } = unique[k] as (typeof unique)[number];
    into[at] = kind;
    into[at + 1] = subject;
    into[at + 2] = size + position;
  });
  if (added === unique.length) return;
  const held = new Map<number, number>();
  for (const { position, kind, subject } of unique) {
    const holder = (statements.uniqueHolder.get(kind, subject) as { idx: number }).idx;
    if (holder < size) held.set(position, holder); // else this item's own row, or an earlier item of this batch: uniqueConflicts defers it
  }
  const rejection = uniqueConflicts(rows, held);
  if (rejection !== undefined) throw rejection;
}

function missingNode(id: NodeId, size: number): never {
  fail('INTERNAL_INVARIANT', `the stored tree of size ${size} lacks its right-edge node (level ${id.level}, index ${id.index})`, {
    hint: 'run `steward verify` to find the first damaged entry',
  });
}
