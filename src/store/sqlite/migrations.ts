import type { Migration } from '../migrations.ts';
import { alertIndexMigration } from './alert-index-migration.ts';
import { sparseNodesMigration } from './sparse-migration.ts';
import { uniqueSubjectsMigration } from './unique-migration.ts';

/**
 * The SQLite schema, one migration per version. NEVER edit a shipped migration (its checksum is recorded in every
 * store and frozen in test/store/migrations.test.ts): add a new version instead.
 *
 * ledger_nodes holds levels ≥ 1; the level-0 node of leaf i is ledger_leaves.leaf_hash, so no hash is stored twice.
 * WITHOUT ROWID keeps the nodes clustered on (level, idx), the key every proof looks them up by.
 */
export const sqliteMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'ledger',
    sql: `CREATE TABLE ledger_leaves (
  idx INTEGER PRIMARY KEY,
  leaf BLOB NOT NULL,
  leaf_hash BLOB NOT NULL,
  kind TEXT NOT NULL,
  subject TEXT,
  recorded_at TEXT NOT NULL
);
CREATE TABLE ledger_nodes (
  level INTEGER NOT NULL,
  idx INTEGER NOT NULL,
  hash BLOB NOT NULL,
  PRIMARY KEY (level, idx)
) WITHOUT ROWID;
CREATE TABLE ledger_checkpoints (
  size INTEGER PRIMARY KEY,
  root BLOB NOT NULL,
  text TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE ledger_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  size INTEGER NOT NULL,
  last_shown_checkpoint_size INTEGER REFERENCES ledger_checkpoints (size)
);
INSERT INTO ledger_state (id, size, last_shown_checkpoint_size) VALUES (1, 0, NULL);
CREATE TABLE keys (
  name TEXT PRIMARY KEY,
  public_key TEXT NOT NULL,
  private_key BLOB NOT NULL,
  created_at TEXT NOT NULL
);
`,
  },
  {
    version: 2,
    name: 'api tokens',
    sql: `CREATE TABLE api_tokens (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL,
  token_hash BLOB NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  expires_at TEXT,
  revoked_at TEXT
);
`,
  },
  {
    version: 3,
    name: 'decisions and labels',
    sql: `CREATE TABLE decisions (
  id TEXT PRIMARY KEY,
  model TEXT NOT NULL,
  version TEXT NOT NULL,
  decided_at TEXT NOT NULL,
  ledger_index INTEGER NOT NULL,
  position INTEGER NOT NULL,
  record TEXT NOT NULL
);
CREATE INDEX decisions_by_leaf ON decisions (ledger_index, position);
CREATE INDEX decisions_by_model_time ON decisions (model, decided_at);
CREATE TABLE labels (
  decision_id TEXT PRIMARY KEY REFERENCES decisions (id),
  recorded_at TEXT NOT NULL,
  ledger_index INTEGER NOT NULL,
  position INTEGER NOT NULL,
  record TEXT NOT NULL
);
CREATE INDEX labels_by_leaf ON labels (ledger_index, position);
`,
  },
  {
    version: 4,
    name: 'monitor windows and deliveries',
    sql: `CREATE TABLE monitor_windows (
  monitor TEXT NOT NULL,
  seq INTEGER NOT NULL,
  name TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('claimed', 'evaluated')),
  owner TEXT NOT NULL,
  claimed_at TEXT NOT NULL,
  first_index INTEGER,
  first_position INTEGER,
  last_index INTEGER,
  last_position INTEGER,
  row_count INTEGER NOT NULL DEFAULT 0,
  labelled INTEGER NOT NULL DEFAULT 0,
  provisional INTEGER NOT NULL DEFAULT 0,
  verdict TEXT,
  outcome TEXT,
  evaluated_at TEXT,
  PRIMARY KEY (monitor, seq)
);
CREATE TABLE monitor_deliveries (
  id TEXT PRIMARY KEY,
  monitor TEXT NOT NULL,
  rule TEXT NOT NULL,
  alert_index INTEGER NOT NULL,
  slot INTEGER NOT NULL,
  target TEXT NOT NULL,
  origin TEXT NOT NULL,
  notice TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'failed')),
  attempts INTEGER NOT NULL,
  last_status INTEGER,
  last_error TEXT,
  next_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX monitor_deliveries_due ON monitor_deliveries (state, next_at);
CREATE INDEX decisions_by_model_leaf ON decisions (model, ledger_index, position);
`,
  },
  uniqueSubjectsMigration,
  sparseNodesMigration,
  alertIndexMigration,
];
