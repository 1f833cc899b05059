import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { test } from 'node:test';
import pg from 'pg';
import { createRandom } from '../../src/stats/random.ts';
import { adminUrl, probePostgres } from '../store/postgres-harness.ts';
import { receiver, tempDir, writeFile, writeTable } from '../monitor/helpers.ts';
import { runCli } from './cli.ts';
import { postBatch, prepareStore } from './ingest-helpers.ts';
import { serveWithMonitors, until, type MonitorServer } from './monitor-helpers.ts';

const probe = await probePostgres();
const required = process.env.CI === 'true';

test('PostgreSQL is reachable for the two-replica monitor test (required when CI=true)', () => {
  if (!probe.ok && required) assert.fail(probe.reason);
  if (!probe.ok) console.log(`# skipping the two-replica monitor test: ${probe.reason}`);
});

/** 50 decisions; income like the reference (N(50, 10)) or 4 sd above it. */
function batch(prefix: string, drift: boolean): object[] {
  const random = createRandom(prefix.length + (drift ? 1 : 2));
  const timestamp = new Date().toISOString();
  return Array.from({ length: 50 }, (_, k) => ({ decision_id: `${prefix}-${k}`, model: 'credit', version: '1.0.0', timestamp, features: { income: (drift ? 90 : 50) + 10 * random.nextGaussian(), region: ['north', 'south', 'east', 'west'][k % 4] }, prediction: k % 2 }));
}

test('two serve --monitor replicas on one PostgreSQL store judge each closed window exactly once: one alert event, one delivery at the receiver, and the ledger verifies', { skip: !probe.ok, timeout: 240_000 }, async () => {
  const database = `steward_monitor_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  const store = url.toString();
  const folder = tempDir();
  const hook = await receiver();
  const replicas: MonitorServer[] = [];
  try {
    const token = await prepareStore(store, folder);
    const monitor = writeFile(
      folder,
      'monitor.yaml',
      `kind: Monitor
metadata: { name: credit-replicas }
model: credit
window: { decisions: 50 }
reference: credit.reference.json
columns: { income: number, region: category }
statistics: { severity: error }
dataset_drift: { share: 1 }
notify:
  - { type: webhook, url: ${hook.url}/hook }
alerting: { cooldown: 0s }
`,
    );
    const baseline = await runCli(['monitor', 'baseline', 'credit@1.0.0', '--data', writeTable(folder, 'reference.csv', { rows: 2_000, seed: 1 }), '--monitor', monitor, '--out', join(folder, 'credit.reference.json')]);
    assert.equal(baseline.code, 0, baseline.stderr);
    replicas.push(await serveWithMonitors(store, [monitor], {}, 'info'), await serveWithMonitors(store, [monitor], {}, 'info'));
    // windows #0 drift (opens), #1 healthy (resolves), #2 drift (opens again): each posted to the other replica once
    // the previous window's alert has arrived, so every window's transition is decided on the one before it
    const plan = [true, false, true];
    for (const [k, drift] of plan.entries()) {
      assert.equal((await postBatch((replicas[k % 2] as MonitorServer).url, token, batch(`w${k}`, drift))).accepted, 50);
      await until(`the alert of window #${k}`, () => (hook.received.length >= k + 1 ? true : undefined), 60_000);
    }
    // both replicas tick (every 5 s with count windows) a few more times over the closed windows
    await new Promise((resolve) => setTimeout(resolve, 11_000));
    assert.deepEqual(await Promise.all(replicas.map((replica) => replica.stop())), [0, 0]);
    const bodies = hook.received.map((entry) => JSON.parse(entry.body) as { action: string; rule: string; window: string });
    assert.deepEqual(bodies.map((b) => [b.window, b.action, b.rule]), [['#0', 'opened', 'drift.income'], ['#1', 'resolved', 'drift.income'], ['#2', 'opened', 'drift.income']], 'one delivery per transition');
    const judged = replicas.flatMap((replica, r) => replica.log().split('\n').filter((line) => line.includes('monitor window judged')).map((line) => [(JSON.parse(line) as { window: string }).window, r] as const));
    assert.deepEqual(judged.map(([window]) => window).sort(), ['#0', '#1', '#2'], 'each window judged by exactly one replica');
    const log = await runCli(['log', '--model', 'credit', '--kind', 'alert', '--format', 'json', '--store', store]);
    const alerts = (JSON.parse(log.stdout) as { event: { window: string; action: string } }[]).map((entry) => [entry.event.window, entry.event.action]);
    assert.deepEqual(alerts, [['#0', 'opened'], ['#1', 'resolved'], ['#2', 'opened']]);
    const listed = JSON.parse((await runCli(['monitor', 'alerts', '--json', '--store', store])).stdout) as { deliveries: { state: string }[] };
    assert.deepEqual(listed.deliveries.map((d) => d.state), ['delivered', 'delivered', 'delivered']);
    const client = new pg.Client({ connectionString: store });
    await client.connect();
    try {
      const { rows } = await client.query<{ seq: string; state: string }>("SELECT seq, state FROM monitor_windows WHERE monitor = 'credit-replicas' ORDER BY seq");
      assert.deepEqual(rows.map((row) => [Number(row.seq), row.state]), [[0, 'evaluated'], [1, 'evaluated'], [2, 'evaluated']]);
    } finally {
      await client.end();
    }
    const verify = await runCli(['verify', '--store', store]);
    assert.equal(verify.code, 0, verify.stdout + verify.stderr);
  } finally {
    for (const replica of replicas) await replica.stop().catch(() => undefined);
    await hook.close();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  }
});
