import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stateAt } from '../../src/app/lineage/state.ts';
import { deployment, digest, log, policy, version, waiver } from './events.ts';

const events = log(
  version('m', '1', '2026-01-01T00:00:00Z'),
  version('m', '2', '2026-02-01T00:00:00Z'),
  deployment('m', '1', 'production', '2026-01-10T00:00:00Z'),
  deployment('m', '1', 'staging', '2026-01-05T00:00:00Z'),
  deployment('m', '2', 'staging', '2026-02-02T00:00:00Z'),
  deployment('m', '2', 'production', '2026-03-01T00:00:00Z'),
  policy('release', 'v1', '2026-01-01T00:00:00Z'),
  policy('release', 'v2', '2026-02-15T00:00:00Z'),
  waiver('fairness', '2026-02-20', '2026-02-01T00:00:00Z'),
  waiver('accuracy', '2026-06-01T00:00:00Z', '2026-02-10T00:00:00Z'),
  // Recorded late but back-dated: replay is by time, so it counts from January.
  deployment('n', '7', 'production', '2026-01-20T00:00:00Z'),
);

test('each environment shows the version deployed last before the instant', () => {
  const state = stateAt(events, new Date('2026-02-10T00:00:00Z'));
  assert.deepEqual(state.deployments.map((d) => [d.environment, `${d.model}@${d.version}`]), [
    ['production', 'm@1'],
    ['production', 'n@7'],
    ['staging', 'm@2'],
  ]);
  const later = stateAt(events, new Date('2026-03-01T00:00:00Z'));
  assert.equal(later.deployments.find((d) => d.environment === 'production' && d.model === 'm')?.version, '2');
  assert.equal(stateAt(events, new Date('2025-12-31T23:59:59Z')).deployments.length, 0);
});

test('the policy in force is the last one published by the instant', () => {
  assert.equal(stateAt(events, new Date('2026-02-14T23:59:59Z')).policies[0]?.digest, digest('v1'));
  assert.equal(stateAt(events, new Date('2026-02-15T00:00:00Z')).policies[0]?.digest, digest('v2'));
});

test('a waiver is in force from its record through its expiry, a date-only expiry through that day UTC', () => {
  const rules = (at: string): string[] => stateAt(events, new Date(at)).waivers.map((w) => w.rule);
  assert.deepEqual(rules('2026-01-31T00:00:00Z'), []);
  assert.deepEqual(rules('2026-02-12T00:00:00Z'), ['accuracy', 'fairness']);
  assert.deepEqual(rules('2026-02-20T23:59:59Z'), ['accuracy', 'fairness']);
  assert.deepEqual(rules('2026-02-21T00:00:00Z'), ['accuracy']);
  assert.deepEqual(rules('2026-06-01T00:00:01Z'), []);
});

test('the replay counts only events recorded at or before the instant', () => {
  assert.equal(stateAt(events, new Date('2026-01-05T00:00:00Z')).events, 3);
  assert.equal(stateAt(events, new Date('2027-01-01T00:00:00Z')).events, events.length);
});
