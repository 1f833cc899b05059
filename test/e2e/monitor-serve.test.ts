import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { receiver, tempDir, writeFile, writeTable } from '../monitor/helpers.ts';
import { runCli } from './cli.ts';
import { postBatch, prepareStore } from './ingest-helpers.ts';
import { serveWithMonitors, until } from './monitor-helpers.ts';



test('serve --monitor: a count window of 100 ingested decisions closes, drifts, and its alert reaches a real receiver and the ledger', async () => {
  const folder = tempDir();
  const store = join(folder, 'steward.db');
  const token = await prepareStore(store, folder);
  const hook = await receiver();
  try {
    const data = writeTable(folder, 'reference.csv', { rows: 2_000, seed: 1 });
    const monitor = writeFile(
      folder,
      'monitor.yaml',
      `kind: Monitor
metadata: { name: credit-drift }
model: credit
window: { decisions: 100 }
reference: credit.reference.json
columns: { income: number, region: category }
statistics: { severity: error }
notify:
  - { type: webhook, url: ${hook.url}/steward }
`,
    );
    const baseline = await runCli(['monitor', 'baseline', 'credit@1.0.0', '--data', data, '--monitor', monitor, '--out', join(folder, 'credit.reference.json')]);
    assert.equal(baseline.code, 0, baseline.stderr);
    const server = await serveWithMonitors(store, [monitor]);
    try {
      // 150 decisions whose income sits 40 (4 sd) above the reference: window #0 closes at 100, #1 stays open
      const decisions = Array.from({ length: 150 }, (_, k) => ({ decision_id: `d-${k}`, model: 'credit', version: '1.0.0', timestamp: new Date().toISOString(), features: { income: 90 + (k % 10), region: ['north', 'south', 'east', 'west'][k % 4] }, prediction: k % 2 }));
      assert.equal((await postBatch(server.url, token, decisions)).accepted, 150);
      const alerts = await until('an alert at the receiver', () => (hook.received.length >= 2 ? hook.received : undefined));
      const bodies = alerts.map((entry) => JSON.parse(entry.body) as { action: string; monitor: string; rule: string; window: string; severity: string });
      assert.deepEqual(bodies.map((b) => b.rule).sort(), ['dataset_drift', 'drift.income']);
      for (const body of bodies) assert.deepEqual([body.action, body.monitor, body.window, body.severity], ['opened', 'credit-drift', '#0', 'error']);
    } finally {
      assert.equal(await server.stop(), 0);
    }
    const log = await runCli(['log', '--model', 'credit', '--kind', 'alert', '--format', 'json', '--store', store]);
    const events = (JSON.parse(log.stdout) as { event: { window: string; rule: string; deliveries: { ok: boolean }[] } }[]).map((entry) => entry.event);
    assert.deepEqual(events.map((event) => [event.window, event.rule, event.deliveries.every((d) => d.ok)]).sort(), [['#0', 'dataset_drift', true], ['#0', 'drift.income', true]]);
    const listed = await runCli(['monitor', 'alerts', '--json', '--store', store]);
    const listing = JSON.parse(listed.stdout) as { open: unknown[]; deliveries: { state: string }[] };
    assert.equal(listing.open.length, 2);
    assert.deepEqual(listing.deliveries.map((d) => d.state), ['delivered', 'delivered']);
    // one shot from the store: the latest full window is #0 (the 50 later decisions do not make a window)
    const run = await runCli(['monitor', 'run', '--monitor', monitor, '--store', store, '--format', 'json']);
    assert.equal(run.code, 1, run.stderr);
    const verdict = JSON.parse(run.stdout) as { inputs: { role: string; file: string; rows?: number }[]; findings: { ruleId: string; kind: string; status: string }[] };
    assert.deepEqual(verdict.inputs.find((input) => input.role === 'dataset'), { ...verdict.inputs.find((input) => input.role === 'dataset'), file: 'decisions:credit-drift/#0', rows: 100 });
    assert.equal(verdict.findings.find((f) => f.ruleId === 'drift.income')?.kind, 'drift');
    assert.equal(verdict.findings.find((f) => f.ruleId === 'drift.income')?.status, 'fail');
    const open = await runCli(['monitor', 'run', '--monitor', monitor, '--store', store, '--window', '#1']);
    assert.equal(open.code, 2);
    assert.match(open.stderr, /MONITOR_WINDOW_OPEN/);
  } finally {
    await hook.close();
  }
});
