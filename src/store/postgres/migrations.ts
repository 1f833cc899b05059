import type { Migration } from '../migrations.ts';
import { alertIndexMigration } from './alert-index-migration.ts';
import { sparseNodesMigration } from './sparse-migration.ts';
import { uniqueSubjectsMigration } from './unique-migration.ts';

/**
 * The PostgreSQL schema, one migration per version. NEVER edit a shipped migration (its checksum is recorded in
 * every store and frozen in test/store/migrations.test.ts): add a new version instead.
 *
 * ledger_nodes holds levels ≥ 1; the level-0 node of leaf i is ledger_leaves.leaf_hash, so no hash is stored twice.
 */
export const postgresMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'ledger',
    sql: `CREATE TABLE ledger_leaves (
  idx bigint PRIMARY KEY,
  leaf bytea NOT NULL,
  leaf_hash bytea NOT NULL,
  kind text NOT NULL,
  subject text,
  recorded_at timestamptz NOT NULL
);
CREATE TABLE ledger_nodes (
  level integer NOT NULL,
  idx bigint NOT NULL,
  hash bytea NOT NULL,
  PRIMARY KEY (level, idx)
);
CREATE TABLE ledger_checkpoints (
  size bigint PRIMARY KEY,
  root bytea NOT NULL,
  text text NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE TABLE ledger_state (
  id integer PRIMARY KEY CHECK (id = 1),
  size bigint NOT NULL,
  last_shown_checkpoint_size bigint REFERENCES ledger_checkpoints (size)
);
INSERT INTO ledger_state (id, size, last_shown_checkpoint_size) VALUES (1, 0, NULL);
CREATE TABLE keys (
  name text PRIMARY KEY,
  public_key text NOT NULL,
  private_key bytea NOT NULL,
  created_at timestamptz NOT NULL
);
`,
  },
  {
    version: 2,
    name: 'api tokens',
    sql: `CREATE TABLE api_tokens (
  id text PRIMARY KEY,
  name text NOT NULL UNIQUE,
  role text NOT NULL,
  token_hash bytea NOT NULL UNIQUE,
  created_at timestamptz NOT NULL,
  expires_at timestamptz,
  revoked_at timestamptz
);
`,
  },
  {
    version: 3,
    name: 'decisions and labels',
    sql: `CREATE TABLE decisions (
  id text PRIMARY KEY,
  model text NOT NULL,
  version text NOT NULL,
  decided_at timestamptz NOT NULL,
  ledger_index bigint NOT NULL,
  position integer NOT NULL,
  record text NOT NULL
);
CREATE INDEX decisions_by_leaf ON decisions (ledger_index, position);
CREATE INDEX decisions_by_model_time ON decisions (model, decided_at);
CREATE TABLE labels (
  decision_id text PRIMARY KEY REFERENCES decisions (id),
  recorded_at timestamptz NOT NULL,
  ledger_index bigint NOT NULL,
  position integer NOT NULL,
  record text NOT NULL
);
CREATE INDEX labels_by_leaf ON labels (ledger_index, position);
`,
  },
  {
    version: 4,
    name: 'monitor windows and deliveries',
    sql: `CREATE TABLE monitor_windows (
  monitor text NOT NULL,
  seq bigint NOT NULL,
  name text NOT NULL,
  state text NOT NULL CHECK (state IN ('claimed', 'evaluated')),
  owner text NOT NULL,
  claimed_at timestamptz NOT NULL,
  first_index bigint,
  first_position integer,
  last_index bigint,
  last_position integer,
  row_count bigint NOT NULL DEFAULT 0,
  labelled bigint NOT NULL DEFAULT 0,
  provisional boolean NOT NULL DEFAULT false,
  verdict text,
  outcome text,
  evaluated_at timestamptz,
  PRIMARY KEY (monitor, seq)
);
CREATE TABLE monitor_deliveries (
  id text PRIMARY KEY,
  monitor text NOT NULL,
  rule text NOT NULL,
  alert_index bigint NOT NULL,
  slot integer NOT NULL,
  target text NOT NULL,
  origin text NOT NULL,
  notice text NOT NULL,
  state text NOT NULL CHECK (state IN ('pending', 'delivered', 'failed')),
  attempts integer NOT NULL,
  last_status integer,
  last_error text,
  next_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX monitor_deliveries_due ON monitor_deliveries (state, next_at);
CREATE INDEX decisions_by_model_leaf ON decisions (model, ledger_index, position);
`,
  },
  uniqueSubjectsMigration,
  sparseNodesMigration,
  alertIndexMigration,
];
