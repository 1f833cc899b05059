import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { runMonitorOnStore } from '../../src/app/monitor/index.ts';
import type { WindowDecision } from '../../src/store/index.ts';
import { forEachDialect } from '../app-ledger/dialects.ts';
import { decisions, monitorFixture, range, spyOnMonitors } from './schedule-helpers.ts';

const ids = (page: unknown) => (page as WindowDecision[]).map((d) => (JSON.parse(d.record) as { decision_id: string }).decision_id);

forEachDialect('monitor run on the store (count windows)', (harness) => {
  test('the latest full window, or the one --window names, is found on the index and is the only window read, recorded or not', async () => {
    const fixture = await monitorFixture(await harness.freshUrl(), 'window: { decisions: 40 }\n');
    try {
      await fixture.ingest.decisions(decisions(0, 130, '2026-06-01T10:00:00Z'));
      const request = { monitorFile: join(fixture.dir, 'monitor.yaml'), referenceFile: join(fixture.dir, 'reference.json'), now: new Date('2026-06-03T00:00:00Z') };
      const reads = async (window?: string) => {
        const spy = spyOnMonitors(fixture.ledger);
        const run = await runMonitorOnStore(spy.ledger.store.monitors, window === undefined ? request : { ...request, window });
        return { run, pages: spy.calls.filter((c) => c.method === 'decisionsInOrder').map((c) => ids(c.result)) };
      };
      // nothing recorded yet: 130 decisions hold full windows #0–#2; #2 is d-80…d-119
      const latest = await reads();
      assert.deepEqual([latest.run.window, latest.run.profile.rows], ['#2', 40]);
      assert.deepEqual(latest.pages, [range(80, 120).map((k) => `d-${k}`)]);
      const named = await reads('#1');
      assert.deepEqual(named.pages, [range(40, 80).map((k) => `d-${k}`)]);
      await assert.rejects(runMonitorOnStore(fixture.ledger.store.monitors, { ...request, window: '#3' }), { code: 'MONITOR_WINDOW_OPEN' });
      // once serve recorded #0–#2, the same answer from the records; 30 more decisions fill #3
      await fixture.schedule({ now: () => request.now }).tick();
      assert.deepEqual((await reads()).pages, [range(80, 120).map((k) => `d-${k}`)]);
      await fixture.ingest.decisions(decisions(130, 30, '2026-06-01T10:00:00Z'));
      const next = await reads();
      assert.deepEqual([next.run.window, next.pages], ['#3', [range(120, 160).map((k) => `d-${k}`)]]);
    } finally {
      await fixture.close();
    }
  });

  test('a store with fewer decisions than one window has no full window: MONITOR_WINDOW_OPEN', async () => {
    const fixture = await monitorFixture(await harness.freshUrl(), 'window: { decisions: 40 }\n');
    try {
      await fixture.ingest.decisions(decisions(0, 39, '2026-06-01T10:00:00Z'));
      const request = { monitorFile: join(fixture.dir, 'monitor.yaml'), referenceFile: join(fixture.dir, 'reference.json'), now: new Date('2026-06-03T00:00:00Z') };
      await assert.rejects(runMonitorOnStore(fixture.ledger.store.monitors, request), { code: 'MONITOR_WINDOW_OPEN' });
    } finally {
      await fixture.close();
    }
  });
});
