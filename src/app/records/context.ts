import type { CiContext, LedgerEvent } from '../../core/index.ts';
import { buildCatalog, type Catalog } from '../lineage/catalog.ts';
import type { Ledger, RecordedEvent } from '../ledger/types.ts';
import { formatTime } from './time.ts';

/** What every record takes from its caller: the time (the app never reads the clock) and the CI context, if any. */
export interface RecordContext {
  readonly at: Date;
  readonly ci?: CiContext;
}

/** What a record use case returns: the event as appended, its index in the log, and anything worth a warning. */
export interface RecordResult<E extends LedgerEvent = LedgerEvent> {
  readonly index: number;
  readonly event: E;
  readonly warnings: readonly string[];
}

/** The fields every event shares. */
export function eventBase(context: RecordContext): { v: 1; recordedAt: string; ci?: CiContext } {
  return { v: 1, recordedAt: formatTime(context.at), ...(context.ci === undefined ? {} : { ci: context.ci }) };
}

export async function readEvents(ledger: Ledger): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const recorded of ledger.events()) events.push(recorded);
  return events;
}

/**
 * The catalog of the whole log. Reads every event: fine for the sizes lineage records reach (thousands), and the
 * place to swap in a store-side projection when logs of millions of events need it.
 */
export async function readCatalog(ledger: Ledger): Promise<Catalog> {
  return buildCatalog(await readEvents(ledger));
}

/** Appends one event that was fully validated beforehand, so a refused record never changes the log. */
export async function appendOne<E extends LedgerEvent>(ledger: Ledger, event: E, warnings: readonly string[] = []): Promise<RecordResult<E>> {
  const appended = await ledger.append([event]);
  return { index: appended.first, event, warnings };
}
