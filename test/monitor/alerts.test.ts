import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { openLedger } from '../../src/app/ledger/open.ts';
import { buildBaseline, listAlerts, processAlerts, runMonitor } from '../../src/app/monitor/index.ts';
import { basicMonitor, deadUrl, receiver, tempDir, writeFile, writeTable } from './helpers.ts';

async function scenario(extra: (hookUrl: string) => string) {
  const dir = tempDir();
  const hook = await receiver();
  const monitorFile = writeFile(dir, 'monitor.yaml', basicMonitor(extra(hook.url)));
  const baseline = await buildBaseline({ monitorFile, dataFile: writeTable(dir, 'ref.csv', { rows: 20_000, seed: 1 }), model: 'credit-scoring', version: '1.0.0' });
  const referenceFile = join(dir, 'ref.json');
  writeFileSync(referenceFile, baseline.text);
  const ok = writeTable(dir, 'ok.csv', { rows: 2_000, seed: 2 });
  const bad = writeTable(dir, 'bad.csv', { rows: 2_000, seed: 3, shift: 8 });
  const ledger = await openLedger({ store: join(dir, 'steward.db') });
  const step = async (currentFile: string, at: string) => {
    const run = await runMonitor({ monitorFile, referenceFile, currentFile });
    return processAlerts(ledger, run, { at: new Date(at), notify: true, env: { HOOK_SECRET: 'k' }, sleep: async () => {} });
  };
  return { hook, ledger, step, ok, bad };
}

const notifyTo = (url: string) => `notify:\n  - type: webhook\n    url: ${url}/hook\n    secret_env: HOOK_SECRET\nalerting:\n  cooldown: 1h\n`;

test('alerts open once (dedup), resolve when healthy again, and do not reopen within the cooldown', async () => {
  const { hook, ledger, step, ok, bad } = await scenario(notifyTo);
  try {
    const first = await step(bad, '2026-11-26T10:00:00Z');
    const opened = first.events.map((e) => `${e.action}:${e.rule}`).sort();
    assert.deepEqual(opened, ['opened:drift.income']);
    const second = await step(bad, '2026-11-26T10:10:00Z');
    assert.equal(second.events.length, 0, 'still drifting: no second alert');
    assert.ok(second.plan.quiet.some((q) => q.rule === 'drift.income' && /already open/.test(q.reason)));
    const third = await step(ok, '2026-11-26T10:20:00Z');
    assert.deepEqual(third.events.map((e) => `${e.action}:${e.rule}`).sort(), ['resolved:drift.income']);
    const fourth = await step(bad, '2026-11-26T10:30:00Z');
    assert.equal(fourth.events.length, 0, 'within the 1h cooldown of the last opened alert');
    assert.ok(fourth.plan.quiet.some((q) => /cooldown/.test(q.reason)));
    const fifth = await step(bad, '2026-11-26T11:30:00Z');
    assert.deepEqual(fifth.events.map((e) => `${e.action}:${e.rule}`), ['opened:drift.income'], 'after the cooldown the alert opens again');
    const bodies = hook.received.map((r) => JSON.parse(r.body) as { action: string; rule: string });
    assert.deepEqual(bodies.map((b) => `${b.action}:${b.rule}`), ['opened:drift.income', 'resolved:drift.income', 'opened:drift.income']);
    assert.deepEqual((await listAlerts(ledger, 'credit-drift')).open.map((state) => state.rule), ['drift.income']);
  } finally {
    await ledger.close();
    await hook.close();
  }
});

test('a failed delivery is recorded in the ledger and listed by listAlerts, never lost', async () => {
  const down = await deadUrl();
  const { hook, ledger, step, bad } = await scenario(() => notifyTo(down.replace(/\/hook$/, '')));
  try {
    const outcome = await step(bad, '2026-11-26T10:00:00Z');
    assert.equal(outcome.failed.length, 1);
    const listing = await listAlerts(ledger);
    assert.equal(listing.failedDeliveries.length, 1);
    assert.equal(listing.failedDeliveries[0]?.delivery.attempts, 4);
  } finally {
    await ledger.close();
    await hook.close();
  }
});

test('a retraining trigger fires for opened error alerts only', async () => {
  const { hook, ledger, step, ok, bad } = await scenario((url) => `retrain:\n  type: github\n  url: ${url}/repos/o/r/dispatches\n  token_env: HOOK_SECRET\n  on: [drift.income]\n`);
  try {
    await step(bad, '2026-11-26T10:00:00Z');
    await step(ok, '2026-11-26T10:10:00Z');
    assert.equal(hook.received.length, 1);
    assert.equal(hook.received[0]?.url, '/repos/o/r/dispatches');
  } finally {
    await ledger.close();
    await hook.close();
  }
});
