import type { Migration } from '../migrations.ts';

/**
 * Migration 5 of the embedded store: the subjects recorded once (see unique-subjects.ts), keyed for the check an
 * append makes under its write lock. Existing logs are backfilled from their leaves — the kinds the ledger marks
 * unique when this shipped, `run` and `version` — keeping the first leaf of a subject should an older, unguarded
 * race have recorded one twice. Never edit once shipped (see migrations.ts).
 */
export const uniqueSubjectsMigration: Migration = {
  version: 5,
  name: 'unique subjects',
  sql: `CREATE TABLE ledger_unique (
  kind TEXT NOT NULL,
  subject TEXT NOT NULL,
  idx INTEGER NOT NULL,
  PRIMARY KEY (kind, subject)
) WITHOUT ROWID;
INSERT INTO ledger_unique (kind, subject, idx)
  SELECT kind, subject, min(idx) FROM ledger_leaves WHERE kind IN ('run', 'version') AND subject IS NOT NULL GROUP BY kind, subject;
`,
};
