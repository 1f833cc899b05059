import type { Pool, PoolClient } from 'pg';
import { fail } from '../../core/errors.ts';
import type { RowItem } from '../append-items.ts';
import type { BatchCommitted } from '../group-commit.ts';
import { carriesRows, insertedPerItem, rowsOfBatch } from '../leaf-rows.ts';
import { completedNodes, frontierIds, LOWEST_STORED_LEVEL } from '../tree-edge.ts';
import type { TreeHasher } from '../types.ts';
import { insertLeafRows } from './decision-table.ts';
import { fetchNodes } from './fetch-nodes.ts';
import { pack } from './packed.ts';
import { int, type Row } from './rows.ts';
import { uniqueConflicts, uniqueRows } from '../unique-subjects.ts';

/**
 * One group-commit batch in one transaction. `SELECT … FOR UPDATE` on the single ledger_state row makes the database
 * the sequencer: a second replica's append blocks on that row until this transaction ends, then reads the new size,
 * so indices never collide or skip and the log cannot fork (DESIGN.md, Ledger); subjects recorded once are checked
 * under the same lock (unique-subjects.ts). Rows go in through unnest, one
 * statement per table whatever the batch size, with the bytes packed into one binary parameter (see packed.ts).
 * The decision and label rows the leaves ledger go into their tables in the same transaction, so a leaf and its rows
 * are durable together. COMMIT returns after the WAL flush (synchronous_commit = on, PostgreSQL's default).
 */
export async function commitPostgresBatch(pool: Pool, rows: readonly RowItem[], hasher: TreeHasher): Promise<BatchCommitted> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    const state = await client.query<Row>('SELECT size FROM ledger_state WHERE id = 1 FOR UPDATE');
    const size = int(state.rows[0]?.size);
    await claimUnique(client, rows, size);
    const ids = frontierIds(size);
    const frontier = (await fetchNodes(client, ids, hasher)).map((hash, k) => hash ?? missingNode(ids[k]?.level, ids[k]?.index, size));
    const leafHashes = rows.map((row) => row.leafHash);
    const nodes = completedNodes(size, frontier, leafHashes, hasher).filter((node) => node.level >= LOWEST_STORED_LEVEL);
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
    let inserted: (string[] | undefined)[] | undefined;
    if (carriesRows(rows)) {
      const { decisions, labels } = rowsOfBatch(rows, size);
      inserted = insertedPerItem(rows, size, await insertLeafRows(client, decisions, labels));
    }
    await client.query('UPDATE ledger_state SET size = $1 WHERE id = 1', [size + rows.length]);
    await client.query('COMMIT');
    return inserted === undefined ? { first: size, size: size + rows.length } : { first: size, size: size + rows.length, inserted };
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

/** Refuses (by throwing, before anything is written) a batch whose unique subjects clash; else records them. */
async function claimUnique(client: PoolClient, rows: readonly RowItem[], size: number): Promise<void> {
  const unique = uniqueRows(rows);
  if (unique.length === 0) return;
  const kinds = unique.map((row) => row.kind);
  const subjects = unique.map((row) => row.subject);
  const found = await client.query<Row>(
    `SELECT u.ord, l.idx FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS u (kind, subject, ord)
     JOIN ledger_unique l ON l.kind = u.kind AND l.subject = u.subject`,
    [kinds, subjects],
  );
  const held = new Map(found.rows.map((row) => [unique[int(row.ord) - 1]?.position as number, int(row.idx)]));
  const rejection = uniqueConflicts(rows, held);
  if (rejection !== undefined) throw rejection; // rolled back by the caller: nothing of this batch is written
  await client.query('INSERT INTO ledger_unique (kind, subject, idx) SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[])', [
    kinds,
    subjects,
    unique.map((row) => size + row.position),
  ]);
}

function missingNode(level: number | undefined, index: number | undefined, size: number): never {
  fail('INTERNAL_INVARIANT', `the stored tree of size ${size} lacks its right-edge node (level ${level}, index ${index})`, {
    hint: 'run `steward verify` to find the first damaged entry',
  });
}
