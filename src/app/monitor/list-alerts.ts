import type { AlertDelivery } from '../../core/index.ts';
import type { DeliveryRow } from '../../store/index.ts';
import type { Ledger } from '../ledger/types.ts';
import { alertEvents, alertStates, type AlertState } from './alert-state.ts';

export interface AlertListing {
  /** Alerts open now, per monitor and rule. */
  readonly open: readonly AlertState[];
  /** Every delivery that failed after all its attempts, with the alert it belonged to. */
  readonly failedDeliveries: readonly { readonly monitor: string; readonly rule: string; readonly action: string; readonly recordedAt: string; readonly delivery: AlertDelivery }[];
  /** Every delivery sent with --notify or by steward serve, from the outbox: delivered, pending (will be re-sent) or failed (given up). */
  readonly deliveries: readonly DeliveryRow[];
}

/** `steward monitor alerts`: open alerts and failed deliveries, replayed from the ledger's alert events. */
export async function listAlerts(ledger: Ledger, monitor?: string): Promise<AlertListing> {
  const states = await alertStates(ledger, monitor);
  const failedDeliveries: AlertListing['failedDeliveries'][number][] = [];
  for (const { event } of await alertEvents(ledger, monitor)) {
    for (const delivery of event.deliveries) if (!delivery.ok) failedDeliveries.push({ monitor: event.monitor, rule: event.rule, action: event.action, recordedAt: event.recordedAt, delivery });
  }
  const deliveries = await ledger.store.monitors.deliveries(monitor);
  return { open: [...states.values()].filter((state) => state.open), failedDeliveries, deliveries };
}
