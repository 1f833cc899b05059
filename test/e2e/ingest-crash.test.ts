import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { openLedger } from '../../src/app/index.ts';
import { runCli } from './cli.ts';
import { crashRounds, prepareStore } from './ingest-helpers.ts';

test('SIGKILL during ingest, three times: every acknowledged decision is stored, every decisions leaf has its rows, and the ledger verifies after restart', { timeout: 180_000 }, async () => {
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
      // Leaf and rows commit in one transaction, so no kill can leave a leaf naming decisions that are not stored.
      let leaves = 0;
      for await (const { index, event } of ledger.events()) {
        if (event.type !== 'decisions') continue;
        leaves++;
        assert.equal((await ledger.store.decisions.decisionsInLeaf(index)).length, event.count, `decisions leaf ${index}`);
      }
      assert.ok(leaves > 0);
    } finally {
      await ledger.close();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
