import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { openLedger } from '../../src/app/index.ts';
import { runCli } from './cli.ts';
import { batchOf, prepareStore, serve } from './ingest-helpers.ts';

test('SIGTERM during ingest: in-flight batches are answered once written, the server exits 0, and every 200 is stored', { timeout: 120_000 }, async () => {
  const folder = mkdtempSync(join(tmpdir(), 'steward-drain-'));
  const store = join(folder, 'steward.db');
  try {
    const token = await prepareStore(store, folder);
    const server = await serve(store);
    const acknowledged: string[] = [];
    const post = async (k: number): Promise<number> => {
      const batch = batchOf(`drain-${k}`, 1_000);
      try {
        const response = await fetch(`${server.url}/v1/decisions`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(batch) });
        if (response.status === 200) acknowledged.push(...batch.map((d) => (d as { decision_id: string }).decision_id));
        return response.status;
      } catch {
        return 0; // refused at the socket once the server stopped listening
      }
    };
    const inFlight = Array.from({ length: 8 }, (_, k) => post(k));
    await new Promise((resolve) => setTimeout(resolve, 150));
    server.child.kill('SIGTERM');
    const statuses = await Promise.all(inFlight);
    assert.equal(await server.exited, 0);
    assert.ok(statuses.every((status) => [0, 200, 503].includes(status)), `statuses: ${statuses.join(', ')}`);
    assert.ok(acknowledged.length > 0, 'some batches were answered before the server stopped');
    const ledger = await openLedger({ store });
    try {
      assert.equal((await ledger.store.decisions.existingDecisions(acknowledged)).size, acknowledged.length);
    } finally {
      await ledger.close();
    }
    assert.equal((await runCli(['verify', '--store', store])).code, 0);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
