import { chunkNodeLayout, HASH_SIZE, isHash, slotOf, type LeafChunk, type NodeLayout } from '../../ledger/index.ts';
import type { LeafColumns, Store, StoredNode } from '../../store/index.ts';
import type { VerifyFinding } from './types.ts';

/**
 * Reads a store as verifyChunks wants it: per aligned chunk of leaves, one query for the leaves (bytes and stored
 * hashes, as columns) and one for every stored interior node inside the chunk, packed for the hashing threads. It
 * distrusts the rows: a missing index (a deleted row, a truncated table) or a stored hash that is not 32 bytes ends
 * the stream with a finding naming that index instead of silently shifting the log.
 */
export class StoreChunks {
  readonly #store: Store;
  readonly #size: number;
  readonly #chunkSize: number;
  problem: VerifyFinding | undefined;

  constructor(store: Store, size: number, chunkSize: number) {
    this.#store = store;
    this.#size = size;
    this.#chunkSize = chunkSize;
  }

  async *chunks(): AsyncGenerator<LeafChunk> {
    // The next chunk's two queries are sent before this chunk is handed over, so on PostgreSQL the round trips
    // overlap the hashing instead of following it.
    let next = this.#size > 0 ? this.#read(0) : undefined;
    try {
      while (next !== undefined) {
        const { begin, end, layout, reads } = next;
        next = end < this.#size ? this.#read(end) : undefined;
        const [page, nodes] = await reads;
        let count = 0;
        while (count < page.indices.length && page.indices[count] === begin + count && isHash(page.leafHashes[count])) count++;
        if (count < end - begin) {
          const index = begin + count;
          const what = page.indices[count] === index ? 'has a stored hash that is not 32 bytes' : `is missing from the store, which states ${this.#size} leaves`;
          this.problem = { code: 'LEDGER_LEAF_MISMATCH', index, reason: `leaf ${index} ${what}` };
        }
        if (count > 0) {
          const partial = count < end - begin ? chunkNodeLayout(begin, begin + count) : layout;
          const stored = new Uint8Array(partial.total * HASH_SIZE); // a missing node stays 32 zero bytes: a mismatch
          for (const node of nodes) {
            const at = slotOf(partial, node);
            if (at >= 0 && node.hash.length === HASH_SIZE) stored.set(node.hash, at);
          }
          const expected = new Uint8Array(count * HASH_SIZE);
          for (let k = 0; k < count; k++) expected.set(page.leafHashes[k] as Uint8Array, k * HASH_SIZE);
          yield { begin, leaves: page.leaves.slice(0, count), expected, storedNodes: stored };
        }
        if (this.problem !== undefined) return;
      }
    } finally {
      next?.reads.catch(() => undefined); // a read started ahead and then abandoned must not go unhandled
    }
  }

  #read(begin: number): { begin: number; end: number; layout: NodeLayout; reads: Promise<[LeafColumns, StoredNode[]]> } {
    const end = Math.min(begin + this.#chunkSize, this.#size);
    const layout = chunkNodeLayout(begin, end);
    const ranges = layout.levels.map((span) => ({ level: span.level, from: span.first, to: span.first + span.count }));
    return { begin, end, layout, reads: Promise.all([this.#store.leafColumns(begin, end, end - begin), this.#store.nodeRanges(ranges)]) };
  }
}
