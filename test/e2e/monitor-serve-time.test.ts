import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { createRandom } from '../../src/stats/random.ts';
import { deadUrl, receiver, tempDir, writeFile, writeTable } from '../monitor/helpers.ts';
import { runCli } from './cli.ts';
import { postBatch, prepareStore } from './ingest-helpers.ts';
import { serveWithMonitors, until } from './monitor-helpers.ts';

const WINDOW_MS = 2_000;
const sleepUntil = (at: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));

/** `count` decisions at `timestamp`; income drawn like the reference's (N(50, 10)), 4 sd higher when `drift`. */
function batch(prefix: string, count: number, timestamp: string, drift: boolean): object[] {
  const random = createRandom(count + prefix.length);
  return Array.from({ length: count }, (_, k) => ({ decision_id: `${prefix}-${k}`, model: 'credit', version: '1.0.0', timestamp, features: { income: (drift ? 90 : 50) + 10 * random.nextGaussian(), region: ['north', 'south', 'east', 'west'][k % 4] }, prediction: k % 2 }));
}

interface Judged {
  readonly msg: string;
  readonly window: string;
  readonly rows: number;
  readonly outcome: string;
  readonly alerts: string[];
}

test('serve --monitor with window: 2s judges a time window once, after its end passes, from decisions ingested while it was open; a receiver that was down gets the alerts later (monitor alerts: pending → delivered)', { timeout: 120_000 }, async () => {
  const folder = tempDir();
  const store = join(folder, 'steward.db');
  const token = await prepareStore(store, folder);
  const hookUrl = await deadUrl();
  const monitor = writeFile(
    folder,
    'monitor.yaml',
    `kind: Monitor
metadata: { name: credit-time }
model: credit
window: 2s
reference: credit.reference.json
columns: { income: number, region: category }
statistics: { severity: error }
dataset_drift: { share: 1 }
notify:
  - { type: webhook, url: ${hookUrl} }
alerting: { attempts: 1, redeliveries: 20, redeliver_after: 200ms }
`,
  );
  const baseline = await runCli(['monitor', 'baseline', 'credit@1.0.0', '--data', writeTable(folder, 'reference.csv', { rows: 2_000, seed: 1 }), '--monitor', monitor, '--out', join(folder, 'credit.reference.json')]);
  assert.equal(baseline.code, 0, baseline.stderr);
  const server = await serveWithMonitors(store, [monitor], {}, 'info');
  let hook: Awaited<ReturnType<typeof receiver>> | undefined;
  try {
    const judged = (): Judged[] => server.log().split('\n').filter((line) => line.includes('monitor window judged')).map((line) => JSON.parse(line) as Judged);
    // a window that starts after the server is up; three batches posted while it is open, 600 ms apart
    const start = Math.ceil((Date.now() + 500) / WINDOW_MS) * WINDOW_MS;
    const name = new Date(start).toISOString();
    for (const [k, offset] of [100, 700, 1_300].entries()) {
      await sleepUntil(start + offset);
      const stamp = new Date(start + offset).toISOString();
      assert.equal((await postBatch(server.url, token, batch(`w0-${k}`, 20, stamp, true))).accepted, 20);
    }
    assert.ok(Date.now() < start + WINDOW_MS, 'the batches went in while the window was open (machine too slow otherwise)');
    assert.deepEqual(judged(), [], 'an open window is not judged');
    const first = await until('the window judged', () => judged().find((entry) => entry.window === name));
    assert.ok(Date.now() >= start + WINDOW_MS, 'judged only after its end');
    assert.deepEqual([first.rows, first.outcome, first.alerts], [60, 'fail', ['opened:drift.income']]);
    // the next window: healthy decisions, judged once too (its alert resolves)
    await sleepUntil(start + WINDOW_MS + 200);
    assert.equal((await postBatch(server.url, token, batch('w1', 20, new Date(start + WINDOW_MS + 200).toISOString(), false))).accepted, 20);
    const second = await until('the next window judged', () => judged().find((entry) => entry.window === new Date(start + WINDOW_MS).toISOString()));
    assert.deepEqual([second.rows, second.outcome, second.alerts], [20, 'pass', ['resolved:drift.income']]);
    await sleepUntil(start + 3 * WINDOW_MS + 600); // a few more ticks
    assert.deepEqual(judged().map((entry) => entry.window), [name, new Date(start + WINDOW_MS).toISOString()], 'each window judged exactly once, empty ones never');

    // the receiver is down: both deliveries are pending and visible
    const listed = async () => (JSON.parse((await runCli(['monitor', 'alerts', '--json', '--store', store])).stdout) as { deliveries: { rule: string; state: string }[] }).deliveries;
    assert.deepEqual((await listed()).map((d) => d.state), ['pending', 'pending']);
    hook = await receiver(() => 200, Number(new URL(hookUrl).port));
    const received = hook.received;
    await until('both alerts at the receiver', () => (received.length >= 2 ? true : undefined));
    await until('monitor alerts shows them delivered', async () => ((await listed()).every((d) => d.state === 'delivered') ? true : undefined));
    assert.deepEqual(received.map((r) => (JSON.parse(r.body) as { action: string }).action).sort(), ['opened', 'resolved']);
  } finally {
    assert.equal(await server.stop(), 0);
    await hook?.close();
  }
  const log = await runCli(['log', '--model', 'credit', '--kind', 'delivery', '--format', 'json', '--store', store]);
  const rounds = (JSON.parse(log.stdout) as { event: { outcome: string; round: number } }[]).map((entry) => entry.event);
  assert.ok(rounds.length >= 2, log.stderr);
  assert.deepEqual(rounds.filter((r) => r.outcome === 'delivered').length, 2, 'each alert delivered once');
  assert.ok(rounds.every((r) => r.outcome !== 'failed'));
  const verify = await runCli(['verify', '--store', store]);
  assert.equal(verify.code, 0, verify.stdout + verify.stderr);
});
