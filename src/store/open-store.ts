import { openPostgresStore } from './postgres/open-postgres-store.ts';
import { openSqliteStore } from './sqlite/open-sqlite-store.ts';
import { parseStoreUrl } from './store-url.ts';
import type { OpenStoreOptions, Store } from './types.ts';

/**
 * Opens the store named by `--store` / `STEWARD_STORE`: nothing or a path → the embedded SQLite file (default
 * `.steward/steward.db`); `postgres://` / `postgresql://` → PostgreSQL. Pending migrations are applied before this
 * resolves; problems a user can fix (unwritable folder, damaged file, unreachable server) are coded StewardErrors
 * naming the path or the URL without its password.
 */
export async function openStore(url: string | undefined, options: OpenStoreOptions): Promise<Store> {
  const target = parseStoreUrl(url, options.cwd ?? process.cwd());
  const settings = options.maxBatch === undefined ? { hasher: options.hasher } : { hasher: options.hasher, maxBatch: options.maxBatch };
  if (target.dialect === 'sqlite') return openSqliteStore(target.path, target.display, settings);
  return openPostgresStore(target.url, target.display, settings);
}
