import type { LedgerEvent } from '../../core/index.ts';
import type { LeafRows, Store } from '../../store/index.ts';

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
  /** When rows were given: per event, the keys of its rows stored by this append (the rest were stored before). */
  readonly inserted?: readonly (readonly string[] | undefined)[];
}

/**
 * The ledger as the use cases see it: typed events in, typed events out, proofs and checkpoints on demand. It owns
 * the store and the key; callers never touch either.
 */
export interface Ledger {
  /** The store under the ledger, for use cases that keep tables beside the log (decision ingest). */
  readonly store: Store;
  /**
   * Appends events (canonical JSON leaves); resolves once they are durable. `rows[k]`, if given, are the table rows
   * event k ledgers (an ingest batch): stored in the same transaction as the leaf, with its index.
   */
  append(events: readonly LedgerEvent[], rows?: readonly (LeafRows | undefined)[]): Promise<AppendedEvents>;
  size(): Promise<number>;
  /** Events in index order, streamed; [from, to) defaults to the whole log. */
  events(from?: number, to?: number): AsyncIterable<RecordedEvent>;
  close(): Promise<void>;
  /** The ledger's public identity (origin and verifier key), or undefined before `steward init`. */
  identity(): Promise<LedgerIdentity | undefined>;
  /** The signed checkpoint of the current size (signed and saved if new); remembered as shown to the user. */
  checkpoint(): Promise<CheckpointResult>;
  /** Recomputes the whole log from its leaves and checks every checkpoint; a finding, never an exception. */
  verify(): Promise<VerifyReport>;
  /** Inclusion proof of one leaf (by index or 64-hex leaf hash) in the current tree. */
  inclusionProof(target: number | string): Promise<InclusionProofResult>;
  /** Consistency proof between two tree sizes (second defaults to the current size). */
  consistencyProof(first: number, second?: number): Promise<ConsistencyProofResult>;
  /** Writes a bundle (JSON lines: header, then one leaf per line) that verifyBundle checks with no store. */
  exportBundle(path: string): Promise<ExportResult>;
}

export interface LedgerIdentity {
  readonly origin: string;
  /** C2SP verifier key `<origin>+<key ID hex>+<base64(0x01 ‖ public key)>`. */
  readonly verifierKey: string;
}

export interface InitResult extends LedgerIdentity {
  /** false when the store already had a key (nothing was changed). */
  readonly created: boolean;
  readonly store: string;
  readonly encrypted: boolean;
}

export interface CheckpointResult {
  readonly origin: string;
  readonly size: number;
  /** Root hash, lowercase hex (the checkpoint text itself carries it in base64, as C2SP requires). */
  readonly root: string;
  /** The C2SP signed note, verbatim. */
  readonly text: string;
}

/** The outcome of a verification: ok, or the first problem with the first bad leaf index when one can be named. */
export type VerifyReport =
  | { readonly ok: true; readonly size: number; readonly root: string; readonly checkpoints: number }
  | { readonly ok: false; readonly size: number; readonly checkpoints: number; readonly finding: VerifyFinding };

export interface VerifyFinding {
  readonly code:
    | 'LEDGER_LEAF_MISMATCH'
    | 'LEDGER_NODE_MISMATCH'
    | 'LEDGER_ROOT_MISMATCH'
    | 'LEDGER_LOG_TRUNCATED'
    | 'LEDGER_BAD_SIGNATURE'
    | 'LEDGER_MALFORMED_CHECKPOINT'
    | 'LEDGER_MALFORMED_KEY'
    | 'LEDGER_ORIGIN_MISMATCH'
    | 'LEDGER_INCONSISTENT'
    | 'LEDGER_MALFORMED_BUNDLE';
  /** The first leaf index known to be bad (for a root mismatch: the first leaf that may differ). */
  readonly index?: number;
  /** The tree size of the checkpoint involved, when one is. */
  readonly size?: number;
  /** 1-based line of a bundle file, when verifying one. */
  readonly line?: number;
  readonly reason: string;
}

export interface InclusionProofResult {
  readonly index: number;
  readonly treeSize: number;
  /** Hashes are lowercase hex; RFC 9162 order (deepest sibling first). */
  readonly leafHash: string;
  readonly root: string;
  readonly auditPath: readonly string[];
  /** The leaf bytes (canonical JSON of the event), so a verifier can recompute leafHash itself. */
  readonly leaf: string;
  readonly checkpoint?: string;
  readonly verifierKey?: string;
}

export interface ConsistencyProofResult {
  readonly first: number;
  readonly second: number;
  readonly firstRoot: string;
  readonly secondRoot: string;
  readonly proof: readonly string[];
  readonly firstCheckpoint?: string;
  readonly secondCheckpoint?: string;
  readonly verifierKey?: string;
}

export interface ExportResult {
  readonly path: string;
  readonly size: number;
  readonly checkpoint: CheckpointResult;
}

export interface OpenLedgerOptions {
  /** A SQLite file path or a postgres:// URL; default `.steward/steward.db` (the CLI passes STEWARD_STORE). */
  readonly store?: string;
  /** Working folder the default store path is relative to. */
  readonly cwd?: string;
  /** Decrypts (init: encrypts) the ledger key at rest; the CLI passes STEWARD_KEY_PASSPHRASE. */
  readonly passphrase?: string;
  /** The clock, for checkpoint and key creation times (the core never reads it). Default: new Date(). */
  readonly now?: () => Date;
}

export interface InitLedgerOptions extends OpenLedgerOptions {
  /** The log's origin and key name, e.g. `example.com/steward`; default `steward.local/<random id>`. */
  readonly origin?: string;
}
