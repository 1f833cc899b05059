import type { Pool } from 'pg';
import type { LeafColumns, NodeRange, StoredNode } from '../types.ts';
import { bytes, int, type Row } from './rows.ts';

/**
 * The two reads `steward verify` makes per chunk of leaves, each one round trip: the checked columns of a page of
 * leaves, and every stored node of the chunk (all levels at once, matched against the ranges passed as arrays).
 * Rows come back as arrays (`rowMode: 'array'`), so no object is built per leaf.
 */
export async function fetchLeafColumns(pool: Pool, from: number, to: number, limit: number): Promise<LeafColumns> {
  const { rows } = await pool.query<unknown[]>({
    text: 'SELECT idx, leaf, leaf_hash FROM ledger_leaves WHERE idx >= $1 AND idx < $2 ORDER BY idx LIMIT $3',
    values: [from, to, limit],
    rowMode: 'array',
  });
  return { indices: rows.map((row) => int(row[0])), leaves: rows.map((row) => bytes(row[1])), leafHashes: rows.map((row) => bytes(row[2])) };
}

export async function fetchNodeRanges(pool: Pool, ranges: readonly NodeRange[]): Promise<StoredNode[]> {
  const { rows } = await pool.query<Row>(
    // One index range scan per range: a plain join on the unnest made the planner hash-join a scan of the whole node
    // table once the log grew (200 ms per chunk at 1M leaves). OFFSET 0 stops it from flattening the LATERAL subquery
    // back into that join.
    `SELECT r.level, n.idx, n.hash FROM unnest($1::integer[], $2::bigint[], $3::bigint[]) AS r (level, lo, hi)
       CROSS JOIN LATERAL (SELECT idx, hash FROM ledger_nodes WHERE level = r.level AND idx >= r.lo AND idx < r.hi OFFSET 0) AS n`,
    [ranges.map((r) => r.level), ranges.map((r) => r.from), ranges.map((r) => r.to)],
  );
  return rows.map((row) => ({ level: int(row.level), index: int(row.idx), hash: bytes(row.hash) }));
}
