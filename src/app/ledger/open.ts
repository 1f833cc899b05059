import { subjectOf, type LedgerEvent } from '../../core/index.ts';
import { toHex } from '../../ledger/index.ts';
import { openStore, type AppendItem, type LeafRows, type Store } from '../../store/index.ts';
import { currentCheckpoint } from './checkpoint.ts';
import { validateEvents } from './event-schema.ts';
import { exportBundle } from './export-bundle.ts';
import { identityOf } from './key-store.ts';
import { leafJson } from './leaf-json.ts';
import { consistencyProof, inclusionProof } from './proofs.ts';
import { treeHasher } from './tree-hasher.ts';
import { asRecordDuplicate, isUniqueEvent } from './unique-events.ts';
import type {
  AppendedEvents,
  CheckpointResult,
  ConsistencyProofResult,
  ExportResult,
  InclusionProofResult,
  Ledger,
  LedgerIdentity,
  OpenLedgerOptions,
  RecordedEvent,
  VerifyReport,
} from './types.ts';
import { verifyStore } from './verify-store.ts';

const decoder = new TextDecoder();

/**
 * Opens the ledger over its store: `options.store` (the CLI passes `--store` / STEWARD_STORE; the app never reads
 * the environment) or the embedded default `.steward/steward.db` relative to `options.cwd`.
 */
export async function openLedger(options: OpenLedgerOptions = {}): Promise<Ledger> {
  const store = await openStore(options.store, options.cwd === undefined ? { hasher: treeHasher } : { hasher: treeHasher, cwd: options.cwd });
  return new StoreLedger(store, options);
}

/** Events as canonical JSON leaves in the store; the store's group commit makes appends durable in batches. */
class StoreLedger implements Ledger {
  readonly store: Store;
  readonly #cwd: string;
  readonly #url: string | undefined;
  readonly #passphrase: string | undefined;
  readonly #now: () => Date;

  constructor(store: Store, options: OpenLedgerOptions) {
    this.store = store;
    this.#cwd = options.cwd ?? process.cwd();
    this.#url = options.store;
    this.#passphrase = options.passphrase;
    this.#now = options.now ?? (() => new Date());
  }

  async append(events: readonly LedgerEvent[], rows?: readonly (LeafRows | undefined)[]): Promise<AppendedEvents> {
    validateEvents(events); // the whole batch is checked before any of it is queued
    const items: AppendItem[] = events.map((event, k) => {
      // Buffer.from writes UTF-8 into Node's shared slab: ~0.3 µs less per leaf than TextEncoder.encode here.
      const item: { -readonly [K in keyof AppendItem]: AppendItem[K] } = { leaf: Buffer.from(leafJson(event)), kind: event.type, subject: subjectOf(event), recordedAt: event.recordedAt };
      if (isUniqueEvent(event)) item.unique = true;
      const carried = rows?.[k];
      if (carried !== undefined) item.rows = carried;
      return item;
    });
    return this.store.appendLeaves(items).catch(asRecordDuplicate);
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

  identity(): Promise<LedgerIdentity | undefined> {
    return identityOf(this.store);
  }

  checkpoint(): Promise<CheckpointResult> {
    return currentCheckpoint(this.store, this.#passphrase, this.#now());
  }

  verify(): Promise<VerifyReport> {
    return verifyStore(this.store, { url: this.#url, cwd: this.#cwd });
  }

  inclusionProof(target: number | string): Promise<InclusionProofResult> {
    return inclusionProof(this.store, target, this.#passphrase, this.#now());
  }

  consistencyProof(first: number, second?: number): Promise<ConsistencyProofResult> {
    return consistencyProof(this.store, first, second, this.#passphrase, this.#now());
  }

  exportBundle(path: string): Promise<ExportResult> {
    return exportBundle(this.store, path, this.#cwd, this.#passphrase, this.#now());
  }
}
