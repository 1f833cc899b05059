import type { Migration } from '../migrations.ts';

/**
 * Migration 6: interior nodes below LOWEST_STORED_LEVEL (subtrees of 2, 4 and 8 leaves) are no longer stored — the
 * store rebuilds them from leaf hashes (tree-edge.ts) — so the rows an older store holds are removed. Being a
 * migration, it also makes an older Steward, which expects every node stored, refuse the store
 * (STORE_SCHEMA_TOO_NEW) instead of failing its proofs. Never edit once shipped (see migrations.ts).
 */
export const sparseNodesMigration: Migration = {
  version: 6,
  name: 'sparse tree nodes',
  sql: `DELETE FROM ledger_nodes WHERE level < 4;
`,
};
