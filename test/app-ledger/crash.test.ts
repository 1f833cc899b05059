import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { after, test } from 'node:test';
import { initLedger, openLedger } from '../../src/app/index.ts';
import { sqliteHarness } from '../store/sqlite-harness.ts';

const harness = sqliteHarness();
after(() => harness.cleanup());

test('a writer killed with SIGKILL loses no acknowledged event and the log verifies after restart', async () => {
  const store = await harness.freshUrl();
  await initLedger({ store });
  const child = spawn(process.execPath, [fileURLToPath(new URL('crash-writer.ts', import.meta.url)), store], { stdio: ['ignore', 'pipe', 'inherit'] });
  let acknowledged = 0;
  let buffered = '';
  await new Promise<void>((resolve) => {
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) acknowledged = Math.max(acknowledged, Number(line));
      if (acknowledged >= 2_000) {
        child.kill('SIGKILL');
        resolve();
      }
    });
  });
  await new Promise((resolve) => child.once('close', resolve));
  const ledger = await openLedger({ store });
  try {
    const size = await ledger.size();
    assert.ok(size >= acknowledged, `acknowledged ${acknowledged} events but the log has ${size}`);
    const report = await ledger.verify();
    assert.equal(report.ok, true, JSON.stringify(report));
    await ledger.checkpoint();
    assert.equal((await ledger.verify()).ok, true);
  } finally {
    await ledger.close();
  }
});
