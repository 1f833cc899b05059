import type { Pool } from 'pg';
import { fail } from '../../core/errors.ts';
import type { RowItem } from '../append-items.ts';
import { completedNodes, frontierIds } from '../tree-edge.ts';
import type { TreeHasher } from '../types.ts';
import { fetchNodes } from './fetch-nodes.ts';
import { int, type Row } from './rows.ts';

/**
 * One group-commit batch in one transaction. `SELECT … FOR UPDATE` on the single ledger_state row makes the database
 * the sequencer: a second replica's append blocks on that row until this transaction ends, then reads the new size,
 * so indices never collide or skip and the log cannot fork (DESIGN.md, Ledger). Rows go in as arrays through unnest,
 * one statement per table whatever the batch size. COMMIT returns after the WAL flush (synchronous_commit = on).
 */
export async function commitPostgresBatch(pool: Pool, rows: readonly RowItem[], hasher: TreeHasher): Promise<{ first: number; size: number }> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    const state = await client.query<Row>('SELECT size FROM ledger_state WHERE id = 1 FOR UPDATE');
    const size = int(state.rows[0]?.size);
    const ids = frontierIds(size);
    const frontier = (await fetchNodes(client, ids)).map((hash, k) => hash ?? missingNode(ids[k]?.level, ids[k]?.index, size));
    const leafHashes = rows.map((row) => hasher.leafHash(row.leaf));
    const nodes = completedNodes(size, frontier, leafHashes, hasher);
    await client.query(
      `INSERT INTO ledger_leaves (idx, leaf, leaf_hash, kind, subject, recorded_at)
       SELECT * FROM unnest($1::bigint[], $2::bytea[], $3::bytea[], $4::text[], $5::text[], $6::timestamptz[])`,
      [
        rows.map((_, k) => size + k),
        rows.map((row) => row.leaf),
        leafHashes,
        rows.map((row) => row.kind),
        rows.map((row) => row.subject),
        rows.map((row) => row.recordedAt),
      ],
    );
    if (nodes.length > 0) {
      await client.query('INSERT INTO ledger_nodes (level, idx, hash) SELECT * FROM unnest($1::integer[], $2::bigint[], $3::bytea[])', [
        nodes.map((node) => node.level),
        nodes.map((node) => node.index),
        nodes.map((node) => node.hash),
      ]);
    }
    await client.query('UPDATE ledger_state SET size = $1 WHERE id = 1', [size + rows.length]);
    await client.query('COMMIT');
    return { first: size, size: size + rows.length };
  } catch (error) {
    // The connection may be what failed: then discard it rather than return it to the pool.
    await client.query('ROLLBACK').catch(() => {
      broken = true;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}

function missingNode(level: number | undefined, index: number | undefined, size: number): never {
  fail('INTERNAL_INVARIANT', `the stored tree of size ${size} lacks its right-edge node (level ${level}, index ${index})`, {
    hint: 'run `steward verify` to find the first damaged entry',
  });
}
