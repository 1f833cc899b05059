import { after, describe } from 'node:test';
import { storeConformance } from './conformance.ts';
import { sqliteHarness } from './sqlite-harness.ts';

describe('SQLite store (node:sqlite, WAL, synchronous = FULL)', () => {
  const harness = sqliteHarness();
  after(() => harness.cleanup());
  storeConformance(harness);
});
