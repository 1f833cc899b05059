import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { StoreHarness } from '../store/harness.ts';
import { postgresHarness, probePostgres } from '../store/postgres-harness.ts';
import { sqliteHarness } from '../store/sqlite-harness.ts';

// Decided once when a test file loads: PostgreSQL runs when a server answers at STEWARD_TEST_PG; under CI=true a
// missing server is a failure, elsewhere the PostgreSQL half is skipped with the reason printed.
const probe = await probePostgres();
const inCi = process.env.CI === 'true';
if (!probe.ok && !inCi) console.log(`notice: skipping the PostgreSQL ledger tests: ${probe.reason}; set STEWARD_TEST_PG to run them`);

/** Runs the same suite against the embedded SQLite store and a throwaway PostgreSQL database (kysely-style). */
export function forEachDialect(title: string, suite: (harness: StoreHarness) => void): void {
  describe(`${title} (SQLite)`, () => {
    const harness = sqliteHarness();
    after(() => harness.cleanup());
    suite(harness);
  });
  if (!probe.ok && inCi) {
    test(`${title}: PostgreSQL is reachable (required when CI=true)`, () => assert.fail(probe.reason));
    return;
  }
  describe(`${title} (PostgreSQL)`, { skip: probe.ok ? false : probe.reason }, () => {
    const harness = postgresHarness();
    before(() => harness.setup());
    after(() => harness.cleanup());
    suite(harness);
  });
}
