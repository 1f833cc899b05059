import type { Migration } from '../migrations.ts';

/**
 * Migration 7: a partial index over the `alert` leaves, by subject (`monitor:<name>:<rule>`). A monitor decides its
 * alert transitions from the alert events of its rules alone (MonitorStore.alertLeaves), so a judgement reads a
 * handful of leaves instead of the whole log; the index holds alert rows only, so decision batches do not grow it.
 * Never edit once shipped (see migrations.ts).
 */
export const alertIndexMigration: Migration = {
  version: 7,
  name: 'alert leaves index',
  sql: `CREATE INDEX ledger_leaves_alerts ON ledger_leaves (subject, idx) WHERE kind = 'alert';
`,
};
