import { LedgerStore } from '../ledger-store.ts';
import type { Store, TreeHasher } from '../types.ts';
import { sqliteMigrations } from './migrations.ts';
import { Checkpointer } from './checkpointer.ts';
import { openDatabase, type SqliteSynchronous } from './open-database.ts';
import { SqliteDecisionTable } from './decision-table.ts';
import { SqliteDriver } from './sqlite-driver.ts';
import { SqliteMonitorTable } from './monitor-table.ts';
import { SqliteTokenTable } from './token-table.ts';

export interface SqliteStoreOptions {
  readonly hasher: TreeHasher;
  readonly maxBatch?: number;
  /** For benchmarks only: the ledger always runs with FULL (see SqliteSynchronous). */
  readonly synchronous?: SqliteSynchronous;
}

/** The embedded store in one SQLite file at `path` (absolute); `display` is the path as the user wrote it. */
export function openSqliteStore(path: string, display: string, options: SqliteStoreOptions): Store {
  const synchronous = options.synchronous ?? 'FULL';
  const db = openDatabase(path, display, sqliteMigrations, synchronous);
  const decisions = new SqliteDecisionTable(db, display);
  const driver = new SqliteDriver(db, display, options.hasher, decisions, new Checkpointer(db, path, synchronous));
  return new LedgerStore(driver, options.hasher, { tokens: new SqliteTokenTable(db, display), decisions, monitors: new SqliteMonitorTable(db, display) }, options.maxBatch);
}
