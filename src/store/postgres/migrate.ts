import type pg from 'pg';
import { migrationChecksum, pendingMigrations, type AppliedMigration, type Migration } from '../migrations.ts';
import { int, type Row } from './rows.ts';

/** Any fixed 64-bit number: the advisory lock every Steward migrating this database agrees on. */
const MIGRATION_LOCK = 0x5374657761726431n; // "Steward1"

/**
 * Applies pending migrations in one transaction under a transaction-scoped advisory lock, so replicas starting
 * together migrate a new database exactly once and the others then see the recorded versions.
 */
export async function migratePostgres(pool: pg.Pool, migrations: readonly Migration[], display: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK.toString()]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
  version integer PRIMARY KEY,
  name text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now(),
  checksum text NOT NULL
)`);
    const { rows } = await client.query<Row>('SELECT version, name, checksum FROM schema_migrations ORDER BY version');
    const applied: AppliedMigration[] = rows.map((row) => ({ version: int(row.version), name: row.name as string, checksum: row.checksum as string }));
    for (const migration of pendingMigrations(applied, migrations, display)) {
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        migrationChecksum(migration),
      ]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
