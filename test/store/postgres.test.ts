import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { redactUrl } from '../../src/store/index.ts';
import { storeConformance } from './conformance.ts';
import { adminUrl, postgresHarness, probePostgres } from './postgres-harness.ts';

// Decided when the file loads: the same suite as SQLite when a server answers at STEWARD_TEST_PG; under CI=true a
// missing server is a failure, elsewhere the suite is skipped with the reason printed.
const probe = await probePostgres();
const inCi = process.env.CI === 'true';
const skip = probe.ok || inCi ? false : `${probe.reason}; set STEWARD_TEST_PG to run the PostgreSQL store tests`;
if (skip !== false) console.log(`notice: skipping the PostgreSQL store tests: ${skip}`);

if (!probe.ok && inCi) {
  test('PostgreSQL is reachable for the store conformance suite (required when CI=true)', () => {
    assert.fail(`${probe.reason}: start PostgreSQL or point STEWARD_TEST_PG at one (admin URL ${redactUrl(adminUrl)})`);
  });
}

describe('PostgreSQL store (pg)', { skip: probe.ok ? false : probe.reason }, () => {
  const harness = postgresHarness();
  before(() => harness.setup());
  after(() => harness.cleanup());
  storeConformance(harness);
});
