import { setImmediate as nextMacrotask } from 'node:timers/promises';
import type { AppendResult } from './types.ts';

/** Commits one batch in one durable transaction; resolves with the index given to its first item and the new size. */
export type BatchCommit<Item> = (items: readonly Item[]) => Promise<{ first: number; size: number }>;

interface Waiter<Item> {
  readonly items: readonly Item[];
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

/**
 * Group commit: one fsync serves many callers. Callers that arrive while a batch is committing wait in a queue; when
 * the commit finishes, everything queued (up to `maxBatch` leaves, never splitting one caller's items) becomes the
 * next transaction. Each caller's promise settles only when the transaction holding its items has committed, so an
 * acknowledged append is durable; if that transaction fails, exactly its callers see the error.
 *
 * One batch is in flight at a time per store object. Several processes or replicas are serialised by the database
 * itself (a write lock on SQLite, a row lock on PostgreSQL), not here.
 */
export class GroupCommit<Item> {
  readonly #commit: BatchCommit<Item>;
  readonly #maxBatch: number;
  readonly #queue: Waiter<Item>[] = [];
  #running: Promise<void> | undefined;

  constructor(commit: BatchCommit<Item>, maxBatch: number) {
    this.#commit = commit;
    this.#maxBatch = maxBatch;
  }

  append(items: readonly Item[]): Promise<AppendResult> {
    return new Promise<AppendResult>((resolve, reject) => {
      this.#queue.push({ items, resolve, reject });
      this.#running ??= this.#drain();
    });
  }

  /** Resolves once every append queued so far has settled. */
  async idle(): Promise<void> {
    while (this.#running !== undefined) await this.#running;
  }

  async #drain(): Promise<void> {
    try {
      while (this.#queue.length > 0) {
        // Yield one macrotask first so callers woken by the same I/O (or the last commit) join this batch.
        await nextMacrotask();
        await this.#commitNext(this.#takeBatch());
      }
    } finally {
      this.#running = undefined;
    }
  }

  #takeBatch(): Waiter<Item>[] {
    const batch: Waiter<Item>[] = [];
    let leaves = 0;
    while (this.#queue.length > 0) {
      const next = this.#queue[0] as Waiter<Item>;
      if (batch.length > 0 && leaves + next.items.length > this.#maxBatch) break;
      batch.push(next);
      leaves += next.items.length;
      this.#queue.shift();
    }
    return batch;
  }

  async #commitNext(batch: readonly Waiter<Item>[]): Promise<void> {
    const items = batch.length === 1 ? (batch[0] as Waiter<Item>).items : batch.flatMap((waiter) => waiter.items);
    try {
      const { first, size } = await this.#commit(items);
      let at = first;
      for (const waiter of batch) {
        waiter.resolve({ first: at, count: waiter.items.length, size });
        at += waiter.items.length;
      }
    } catch (error) {
      for (const waiter of batch) waiter.reject(error);
    }
  }
}
