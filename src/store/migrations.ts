import { sha256Hex } from '../core/digest.ts';
import { fail } from '../core/errors.ts';

/**
 * A versioned schema change. Once shipped, a migration is never edited: a change is a new version. Each applied
 * migration is recorded in `schema_migrations` with the SHA-256 of its SQL, and opening a store compares the record
 * with the shipped text, so a hand-altered schema is noticed instead of silently diverging between stores.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export interface AppliedMigration {
  readonly version: number;
  readonly name: string;
  readonly checksum: string;
}

/** Hex SHA-256 of the migration's SQL text, exactly as shipped. */
export function migrationChecksum(migration: Migration): string {
  return sha256Hex(migration.sql);
}

/**
 * The shipped migrations not yet applied, in version order. Refuses a store that records a version this build does
 * not ship (it was migrated by a newer Steward) or whose recorded checksum differs from the shipped one.
 */
export function pendingMigrations(applied: readonly AppliedMigration[], shipped: readonly Migration[], where: string): Migration[] {
  const byVersion = new Map(shipped.map((migration) => [migration.version, migration]));
  for (const record of applied) {
    const migration = byVersion.get(record.version);
    if (migration === undefined) {
      fail('STORE_SCHEMA_TOO_NEW', `the store at ${where} has schema version ${record.version} (${record.name}), which this Steward does not know`, {
        expected: `schema versions up to ${Math.max(0, ...shipped.map((m) => m.version))}`,
        hint: 'upgrade Steward to open this store',
      });
    }
    const checksum = migrationChecksum(migration);
    if (record.checksum !== checksum) {
      fail('STORE_MIGRATION_MODIFIED', `migration ${record.version} (${record.name}) recorded in ${where} has checksum ${record.checksum}`, {
        expected: `checksum ${checksum}, the migration as shipped`,
        hint: 'the schema was changed outside Steward; restore the store from a backup or an exported bundle',
      });
    }
  }
  const done = new Set(applied.map((record) => record.version));
  return [...shipped].sort((a, b) => a.version - b.version).filter((migration) => !done.has(migration.version));
}
