import type { CodeSpec } from './types.ts';

/** Codes of the store: opening, migrating and writing the embedded SQLite or PostgreSQL store. */
export const storeCodes = {
  STORE_UNSUPPORTED_URL: { category: 'usage', summary: 'The `--store` value is neither a file path nor a `postgres://` / `postgresql://` URL.' },
  STORE_PATH_UNWRITABLE: { category: 'input', summary: 'The store folder cannot be created or the SQLite file cannot be opened for writing at the named path.' },
  STORE_CORRUPT: { category: 'input', summary: 'The SQLite file at the named path is not a database or is damaged; restore it from a backup or the exported bundle.' },
  STORE_UNREACHABLE: { category: 'input', summary: 'The PostgreSQL server named by the store URL cannot be reached or refused the connection (host, port, database, role).' },
  STORE_SCHEMA_TOO_NEW: { category: 'input', summary: 'The store was migrated by a newer Steward than this one; upgrade Steward before opening it.' },
  STORE_MIGRATION_MODIFIED: { category: 'input', summary: 'A migration recorded in `schema_migrations` has a checksum different from the one this Steward ships: the schema was altered by hand.' },
  STORE_INVALID_APPEND: { category: 'usage', summary: 'An item given to the ledger append has a missing or malformed field (leaf bytes, kind, subject or RFC 3339 recorded time).' },
  STORE_KEY_EXISTS: { category: 'usage', summary: 'A key with this name is already stored; keys are never overwritten.' },
  STORE_CHECKPOINT_CONFLICT: { category: 'input', summary: 'A checkpoint was saved for a size the log does not have, or differs from the checkpoint already stored for that size.' },
  STORE_DUPLICATE_SUBJECT: {
    category: 'input',
    summary: 'An append carried an event recorded once per subject (a run id, a model version) that the log already holds, or that the same append holds twice; nothing of that append was written.',
  },
  STORE_CLOSED: { category: 'usage', summary: 'The store was used after it was closed.' },
} as const satisfies Record<string, CodeSpec>;
