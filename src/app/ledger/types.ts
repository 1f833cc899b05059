import type { LedgerEvent } from '../../core/index.ts';

/** One event as read back from the ledger, with its position and leaf hash (hex). */
export interface RecordedEvent {
  readonly index: number;
  readonly event: LedgerEvent;
  readonly leafHash: string;
}

export interface AppendedEvents {
  readonly first: number;
  readonly count: number;
  readonly size: number;
}

/**
 * The ledger as the use cases see it: typed events in, typed events out, proofs and checkpoints on demand. It owns
 * the store and the key; callers never touch either.
 */
export interface Ledger {
  /** Appends events (canonical JSON leaves); resolves once they are durable. */
  append(events: readonly LedgerEvent[]): Promise<AppendedEvents>;
  size(): Promise<number>;
  /** Events in index order, streamed; [from, to) defaults to the whole log. */
  events(from?: number, to?: number): AsyncIterable<RecordedEvent>;
  close(): Promise<void>;
}

export interface OpenLedgerOptions {
  /** A SQLite file path or a postgres:// URL; default: STEWARD_STORE, then `.steward/steward.db`. */
  readonly store?: string;
  /** Working folder the default store path is relative to. */
  readonly cwd?: string;
}
