import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { openLedger } from '../../src/app/index.ts';
import { runCli } from './cli.ts';
import { crashRounds, prepareStore } from './ingest-helpers.ts';

test('SIGKILL during ingest, three times: every acknowledged decision is stored and the ledger verifies after restart', { timeout: 180_000 }, async () => {
  const folder = mkdtempSync(join(tmpdir(), 'steward-crash-'));
  const store = join(folder, 'steward.db');
  try {
    const token = await prepareStore(store, folder);
    const acknowledged = await crashRounds(store, token, 3);
    assert.ok(acknowledged.length > 0, 'some batches were acknowledged before the kills');
    const verify = await runCli(['verify', '--store', store]);
    assert.equal(verify.code, 0, verify.stdout + verify.stderr);
    const ledger = await openLedger({ store });
    try {
      const present = await ledger.store.decisions.existingDecisions(acknowledged);
      assert.equal(present.size, acknowledged.length);
    } finally {
      await ledger.close();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
