import { fail } from '../core/errors.ts';
import { toRowItems, utcInstant, type RowItem } from './append-items.ts';
import type { StoreDriver } from './driver.ts';
import { GroupCommit } from './group-commit.ts';
import type { DecisionStore } from './decisions.ts';
import type { MonitorStore } from './monitor.ts';
import type { TokenStore } from './tokens.ts';
import type { AppendItem, AppendResult, LeafBlock, LeafColumns, NodeId, NodeRange, Store, StoredCheckpoint, StoredKey, StoredLeaf, StoredNode, TreeHasher } from './types.ts';

/** Leaves fetched per round trip by readLeaves: large enough to amortise a query, small enough to bound memory. */
export const LEAF_PAGE_SIZE = 2_000;

export const DEFAULT_MAX_BATCH = 10_000;

/** The Store both dialects share: checks, group commit and rules here; statements in the driver. */
export class LedgerStore implements Store {
  readonly #driver: StoreDriver;
  readonly #commits: GroupCommit<RowItem>;
  readonly #hasher: TreeHasher;
  readonly #tokens: TokenStore;
  readonly #decisions: DecisionStore;
  readonly #monitors: MonitorStore;
  #closed = false;

  constructor(driver: StoreDriver, hasher: TreeHasher, tables: { tokens: TokenStore; decisions: DecisionStore; monitors: MonitorStore }, maxBatch = DEFAULT_MAX_BATCH) {
    this.#driver = driver;
    this.#hasher = hasher;
    this.#tokens = tables.tokens;
    this.#decisions = tables.decisions;
    this.#monitors = tables.monitors;
    this.#commits = new GroupCommit<RowItem>((rows) => driver.commitBatch(rows, hasher), maxBatch);
  }

  get dialect(): 'sqlite' | 'postgres' {
    return this.#driver.dialect;
  }

  get location(): string {
    return this.#driver.location;
  }

  async appendLeaves(items: readonly AppendItem[]): Promise<AppendResult> {
    this.#open();
    const rows = toRowItems(items, this.#hasher); // throws here, for this caller only, before its items join a shared batch
    if (rows.length === 0) {
      const size = await this.#driver.size();
      return { first: size, count: 0, size };
    }
    return this.#commits.append(rows);
  }

  async size(): Promise<number> {
    this.#open();
    return this.#driver.size();
  }

  async *readLeaves(from: number, to: number): AsyncIterable<StoredLeaf> {
    this.#open();
    const size = await this.#driver.size();
    checkRange(from, to, size);
    for (let at = from; at < to; ) {
      const page = await this.#driver.leafPage(at, to, LEAF_PAGE_SIZE);
      if (page.length === 0) fail('INTERNAL_INVARIANT', `the store at ${this.location} has size ${size} but no leaf at index ${at}`);
      for (const leaf of page) yield leaf;
      at = (page[page.length - 1] as StoredLeaf).index + 1;
    }
  }

  async leafHash(index: number): Promise<Uint8Array | undefined> {
    return (await this.nodes([{ level: 0, index }]))[0];
  }

  async node(level: number, index: number): Promise<Uint8Array | undefined> {
    return (await this.nodes([{ level, index }]))[0];
  }

  async nodes(ids: readonly NodeId[]): Promise<(Uint8Array | undefined)[]> {
    this.#open();
    for (const id of ids) {
      if (!isIndex(id.level) || id.level > 62 || !isIndex(id.index)) {
        fail('LEDGER_INDEX_OUT_OF_RANGE', `node (level ${id.level}, index ${id.index}) is not a tree position`, {
          expected: 'a level from 0 to 62 and a non-negative integer index',
        });
      }
    }
    return ids.length === 0 ? [] : this.#driver.nodes(ids);
  }

  async leafColumns(from: number, to: number, limit: number): Promise<LeafColumns> {
    this.#open();
    if (!isIndex(from) || !isIndex(to) || from > to || !Number.isSafeInteger(limit) || limit < 1) {
      fail('LEDGER_INDEX_OUT_OF_RANGE', `leaf range [${from}, ${to}) with limit ${limit} is not a page of the log`, {
        expected: '0 ≤ from ≤ to and a positive limit',
      });
    }
    return this.#driver.leafColumns(from, to, limit);
  }

  async nodeRanges(ranges: readonly NodeRange[]): Promise<StoredNode[]> {
    this.#open();
    this.#checkRanges(ranges);
    return ranges.length === 0 ? [] : this.#driver.nodeRanges(ranges);
  }

  #checkRanges(ranges: readonly NodeRange[]): void {
    for (const range of ranges) {
      if (!isIndex(range.level) || range.level < 1 || range.level > 62 || !isIndex(range.from) || !isIndex(range.to) || range.from > range.to) {
        fail('LEDGER_INDEX_OUT_OF_RANGE', `node range (level ${range.level}, [${range.from}, ${range.to})) is not a range of tree positions`, {
          expected: 'a level from 1 to 62 and 0 ≤ from ≤ to',
        });
      }
    }
  }

