import type { Pool } from 'pg';
import { fail } from '../../core/errors.ts';
import type { RowItem } from '../append-items.ts';
import { completedNodes, frontierIds } from '../tree-edge.ts';
import type { TreeHasher } from '../types.ts';
import { fetchNodes } from './fetch-nodes.ts';
import { pack } from './packed.ts';
import { int, type Row } from './rows.ts';

/**
 * One group-commit batch in one transaction. `SELECT … FOR UPDATE` on the single ledger_state row makes the database
 * the sequencer: a second replica's append blocks on that row until this transaction ends, then reads the new size,
 * so indices never collide or skip and the log cannot fork (DESIGN.md, Ledger). Rows go in through unnest, one
 * statement per table whatever the batch size, with the bytes packed into one binary parameter (see packed.ts).
 * COMMIT returns after the WAL flush (synchronous_commit = on, PostgreSQL's default).
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
    const leafHashes = rows.map((row) => row.leafHash);
    const nodes = completedNodes(size, frontier, leafHashes, hasher);
    const leaves = pack(rows.map((row) => row.leaf));
    const hashes = pack(leafHashes);
    await client.query(
      `INSERT INTO ledger_leaves (idx, leaf, leaf_hash, kind, subject, recorded_at)
       SELECT $1::bigint + u.ord - 1, substring($2::bytea FROM u.off + 1 FOR u.len), substring($3::bytea FROM u.hash_off + 1 FOR u.hash_len),
              u.kind, u.subject, u.recorded_at
       FROM unnest($4::integer[], $5::integer[], $6::integer[], $7::integer[], $8::text[], $9::text[], $10::timestamptz[])
         WITH ORDINALITY AS u (off, len, hash_off, hash_len, kind, subject, recorded_at, ord)`,
      [
        size,
        leaves.bytes,
        hashes.bytes,
        leaves.offsets,
        leaves.lengths,
        hashes.offsets,
        hashes.lengths,
        rows.map((row) => row.kind),
        rows.map((row) => row.subject),
        rows.map((row) => row.recordedAt),
      ],
    );
    if (nodes.length > 0) {
      const nodeHashes = pack(nodes.map((node) => node.hash));
      await client.query(
        `INSERT INTO ledger_nodes (level, idx, hash)
         SELECT u.level, u.idx, substring($1::bytea FROM u.off + 1 FOR u.len)
         FROM unnest($2::integer[], $3::bigint[], $4::integer[], $5::integer[]) AS u (level, idx, off, len)`,
        [nodeHashes.bytes, nodes.map((node) => node.level), nodes.map((node) => node.index), nodeHashes.offsets, nodeHashes.lengths],
      );
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
