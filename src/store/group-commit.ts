import { setImmediate as nextMacrotask } from 'node:timers/promises';
import type { AppendResult } from './types.ts';

/**
 * Commits one batch in one durable transaction; resolves with the index given to its first item, the new size and,
 * when items carried table rows, per item the keys of the rows inserted (AppendResult.inserted, by batch position).
 */
export type BatchCommit<Item> = (items: readonly Item[]) => Promise<BatchCommitted>;

export interface BatchCommitted {
  readonly first: number;
  readonly size: number;
  readonly inserted?: readonly (readonly string[] | undefined)[];
}

/**
 * Thrown by a BatchCommit that rolled back because some items may not be committed (see unique-subjects.ts), by
 * batch position: `rejected` items' callers get the error; `deferred` items go to the next batch, unless the
 * earlier item they conflict with belongs to the same caller (then that caller is refused). Everyone else is
 * committed again without them, so one caller's duplicate never fails the other callers of its batch.
 */
export class BatchRejection extends Error {
  readonly rejected: ReadonlyMap<number, Error>;
  readonly deferred: ReadonlyMap<number, { readonly earlier: number; readonly error: Error }>;

  constructor(rejected: ReadonlyMap<number, Error>, deferred: ReadonlyMap<number, { readonly earlier: number; readonly error: Error }>) {
    super(`${rejected.size} items refused and ${deferred.size} deferred by the batch commit`);
    this.rejected = rejected;
    this.deferred = deferred;
  }
}

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
      const { first, size, inserted } = await this.#commit(items);
      let at = first;
      for (const waiter of batch) {
        const count = waiter.items.length;
        const mine = inserted === undefined ? undefined : batch.length === 1 ? inserted : inserted.slice(at - first, at - first + count);
        waiter.resolve(mine === undefined ? { first: at, count, size } : { first: at, count, size, inserted: mine });
        at += count;
      }
    } catch (error) {
      if (error instanceof BatchRejection) return this.#commitWithout(batch, error);
      for (const waiter of batch) waiter.reject(error);
    }
  }

  /** Settles the callers a rejection names, commits the others again, and queues the deferred ones next. */
  async #commitWithout(batch: readonly Waiter<Item>[], rejection: BatchRejection): Promise<void> {
    const owner: number[] = []; // batch position → waiter number
    batch.forEach((waiter, w) => waiter.items.forEach(() => owner.push(w)));
    const refused = new Map<number, Error>();
    const deferred = new Set<number>();
    for (const [position, error] of rejection.rejected) if (!refused.has(owner[position] as number)) refused.set(owner[position] as number, error);
    for (const [position, { earlier, error }] of rejection.deferred) {
      const w = owner[position] as number;
      if (owner[earlier] === w && !refused.has(w)) refused.set(w, error);
      else deferred.add(w);
    }
    for (const [w, error] of refused) batch[w]?.reject(error);
    const later = batch.filter((_, w) => deferred.has(w) && !refused.has(w));
    const now = batch.filter((_, w) => !deferred.has(w) && !refused.has(w));
    if (refused.size === 0 && later.length === batch.length) {
      // Cannot happen (the first of two rivals is never deferred), but never loop: fail them rather than spin.
      for (const waiter of later) waiter.reject(rejection);
      return;
    }
    this.#queue.unshift(...later);
    if (now.length > 0) await this.#commitNext(now);
  }
}
