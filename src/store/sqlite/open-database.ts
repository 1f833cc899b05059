import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fail, StewardError } from '../../core/errors.ts';
import { migrationChecksum, pendingMigrations, type AppliedMigration, type Migration } from '../migrations.ts';

/**
 * PRAGMA synchronous in WAL mode. FULL fsyncs the WAL at every commit, so an acknowledged append survives power
 * loss and an operating-system crash. NORMAL fsyncs only at WAL checkpoints: a commit is in the WAL file (the OS page
 * cache) when COMMIT returns, so it survives the process being killed (SIGKILL, a crash of Steward) but the last
 * commits since the previous checkpoint may roll back after power loss or an OS crash (https://sqlite.org/pragma.html
 * #pragma_synchronous); the database is never corrupted either way.
 * The ledger acknowledges appends as durable, so FULL is the default; NORMAL exists only for benchmarks.
 * Measured here (2 cores, shared, 1,000-leaf batches of 300 bytes, 200k leaves, best of 3): a bare table took
 * ~530k rows/s with FULL and ~600k with NORMAL; the store ~110–136k leaves/s with FULL and ~137k with NORMAL. Group
 * commit amortises the one fsync per batch, so FULL costs little and buys durability of every acknowledged append.
 */
export type SqliteSynchronous = 'FULL' | 'NORMAL';

/**
 * Opens (creating if needed) the SQLite file, sets WAL mode, durability and lock waiting, and applies pending
 * migrations. Failures a user can fix become coded errors naming the path as the user gave it.
 */
export function openDatabase(path: string, display: string, migrations: readonly Migration[], synchronous: SqliteSynchronous = 'FULL'): DatabaseSync {
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (error) {
    fail('STORE_PATH_UNWRITABLE', `cannot create the folder of the store ${display}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`, {
      location: { file: display },
      expected: 'a path whose folder exists or can be created',
    });
  }
  let db: DatabaseSync | undefined;
  try {
    db = new DatabaseSync(path, { timeout: 10_000 });
    db.exec('PRAGMA journal_mode = WAL');
    db.exec(`PRAGMA synchronous = ${synchronous}`);
    db.exec('PRAGMA foreign_keys = ON');
    migrate(db, migrations, display);
    return db;
  } catch (error) {
    db?.close();
    throw sqliteError(error, display);
  }
}

/** Applies pending migrations in one write transaction, so concurrent openers of a new file migrate it once. */
function migrate(db: DatabaseSync, migrations: readonly Migration[], display: string): void {
  db.exec('BEGIN IMMEDIATE');
  try {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL,
  checksum TEXT NOT NULL
)`);
    const applied = db.prepare('SELECT version, name, checksum FROM schema_migrations ORDER BY version').all() as unknown as AppliedMigration[];
    const record = db.prepare("INSERT INTO schema_migrations (version, name, applied_at, checksum) VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?)");
    for (const migration of pendingMigrations(applied, migrations, display)) {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, migrationChecksum(migration));
    }
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

/** SQLite result codes (https://sqlite.org/rescode.html) that mean the file is damaged or not a database. */
const CORRUPT = new Set([11, 26]); // SQLITE_CORRUPT, SQLITE_NOTADB
/** …and the ones that mean it cannot be opened or written where it is. */
const UNWRITABLE = new Set([8, 14, 23]); // SQLITE_READONLY, SQLITE_CANTOPEN, SQLITE_AUTH

/** Maps SQLite's damage and open failures to coded errors; anything else (a StewardError, a bug) passes through. */
export function sqliteError(error: unknown, display: string): unknown {
  const errcode = (error as { errcode?: number }).errcode;
  if (errcode === undefined) return error; // already a StewardError (migrations), or a bug
  const primary = errcode & 0xff; // extended result codes carry the primary code in the low byte
  if (CORRUPT.has(primary)) {
    return coded('STORE_CORRUPT', `the store ${display} is not a SQLite database or is damaged`, display, error, 'a Steward SQLite store');
  }
  if (UNWRITABLE.has(primary)) {
    return coded('STORE_PATH_UNWRITABLE', `cannot open the store ${display} for writing`, display, error, 'a writable file path');
  }
  return error;
}

function coded(code: 'STORE_CORRUPT' | 'STORE_PATH_UNWRITABLE', message: string, display: string, cause: unknown, expected: string): StewardError {
  return new StewardError({ code, message, location: { file: display }, expected }, { cause });
}
