import type { Pool } from 'pg';
import { concatBytes, ownBytes, packedOffsets } from '../packed-blocks.ts';
import type { LeafBlock, LeafColumns, NodeRange, StoredNode } from '../types.ts';
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

/**
 * Store.leafBlock in one round trip: ordered aggregates (string_agg … ORDER BY idx) return the leaves and their stored
 * hashes as two values instead of two per row, in base64 rather than bytea's hex text (a third less to send, and
 * Node decodes base64 several times faster than hex: half the client CPU per row, measured). Rows are checked to be
 * exactly [from, to) (idx is the primary key, so the count of rows in the range says so) with 32-byte hashes; else undefined, and
 * leafColumns names the row.
 */
export async function fetchLeafBlock(pool: Pool, from: number, to: number): Promise<LeafBlock | undefined> {
  const { rows } = await pool.query<unknown[]>({
    text: `SELECT count(*), bool_and(length(leaf_hash) = 32), string_agg(length(leaf)::text, ',' ORDER BY idx),
             encode(string_agg('\\x00'::bytea || leaf, ''::bytea ORDER BY idx), 'base64'), encode(string_agg(leaf_hash, ''::bytea ORDER BY idx), 'base64')
           FROM ledger_leaves WHERE idx >= $1 AND idx < $2`,
    values: [from, to],
    rowMode: 'array',
  });
  const [count, wellFormed, lengths, data, leafHashes] = rows[0] ?? [];
  if (int(count) !== to - from || wellFormed !== true) return undefined;
  const offsets = packedOffsets(typeof lengths === 'string' ? lengths : null, to - from, 1);
  const block = { data: fromBase64(data), offsets, leafHashes: fromBase64(leafHashes) };
  return offsets === undefined || offsets[to - from] !== block.data.length ? undefined : { ...block, offsets };
}

/** Store.nodeBlock in one round trip: per range, its count and its hashes aggregated in index order. */
export async function fetchNodeBlock(pool: Pool, ranges: readonly NodeRange[]): Promise<Uint8Array | undefined> {
  const { rows } = await pool.query<unknown[]>({
    // LATERAL with OFFSET 0 for one index range scan per range, as in fetchNodeRanges.
    text: `SELECT r.k, count(n.hash), coalesce(bool_and(length(n.hash) = 32), true), string_agg(n.hash, ''::bytea ORDER BY n.idx)
           FROM unnest($1::integer[], $2::bigint[], $3::bigint[]) WITH ORDINALITY AS r (level, lo, hi, k)
           LEFT JOIN LATERAL (SELECT idx, hash FROM ledger_nodes WHERE level = r.level AND idx >= r.lo AND idx < r.hi OFFSET 0) AS n ON true
           GROUP BY r.k ORDER BY r.k`,
    values: [ranges.map((r) => r.level), ranges.map((r) => r.from), ranges.map((r) => r.to)],
    rowMode: 'array',
  });
  if (rows.length !== ranges.length) return undefined;
  const parts: Uint8Array[] = [];
  for (const [k, row] of rows.entries()) {
    const range = ranges[k] as NodeRange;
    if (int(row[1]) !== range.to - range.from || row[2] !== true) return undefined;
    if (range.to > range.from) parts.push(bytes(row[3]));
  }
  return concatBytes(parts);
}

/** PostgreSQL's base64 (with line breaks, which Node's decoder skips) as bytes in a buffer of their own. */
function fromBase64(text: unknown): Uint8Array {
  return ownBytes(bytes(Buffer.from(typeof text === 'string' ? text : '', 'base64')));
}
