import assert from 'node:assert/strict';
import { test } from 'node:test';
import { migrationChecksum, pendingMigrations, type Migration } from '../../src/store/migrations.ts';
import { postgresMigrations } from '../../src/store/postgres/migrations.ts';
import { sqliteMigrations } from '../../src/store/sqlite/migrations.ts';

// The checksums of the shipped migrations, frozen when they shipped. A shipped migration is never edited (stores in
// the field recorded these values): if this test fails, revert the edit and add a new migration version instead.
const shipped = {
  sqlite: {
    1: '4a635db10e6bfd5a99721abd7f015aa2d502f68b92b210906e3841d251ffd2b6',
    2: '5ff028d9c19e6bd9328876f1a4bf8cb49cf50176df46fb9c06dfb991cd2f557e',
    3: 'da6a12f43d9a962a587d04f4de13b92fd1c5ce35574f26fcfc26ee1beb21f513',
    4: '182bee8b1eb0a033d9c6bdd4bc8d49bc07c682635864798bdaee7252c8f2ff62',
    5: '9259e1a1c0438f5f9f5b406c5aede38371bd5370d41f56e010bb696e4104adc0',
    6: '3c59d1829966167d899616a442e94d3ab6bdfc48414623402c57921ab0c18086',
    7: '09fd1a02ddf04219c3dbab21452b56073252d5376093c0e9d3d26f38cfe8752e',
  },
  postgres: {
    1: '661bde4e67740b2becae59869bddbecc859643f8818db82c2d384fdbead92e4c',
    2: 'f2af891b38d87acd71b287904c9da71b038e771aa1b2296b94a543217877aab2',
    3: '0b0e232a4ccb9de47fc1a4682cbd0cd233a2849d053d037055a66ff8ab7fce2b',
    4: 'a28fead3894485d2006ab1c7e1a7512ef8ea6ae33943403c32d5ccac52b36c16',
    5: '9462228cee65574580322d5ad68c4524253ec5857b8c4ac301242009bf65dd1e',
    6: '3c59d1829966167d899616a442e94d3ab6bdfc48414623402c57921ab0c18086',
    7: '09fd1a02ddf04219c3dbab21452b56073252d5376093c0e9d3d26f38cfe8752e',
  },
};

test('shipped migrations are unchanged since they shipped', () => {
  assert.deepEqual(Object.fromEntries(sqliteMigrations.map((m) => [m.version, migrationChecksum(m)])), shipped.sqlite);
  assert.deepEqual(Object.fromEntries(postgresMigrations.map((m) => [m.version, migrationChecksum(m)])), shipped.postgres);
});

test('both dialects ship the same versions under the same names, numbered from 1 without gaps', () => {
  const versions = (list: readonly Migration[]) => list.map((m) => [m.version, m.name]);
  assert.deepEqual(versions(sqliteMigrations), versions(postgresMigrations));
  assert.deepEqual(sqliteMigrations.map((m) => m.version), sqliteMigrations.map((_, k) => k + 1));
});

const list: Migration[] = [
  { version: 2, name: 'two', sql: 'CREATE TABLE b (x int)' },
  { version: 1, name: 'one', sql: 'CREATE TABLE a (x int)' },
];
const record = (m: Migration) => ({ version: m.version, name: m.name, checksum: migrationChecksum(m) });

test('pending migrations are the unrecorded ones, in version order', () => {
  assert.deepEqual(pendingMigrations([], list, 'db').map((m) => m.version), [1, 2]);
  assert.deepEqual(pendingMigrations([record(list[1] as Migration)], list, 'db').map((m) => m.version), [2]);
  assert.deepEqual(pendingMigrations(list.map(record), list, 'db'), []);
});

test('a recorded version this build does not ship, or a changed checksum, is refused with its code', () => {
  assert.throws(() => pendingMigrations([{ version: 3, name: 'three', checksum: 'x' }], list, 'db'), { code: 'STORE_SCHEMA_TOO_NEW' });
  assert.throws(() => pendingMigrations([{ ...record(list[1] as Migration), checksum: 'f'.repeat(64) }], list, 'db'), { code: 'STORE_MIGRATION_MODIFIED' });
});
