import { Option } from 'commander';

/** The `--store` option every ledger command takes; STEWARD_STORE is its environment fallback. */
export function storeOption(): Option {
  return new Option('--store <url>', 'store: a SQLite file path or postgres://… URL (default .steward/steward.db)').env(
    'STEWARD_STORE',
  );
}