  async leafBlock(from: number, to: number): Promise<LeafBlock | undefined> {
    this.#open();
    if (!isIndex(from) || !isIndex(to) || from >= to) {
      fail('LEDGER_INDEX_OUT_OF_RANGE', `leaf range [${from}, ${to}) is not a block of the log`, { expected: '0 ≤ from < to' });
    }
    return this.#driver.leafBlock(from, to);
  }

  async nodeBlock(ranges: readonly NodeRange[]): Promise<Uint8Array | undefined> {
    this.#open();
    this.#checkRanges(ranges);
    return ranges.length === 0 ? new Uint8Array(0) : this.#driver.nodeBlock(ranges);
  }

  async saveCheckpoint(checkpoint: StoredCheckpoint): Promise<void> {
    this.#open();
    const size = await this.#driver.size();
    if (!isIndex(checkpoint.size) || checkpoint.size > size) {
      fail('STORE_CHECKPOINT_CONFLICT', `a checkpoint of size ${checkpoint.size} cannot be saved in ${this.location}`, {
        expected: `a size from 0 to the log size ${size}`,
      });
    }
    const row = { ...checkpoint, createdAt: utcInstant(checkpoint.createdAt, 'checkpoint.createdAt') };
    await this.#driver.insertCheckpoint(row);
    const stored = await this.#driver.checkpoint(checkpoint.size);
    if (stored === undefined || stored.text !== checkpoint.text || !sameBytes(stored.root, checkpoint.root)) {
      fail('STORE_CHECKPOINT_CONFLICT', `${this.location} already holds a different checkpoint for size ${checkpoint.size}`, {
        expected: 'the same root and text as the stored checkpoint',
        hint: 'two different tree heads for one size mean the log forked: run `steward verify`',
      });
    }
  }

  async latestCheckpoint(): Promise<StoredCheckpoint | undefined> {
    this.#open();
    return this.#driver.latestCheckpoint();
  }

  async checkpoints(): Promise<StoredCheckpoint[]> {
    this.#open();
    return this.#driver.checkpoints();
  }

  async checkpoint(size: number): Promise<StoredCheckpoint | undefined> {
    this.#open();
    return isIndex(size) ? this.#driver.checkpoint(size) : undefined;
  }

  async lastShownCheckpoint(): Promise<StoredCheckpoint | undefined> {
    this.#open();
    const size = await this.#driver.lastShownSize();
    return size === undefined ? undefined : this.#driver.checkpoint(size);
  }

  async setLastShownCheckpoint(size: number): Promise<void> {
    this.#open();
    if ((await this.checkpoint(size)) === undefined) {
      fail('STORE_CHECKPOINT_CONFLICT', `${this.location} has no checkpoint of size ${size} to mark as shown`, {
        expected: 'the size of a saved checkpoint',
      });
    }
    await this.#driver.setLastShownSize(size);
  }

  async saveKey(key: StoredKey): Promise<void> {
    this.#open();
    const row = { ...key, createdAt: utcInstant(key.createdAt, 'key.createdAt') };
    if (!(await this.#driver.insertKey(row))) {
      fail('STORE_KEY_EXISTS', `a key named "${key.name}" is already stored in ${this.location}`, {
        hint: 'keys are never overwritten; choose another name or keep the stored key',
      });
    }
  }

  async loadKey(name: string): Promise<StoredKey | undefined> {
    this.#open();
    return this.#driver.key(name);
  }

  get tokens(): TokenStore {
    this.#open();
    return this.#tokens;
  }

  get decisions(): DecisionStore {
    this.#open();
    return this.#decisions;
  }

  get monitors(): MonitorStore {
    this.#open();
    return this.#monitors;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#commits.idle();
    await this.#driver.close();
  }

  #open(): void {
    if (this.#closed) fail('STORE_CLOSED', `the store at ${this.location} was used after close()`);
  }
}

function isIndex(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}

function checkRange(from: number, to: number, size: number): void {
  if (!isIndex(from) || !isIndex(to) || from > to || to > size) {
    fail('LEDGER_INDEX_OUT_OF_RANGE', `leaf range [${from}, ${to}) is outside a log of ${size} leaves`, {
      expected: `0 ≤ from ≤ to ≤ ${size}`,
    });
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, k) => byte === b[k]);
}
