import type { ClientBase, Pool } from 'pg';
import type { NodeId } from '../types.ts';
import { bytes, int, type Row } from './rows.ts';

/**
 * All the nodes of a proof (or of an append's right edge) in one round trip: level 0 from ledger_leaves.leaf_hash,
 * higher levels from ledger_nodes, matched by (level, idx) pairs passed as two arrays.
 */
export async function fetchNodes(db: Pool | ClientBase, ids: readonly NodeId[]): Promise<(Uint8Array | undefined)[]> {
  const leafIndices = ids.filter((id) => id.level === 0).map((id) => id.index);
  const upper = ids.filter((id) => id.level > 0);
  const { rows } = await db.query<Row>(
    `SELECT 0 AS level, idx, leaf_hash AS hash FROM ledger_leaves WHERE idx = ANY ($1::bigint[])
     UNION ALL
     SELECT n.level, n.idx, n.hash FROM ledger_nodes n
       JOIN unnest($2::integer[], $3::bigint[]) AS want (level, idx) ON n.level = want.level AND n.idx = want.idx`,
    [leafIndices, upper.map((id) => id.level), upper.map((id) => id.index)],
  );
  const found = new Map(rows.map((row) => [`${int(row.level)}/${int(row.idx)}`, bytes(row.hash)]));
  return ids.map((id) => found.get(`${id.level}/${id.index}`));
}
