import { isStewardError } from '../../core/index.ts';
import type { Store } from '../../store/index.ts';
import type { VerifyFinding } from './types.ts';

/**
 * One pass over the stored leaves feeding verifyLog two lockstep streams (leaf bytes, stored leaf hashes) and a
 * per-chunk callback (the interior-node check). It also distrusts the rows themselves: a missing index (a deleted
 * row, a truncated table) ends the stream with a finding naming that index instead of silently shifting the log.
 */
export class LeafTee {
  readonly #store: Store;
  readonly #size: number;
  readonly #chunk: number;
  readonly #onChunk: (begin: number, hashes: Uint8Array[]) => Promise<void>;
  readonly #queue: Uint8Array[] = [];
  problem: VerifyFinding | undefined;

  constructor(store: Store, size: number, chunk: number, onChunk: (begin: number, hashes: Uint8Array[]) => Promise<void>) {
    this.#store = store;
    this.#size = size;
    this.#chunk = chunk;
    this.#onChunk = onChunk;
  }

  async *leaves(): AsyncGenerator<Uint8Array> {
    let expected = 0;
    let batch: Uint8Array[] = [];
    try {
      for await (const leaf of this.#store.readLeaves(0, this.#size)) {
        if (leaf.index !== expected) break;
        this.#queue.push(leaf.leafHash);
        batch.push(leaf.leafHash);
        expected++;
        yield leaf.leaf;
        if (batch.length === this.#chunk) {
          await this.#onChunk(expected - batch.length, batch);
          batch = [];
        }
      }
    } catch (error) {
      // The store throws when its size promises leaves it no longer has (rows deleted at the end).
      if (!isStewardError(error) || error.code !== 'INTERNAL_INVARIANT') throw error;
    }
    if (batch.length > 0) await this.#onChunk(expected - batch.length, batch);
    if (expected < this.#size) {
      this.problem = { code: 'LEDGER_LEAF_MISMATCH', index: expected, reason: `leaf ${expected} is missing from the store, which states ${this.#size} leaves` };
    }
  }

  /** Stored leaf hashes, one per leaf already yielded (verifyLog reads a leaf, then its hash). */
  hashes(): Iterable<Uint8Array> {
    const queue = this.#queue;
    return {
      [Symbol.iterator]: () => ({
        next: (): IteratorResult<Uint8Array> => {
          const value = queue.shift();
          return value === undefined ? { done: true, value: undefined } : { done: false, value };
        },
      }),
    };
  }
}
