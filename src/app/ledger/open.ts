import { canonicalJson, subjectOf, type LedgerEvent } from '../../core/index.ts';
import { toHex } from '../../ledger/index.ts';
import { openStore, type AppendItem, type Store } from '../../store/index.ts';
import { validateEvents } from './event-schema.ts';
import { treeHasher } from './tree-hasher.ts';
import type { AppendedEvents, Ledger, OpenLedgerOptions, RecordedEvent } from './types.ts';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Opens the ledger over its store: `options.store` (the CLI passes `--store` / STEWARD_STORE; the app never reads
 * the environment) or the embedded default `.steward/steward.db` relative to `options.cwd`.
 */
export async function openLedger(options: OpenLedgerOptions = {}): Promise<Ledger> {
  const store = await openStore(options.store, options.cwd === undefined ? { hasher: treeHasher } : { hasher: treeHasher, cwd: options.cwd });
  return new StoreLedger(store);
}

/** Events as canonical JSON leaves in the store; the store's group commit makes appends durable in batches. */
class StoreLedger implements Ledger {
  readonly store: Store;

  constructor(store: Store) {
    this.store = store;
  }

  async append(events: readonly LedgerEvent[]): Promise<AppendedEvents> {
    validateEvents(events); // the whole batch is checked before any of it is queued
    const items: AppendItem[] = events.map((event) => ({
      leaf: encoder.encode(canonicalJson(event)),
      kind: event.type,
      subject: subjectOf(event),
      recordedAt: event.recordedAt,
    }));
    return this.store.appendLeaves(items);
  }

  size(): Promise<number> {
    return this.store.size();
  }

  async *events(from = 0, to?: number): AsyncIterable<RecordedEvent> {
    const end = to ?? (await this.store.size());
    for await (const leaf of this.store.readLeaves(from, end)) {
      yield { index: leaf.index, event: JSON.parse(decoder.decode(leaf.leaf)) as LedgerEvent, leafHash: toHex(leaf.leafHash) };
    }
  }

  close(): Promise<void> {
    return this.store.close();
  }
}
