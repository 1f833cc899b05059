import type { AlertDelivery } from '../../core/index.ts';
import type { Ledger } from '../ledger/types.ts';
import { alertStates, type AlertState } from './alert-state.ts';

export interface AlertListing {
  /** Alerts open now, per monitor and rule. */
  readonly open: readonly AlertState[];
  /** Every delivery that failed after all its attempts, with the alert it belonged to. */
  readonly failedDeliveries: readonly { readonly monitor: string; readonly rule: string; readonly action: string; readonly recordedAt: string; readonly delivery: AlertDelivery }[];
}

/** `steward monitor alerts`: open alerts and failed deliveries, replayed from the ledger. */
export async function listAlerts(ledger: Ledger, monitor?: string): Promise<AlertListing> {
  const states = await alertStates(ledger, monitor);
  const failedDeliveries: AlertListing['failedDeliveries'][number][] = [];
  for await (const { event } of ledger.events()) {
    if (event.type !== 'alert' || (monitor !== undefined && event.monitor !== monitor)) continue;
    for (const delivery of event.deliveries) if (!delivery.ok) failedDeliveries.push({ monitor: event.monitor, rule: event.rule, action: event.action, recordedAt: event.recordedAt, delivery });
  }
  return { open: [...states.values()].filter((state) => state.open), failedDeliveries };
}
