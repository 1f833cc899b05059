import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';
import type { StoreHarness } from './harness.ts';

/** SQLite stores in a temporary folder, one file per test; `cleanup` removes the folder. */
export function sqliteHarness(): StoreHarness & { cleanup(): void } {
  const folder = mkdtempSync(join(tmpdir(), 'steward-store-'));
  let next = 0;
  return {
    dialect: 'sqlite',
    freshUrl: () => Promise.resolve(join(folder, `store-${next++}`, 'steward.db')),
    sql(url, text, values = []) {
      const db = new DatabaseSync(url);
      try {
        const statement = db.prepare(text);
        const params = values as SQLInputValue[];
        const rows = /^\s*select/i.test(text) ? statement.all(...params) : (statement.run(...params), []);
        return Promise.resolve(rows as Record<string, unknown>[]);
      } finally {
        db.close();
      }
    },
    cleanup: () => rmSync(folder, { recursive: true, force: true }),
  };
}
