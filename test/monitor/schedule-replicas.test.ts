import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openLedger } from '../../src/app/index.ts';
import { MonitorSchedule } from '../../src/app/monitor/index.ts';
import { forEachDialect } from '../app-ledger/dialects.ts';
import { decisions, monitorFixture } from './schedule-helpers.ts';

const HOUR = 3_600_000;
const NOW = Date.parse('2026-06-03T00:00:00Z');
const W0 = Date.parse('2026-06-01T10:00:00Z') / HOUR;

forEachDialect('serve --monitor schedule, two replicas', (harness) => {
  test('while one replica judges a window, the other judges no later window of that monitor: windows are judged in order and an alert opens once', async () => {
    const url = await harness.freshUrl();
    const fixture = await monitorFixture(url, 'window: 1h\nstatistics: { severity: error }\ndataset_drift: { share: 1 }\n');
    const other = await openLedger({ store: url });
    try {
      // two drifting hours: each alone would open drift.income
      await fixture.ingest.decisions(decisions(0, 40, '2026-06-01T10:00:00Z', 40));
      await fixture.ingest.decisions(decisions(40, 40, '2026-06-01T11:00:00Z', 40, 99));
      // replica r1 claimed the first hour and is still judging it
      const claimed = await fixture.ledger.store.monitors.claimWindow({ monitor: 'credit-watch', seq: W0, name: '2026-06-01T10:00:00.000Z', owner: 'r1', claimedAt: new Date(NOW).toISOString() }, { staleBefore: new Date(NOW - 600_000).toISOString() });
      assert.equal(claimed, true);
      const r2 = (now: number) => new MonitorSchedule(other, [fixture.watch], { owner: 'r2', env: {}, now: () => new Date(now) });
      assert.deepEqual(await r2(NOW + 1_000).tick(), [], 'the second hour waits for the first');
      assert.equal(await fixture.ledger.store.monitors.window('credit-watch', W0 + 1), undefined);
      // r1 died: its claim goes stale after 10 minutes, r2 takes the first hour over, then judges the second
      const outcomes = await r2(NOW + 11 * 60_000).tick();
      assert.deepEqual(outcomes.map((o) => [o.run.window, o.alerts.events.map((e) => `${e.action}:${e.rule}`)]), [['2026-06-01T10:00:00.000Z', ['opened:drift.income']], ['2026-06-01T11:00:00.000Z', []]]);
      assert.match(outcomes[1]?.alerts.plan.quiet.find((q) => q.rule === 'drift.income')?.reason ?? '', /already open/);
      const alerts: string[] = [];
      for await (const { event } of fixture.ledger.events()) if (event.type === 'alert') alerts.push(`${event.window} ${event.action}:${event.rule}`);
      assert.deepEqual(alerts, ['2026-06-01T10:00:00.000Z opened:drift.income']);
    } finally {
      await other.close();
      await fixture.close();
    }
  });
});
