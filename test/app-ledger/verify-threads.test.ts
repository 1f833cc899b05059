import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { initLedger, openLedger, type VerifyReport } from '../../src/app/index.ts';
import { verifyStore } from '../../src/app/ledger/verify-store.ts';
import { sqliteHarness } from '../store/sqlite-harness.ts';
import { sampleEvents } from './events.ts';

/**
 * On the embedded store, verify reads and hashes chunks of 4,096 leaves on worker threads that open the file
 * themselves (ReadingPool). Over a log of several chunks, tampered in different chunks, it must give exactly the
 * report of the one-connection reader, and name the tampered index.
 */
const harness = sqliteHarness();
test.after(() => harness.cleanup());

const size = 3 * 4096 + 123;

async function seeded(): Promise<string> {
  const url = await harness.freshUrl();
  await initLedger({ store: url });
  const ledger = await openLedger({ store: url });
  await ledger.append(sampleEvents(size));
  await ledger.checkpoint();
  await ledger.close();
  return url;
}

/** Both readers' reports on a copy of the seeded store after `tamper`. */
async function reports(original: string, tamper: string, values: unknown[]): Promise<{ threads: VerifyReport; here: VerifyReport }> {
  const url = await harness.freshUrl();
  mkdirSync(dirname(url), { recursive: true });
  copyFileSync(original, url);
  if (tamper !== '') await harness.sql(url, tamper, values);
  const ledger = await openLedger({ store: url, cwd: join(dirname(url), '..') });
  try {
    return { threads: await ledger.verify(), here: await verifyStore(ledger.store) };
  } finally {
    await ledger.close();
  }
}

test('verify on reading threads gives the one-reader report on intact and tampered logs of several chunks', { timeout: 120_000 }, async () => {
  const original = await seeded();
  const intact = await reports(original, '', []);
  assert.equal(intact.threads.ok, true, JSON.stringify(intact.threads));
  assert.deepEqual(intact.threads, intact.here);
  assert.equal(intact.threads.size, size);

  const cases: { sql: string; values: unknown[]; index: number; code: string }[] = [
    { sql: "UPDATE ledger_leaves SET leaf = CAST(replace(CAST(leaf AS TEXT), '\"v\":1', '\"v\":2') AS BLOB) WHERE idx = ?", values: [5_000], index: 5_000, code: 'LEDGER_LEAF_MISMATCH' },
    { sql: 'DELETE FROM ledger_leaves WHERE idx = ?', values: [9_001], index: 9_001, code: 'LEDGER_LEAF_MISMATCH' },
    { sql: 'UPDATE ledger_nodes SET hash = zeroblob(32) WHERE level = 4 AND idx = ?', values: [750], index: 12_000, code: 'LEDGER_NODE_MISMATCH' },
    { sql: 'DELETE FROM ledger_leaves WHERE idx >= ?', values: [size - 50], index: size - 50, code: 'LEDGER_LEAF_MISMATCH' },
  ];
  for (const { sql, values, index, code } of cases) {
    const { threads, here } = await reports(original, sql, values);
    assert.deepEqual(threads, here, `${sql}: both readers agree`);
    assert.equal(threads.ok, false, `${sql} was not detected`);
    if (!threads.ok) assert.deepEqual([threads.finding.code, threads.finding.index], [code, index], sql);
  }
});
