import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openStore } from '../../src/store/index.ts';
import { migrationChecksum } from '../../src/store/migrations.ts';
import { postgresMigrations } from '../../src/store/postgres/migrations.ts';
import { sqliteMigrations } from '../../src/store/sqlite/migrations.ts';
import type { StoreHarness } from './harness.ts';
import { sha256TreeHasher } from './hasher.ts';
import { items } from './items.ts';
import { assertTreeConsistent } from './tree-check.ts';

/** Migrations: applied on open, recorded with their checksums, and checked against what this build ships. */
export function registerMigrationConformance(harness: StoreHarness): void {
  const shipped = harness.dialect === 'sqlite' ? sqliteMigrations : postgresMigrations;
  const open = (url: string) => openStore(url, { hasher: sha256TreeHasher });

  test('opening applies every migration once and records its version, name, time and checksum', async () => {
    const url = await harness.freshUrl();
    await (await open(url)).close();
    await (await open(url)).close(); // reopening applies nothing twice (the primary key would refuse it)
    const rows = await harness.sql(url, 'SELECT version, name, applied_at, checksum FROM schema_migrations ORDER BY version');
    assert.deepEqual(
      rows.map((row) => [Number(row.version), row.name, row.checksum]),
      shipped.map((migration) => [migration.version, migration.name, migrationChecksum(migration)]),
    );
    for (const row of rows) assert.ok(!Number.isNaN(new Date(row.applied_at as string).getTime()), 'applied_at is a time');
  });

  test('a recorded checksum that differs from the shipped migration refuses to open the store', async () => {
    const url = await harness.freshUrl();
    await (await open(url)).close();
    await harness.sql(url, 'UPDATE schema_migrations SET checksum = ? WHERE version = 1', ['0'.repeat(64)]);
    await assert.rejects(open(url), { code: 'STORE_MIGRATION_MODIFIED' });
  });

  test('a store migrated by a newer Steward refuses to open', async () => {
    const url = await harness.freshUrl();
    await (await open(url)).close();
    await harness.sql(url, 'INSERT INTO schema_migrations (version, name, applied_at, checksum) VALUES (?, ?, ?, ?)', [999, 'future', '2030-01-01T00:00:00Z', 'x']);
    await assert.rejects(open(url), { code: 'STORE_SCHEMA_TOO_NEW' });
  });

  test('stores opened at the same moment migrate a new database once and share one log', async () => {
    const url = await harness.freshUrl();
    const stores = await Promise.all([open(url), open(url), open(url)]);
    const results = await Promise.all(stores.map((store) => store.appendLeaves([{ leaf: Uint8Array.of(1), kind: 'k', recordedAt: '2026-03-01T00:00:00Z' }])));
    assert.deepEqual(results.map((r) => r.first).sort(), [0, 1, 2]);
    await Promise.all(stores.map((store) => store.close()));
    const rows = await harness.sql(url, 'SELECT version FROM schema_migrations');
    assert.equal(rows.length, shipped.length);
  });

  test('migration 6 removes the nodes below level 4 an older store kept; the tree is whole, rebuilt from leaf hashes', async () => {
    const url = await harness.freshUrl();
    let store = await open(url);
    await store.appendLeaves(items('old', 40));
    await store.close();
    // What an older Steward left: a row for every node of levels 1–3 (a wrong hash, to show it is never read).
    for (const [level, count] of [[1, 20], [2, 10], [3, 5]] as const) {
      for (let index = 0; index < count; index++) await harness.sql(url, 'INSERT INTO ledger_nodes (level, idx, hash) VALUES (?, ?, ?)', [level, index, new Uint8Array(32)]);
    }
    await harness.sql(url, 'DELETE FROM schema_migrations WHERE version = 6');
    store = await open(url);
    try {
      assert.deepEqual(await harness.sql(url, 'SELECT level, idx FROM ledger_nodes WHERE level < 4'), []);
      assert.equal((await harness.sql(url, 'SELECT level FROM ledger_nodes')).length, 3, 'the nodes of levels 4 and 5 stay: (4, 0), (4, 1), (5, 0)');
      await store.appendLeaves(items('new', 30));
      await assertTreeConsistent(store);
    } finally {
      await store.close();
    }
  });
}
