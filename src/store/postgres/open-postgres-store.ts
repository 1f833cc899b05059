import { LedgerStore } from '../ledger-store.ts';
import type { Store, TreeHasher } from '../types.ts';
import { connectPool } from './connect.ts';
import { migratePostgres } from './migrate.ts';
import { postgresMigrations } from './migrations.ts';
import { PostgresMonitorTable } from './monitor-table.ts';
import { PostgresDecisionTable } from './decision-table.ts';
import { PostgresDriver } from './postgres-driver.ts';
import { PostgresTokenTable } from './token-table.ts';

export interface PostgresStoreOptions {
  readonly hasher: TreeHasher;
  readonly maxBatch?: number;
}

/** The shared store on PostgreSQL at `url`; `display` is the URL without its password. */
export async function openPostgresStore(url: string, display: string, options: PostgresStoreOptions): Promise<Store> {
  const pool = await connectPool(url, display);
  try {
    await migratePostgres(pool, postgresMigrations, display);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return new LedgerStore(new PostgresDriver(pool, display, options.hasher), options.hasher, { tokens: new PostgresTokenTable(pool, display), decisions: new PostgresDecisionTable(pool), monitors: new PostgresMonitorTable(pool) }, options.maxBatch);
}
