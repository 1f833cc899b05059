import type { EventType, LedgerEvent } from '../../core/index.ts';
import type { RecordedEvent } from '../ledger/types.ts';

export interface LogFilter {
  readonly kind?: EventType;
  /** Events about this model: its runs, versions, deployments, verdicts, approvals, waivers, references, alerts and deliveries. */
  readonly model?: string;
  /** Inclusive bounds on `recordedAt`. */
  readonly since?: Date;
  readonly until?: Date;
}

/** The model an event is about, if any (datasets and policies are about no single model). */
export function modelOfEvent(event: LedgerEvent): string | undefined {
  switch (event.type) {
    case 'run':
    case 'verdict':
      return event.model;
    case 'version':
    case 'deployment':
    case 'approval':
    case 'waiver':
    case 'reference':
      return event.model;
    case 'alert':
    case 'delivery':
      return event.model === undefined ? undefined : modelName(event.model);
    default:
      return undefined;
  }
}

/** An alert names `model` or `model@version` (the monitor's); the log filters by the model's name. */
function modelName(model: string): string {
  const at = model.lastIndexOf('@');
  return at <= 0 ? model : model.slice(0, at);
}

/** `steward log`: the events that pass every given filter, in log order. */
export function filterLog(events: readonly RecordedEvent[], filter: LogFilter): RecordedEvent[] {
  const since = filter.since?.getTime();
  const until = filter.until?.getTime();
  return events.filter(({ event }) => {
    if (filter.kind !== undefined && event.type !== filter.kind) return false;
    if (filter.model !== undefined && modelOfEvent(event) !== filter.model) return false;
    const time = Date.parse(event.recordedAt);
    if (since !== undefined && time < since) return false;
    if (until !== undefined && time > until) return false;
    return true;
  });
}
