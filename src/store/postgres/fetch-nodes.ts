import type { ClientBase, Pool } from 'pg';
import { leafSpan, LOWEST_STORED_LEVEL, lowNodeHash } from '../tree-edge.ts';
import type { NodeId, TreeHasher } from '../types.ts';
import { bytes, int, type Row } from './rows.ts';

/**
 * All the nodes of a proof (or of an append's right edge) in one round trip: level 0 from ledger_leaves.leaf_hash,
 * levels from LOWEST_STORED_LEVEL from ledger_nodes, matched by (level, idx) pairs passed as two arrays; the levels
 * between are rebuilt from the leaf hashes they cover, fetched in the same query.
 */
export async function fetchNodes(db: Pool | ClientBase, ids: readonly NodeId[], hasher: TreeHasher): Promise<(Uint8Array | undefined)[]> {
  const leafIndices = new Set<number>();
  for (const id of ids) {
    if (id.level === 0) leafIndices.add(id.index);
    else if (id.level < LOWEST_STORED_LEVEL) for (let k = leafSpan(id).from; k < leafSpan(id).to; k++) leafIndices.add(k);
  }
  const upper = ids.filter((id) => id.level >= LOWEST_STORED_LEVEL);
  const { rows } = await db.query<Row>(
    `SELECT 0 AS level, idx, leaf_hash AS hash FROM ledger_leaves WHERE idx = ANY ($1::bigint[])
     UNION ALL
     SELECT n.level, n.idx, n.hash FROM ledger_nodes n
       JOIN unnest($2::integer[], $3::bigint[]) AS want (level, idx) ON n.level = want.level AND n.idx = want.idx`,
    [[...leafIndices], upper.map((id) => id.level), upper.map((id) => id.index)],
  );
  const found = new Map(rows.map((row) => [`${int(row.level)}/${int(row.idx)}`, bytes(row.hash)]));
  return ids.map((id) => {
    if (id.level === 0 || id.level >= LOWEST_STORED_LEVEL) return found.get(`${id.level}/${id.index}`);
    const { from, to } = leafSpan(id);
    return lowNodeHash(id, Array.from({ length: to - from }, (_, k) => found.get(`0/${from + k}`)), hasher);
  });
}
