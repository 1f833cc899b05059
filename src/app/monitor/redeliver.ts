import type { DeliveryEvent } from '../../core/index.ts';
import type { Monitor } from '../../policy/monitor/index.ts';
import type { DeliveryRow } from '../../store/index.ts';
import type { Ledger } from '../ledger/types.ts';
import type { AlertNotice } from './notify/alert.ts';
import { deliver, type HttpRequest } from './notify/deliver.ts';
import { notifyRequest, retrainRequest } from './notify/payloads.ts';
import { retryable, retryPolicy, secretLookup } from './process-alerts.ts';

export interface RedeliverOptions {
  readonly now: Date;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** How long a leased delivery is kept from other replicas while this one sends it; default 5 minutes. */
  readonly leaseMs?: number;
  readonly seed?: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

const DUE_PAGE = 100;

/**
 * One redelivery round for every due pending delivery of the given monitors. A delivery is leased first (a
 * compare-and-set on its due time, so of two replicas only one sends it), re-sent with the monitor's usual in-round
 * retries, and the round is appended to the ledger as a `delivery` event. It is then delivered, pending again — due
 * after redeliver_after·2^round — or, after `redeliveries` rounds or a final answer, failed. A delivery whose target
 * is no longer in the monitor is failed without sending. A delivery of a monitor not given here is left alone.
 */
export async function redeliverDue(ledger: Ledger, monitors: readonly Monitor[], options: RedeliverOptions): Promise<DeliveryEvent[]> {
  const byName = new Map(monitors.map((monitor) => [monitor.name, monitor]));
  const now = options.now.toISOString();
  const leaseUntil = new Date(options.now.getTime() + (options.leaseMs ?? 300_000)).toISOString();
  const due = await ledger.store.monitors.dueDeliveries(now, [...byName.keys()], DUE_PAGE);
  const secret = secretLookup(options.env);
  const events: DeliveryEvent[] = [];
  let seed = options.seed ?? 0;
  for (const row of due) {
    const monitor = byName.get(row.monitor) as Monitor;
    if (!(await ledger.store.monitors.leaseDelivery(row.id, row.nextAt, leaseUntil))) continue;
    const notice = JSON.parse(row.notice) as AlertNotice;
    const round = row.attempts; // attempts counts rounds, the first delivery included
    let request: HttpRequest | undefined;
    try {
      request = requestOf(monitor, row, notice, secret);
    } catch {
      request = undefined; // a secret that is gone fails this delivery below, like a target that is gone
    }
    const delivery = request === undefined ? { target: row.target, url: row.origin, ok: false, attempts: 0, error: 'the target is no longer in the monitor, or its secret is not set' } : await deliver(request, retryPolicy(monitor, seed++), options.sleep);
    const last = round >= monitor.alerting.redeliveries;
    const outcome = delivery.ok ? 'delivered' : retryable(delivery) && request !== undefined && !last ? 'pending' : 'failed';
    const event: DeliveryEvent = { v: 1, type: 'delivery', recordedAt: now, monitor: row.monitor, rule: row.rule, ...(notice.model === '' ? {} : { model: notice.model }), alert: row.alertIndex, slot: row.slot, round, outcome, delivery };
    await ledger.append([event]);
    await ledger.store.monitors.updateDelivery({
      ...row,
      state: outcome,
      attempts: round + 1,
      ...(delivery.status === undefined ? {} : { lastStatus: delivery.status }),
      ...(delivery.error === undefined ? {} : { lastError: delivery.error }),
      nextAt: outcome === 'pending' ? new Date(options.now.getTime() + monitor.alerting.redeliverAfterMs * 2 ** round).toISOString() : now,
      updatedAt: now,
    });
    events.push(event);
  }
  return events;
}

/** The same request as the first delivery: the notice as stored, the target at its slot (checked to be the same kind and origin). */
function requestOf(monitor: Monitor, row: DeliveryRow, notice: AlertNotice, secret: ReturnType<typeof secretLookup>): HttpRequest | undefined {
  const target = monitor.notify[row.slot];
  if (target !== undefined) return target.type === row.target && new URL(target.url).origin === row.origin ? notifyRequest(target, notice, secret) : undefined;
  const retrain = monitor.retrain;
  if (row.slot === monitor.notify.length && retrain !== undefined && retrain.type === row.target && new URL(retrain.url).origin === row.origin) return retrainRequest(retrain, notice, secret);
  return undefined;
}
