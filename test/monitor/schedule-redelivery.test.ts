import assert from 'node:assert/strict';
import { test } from 'node:test';
import { listAlerts } from '../../src/app/monitor/index.ts';
import type { AlertEvent, DeliveryEvent } from '../../src/core/index.ts';
import { forEachDialect } from '../app-ledger/dialects.ts';
import { deadUrl, receiver } from './helpers.ts';
import { decisions, monitorFixture, type MonitorFixture } from './schedule-helpers.ts';

const T0 = Date.parse('2026-06-03T00:00:00Z');
const at = (seconds: number) => () => new Date(T0 + seconds * 1000);

/** Income 4 sd above the reference: drift.income fires on window #0 (only it: the dataset needs both columns). */
const monitor = (hook: string, redeliveries: number) => `window: { decisions: 40 }
statistics: { severity: error }
dataset_drift: { share: 1 }
notify:
  - { type: webhook, url: ${hook} }
alerting: { attempts: 1, redeliveries: ${redeliveries}, redeliver_after: 1m }
`;

async function ledgerEvents(fixture: MonitorFixture): Promise<{ alerts: { index: number; event: AlertEvent }[]; deliveries: DeliveryEvent[] }> {
  const alerts: { index: number; event: AlertEvent }[] = [];
  const deliveries: DeliveryEvent[] = [];
  for await (const { index, event } of fixture.ledger.events()) {
    if (event.type === 'alert') alerts.push({ index, event });
    if (event.type === 'delivery') deliveries.push(event);
  }
  return { alerts, deliveries };
}

forEachDialect('serve --monitor schedule, redelivery', (harness) => {
  test('a receiver that refuses connections, then answers 503, then 200: re-sent on later ticks with doubling back-off, each round ledgered, pending → delivered', async () => {
    const hookUrl = await deadUrl();
    const fixture = await monitorFixture(await harness.freshUrl(), monitor(hookUrl, 3));
    let hook: Awaited<ReturnType<typeof receiver>> | undefined;
    try {
      await fixture.ingest.decisions(decisions(0, 40, '2026-06-01T10:00:00Z', 40));
      const tick = (seconds: number) => fixture.schedule({ now: at(seconds) }).tick();
      const judged = await tick(0);
      assert.deepEqual(judged.flatMap((o) => o.alerts.events.map((e) => [e.action, e.rule, e.deliveries[0]?.ok])), [['opened', 'drift.income', false]]);
      const pending = async () => (await listAlerts(fixture.ledger, 'credit-watch')).deliveries.map((d) => [d.state, d.attempts, d.lastStatus ?? null, d.nextAt]);
      assert.deepEqual(await pending(), [['pending', 1, null, new Date(T0 + 60_000).toISOString()]], 'first round due redeliver_after after the failure');
      await tick(30); // not due yet
      assert.deepEqual((await ledgerEvents(fixture)).deliveries, []);
      await tick(61); // round 1: still down → due 60 s·2 later
      assert.deepEqual(await pending(), [['pending', 2, null, new Date(T0 + 181_000).toISOString()]]);
      const url = new URL(hookUrl);
      hook = await receiver((count) => (count === 1 ? 503 : 200), Number(url.port));
      await tick(120); // the receiver is back, but the delivery is not due: nothing is sent
      assert.equal(hook.received.length, 0);
      await tick(182); // round 2: 503 → due 60 s·4 later
      assert.deepEqual(await pending(), [['pending', 3, 503, new Date(T0 + 422_000).toISOString()]]);
      await tick(423); // round 3: 200
      await tick(5_000); // nothing left to send
      const listing = await listAlerts(fixture.ledger, 'credit-watch');
      assert.deepEqual(listing.deliveries.map((d) => [d.state, d.attempts, d.lastStatus]), [['delivered', 4, 200]]);
      assert.equal(hook.received.length, 2);
      const { alerts, deliveries } = await ledgerEvents(fixture);
      assert.equal(alerts.length, 1);
      assert.deepEqual(
        deliveries.map((d) => [d.round, d.outcome, d.alert, d.slot, d.rule, d.delivery.status ?? null, d.delivery.ok, d.delivery.url]),
        [
          [1, 'pending', alerts[0]?.index, 0, 'drift.income', null, false, url.origin],
          [2, 'pending', alerts[0]?.index, 0, 'drift.income', 503, false, url.origin],
          [3, 'delivered', alerts[0]?.index, 0, 'drift.income', 200, true, url.origin],
        ],
      );
      assert.match(deliveries[0]?.delivery.error ?? '', /ECONNREFUSED|refused/i);
      // every resend carries the alert as first sent
      const bodies = hook.received.map((r) => JSON.parse(r.body) as Record<string, unknown>);
      assert.deepEqual(bodies[0], bodies[1]);
      assert.deepEqual([bodies[0]?.action, bodies[0]?.rule, bodies[0]?.window, bodies[0]?.at], ['opened', 'drift.income', '#0', new Date(T0).toISOString()]);
      assert.equal((await fixture.ledger.verify()).ok, true);
    } finally {
      await hook?.close();
      await fixture.close();
    }
  });

  test('a receiver that answers 503 every time is given up after alerting.redeliveries rounds: failed, and never sent again', async () => {
    const hook = await receiver(() => 503);
    const fixture = await monitorFixture(await harness.freshUrl(), monitor(`${hook.url}/hook`, 2));
    try {
      await fixture.ingest.decisions(decisions(0, 40, '2026-06-01T10:00:00Z', 40));
      for (const seconds of [0, 61, 182, 1_000, 10_000]) await fixture.schedule({ now: at(seconds) }).tick();
      assert.equal(hook.received.length, 3, 'the first delivery and 2 redelivery rounds');
      const listing = await listAlerts(fixture.ledger, 'credit-watch');
      assert.deepEqual(listing.deliveries.map((d) => [d.state, d.attempts, d.lastStatus]), [['failed', 3, 503]]);
      assert.deepEqual((await ledgerEvents(fixture)).deliveries.map((d) => [d.round, d.outcome, d.delivery.status]), [[1, 'pending', 503], [2, 'failed', 503]]);
    } finally {
      await hook.close();
      await fixture.close();
    }
  });
});
