import { chunkNodeLayout, HASH_SIZE, isHash, slotOf, type LeafChunk, type NodeLayout } from '../../ledger/index.ts';
import { LOWEST_STORED_LEVEL, type LeafColumns, type NodeRange, type Store, type StoredNode } from '../../store/index.ts';
import type { VerifyFinding } from './types.ts';

/** One chunk as read: the leaves that are present and well-formed from `begin` on, and the problem that ended them. */
export interface ReadChunk {
  /** Undefined when not even the first leaf is there. */
  readonly chunk: LeafChunk | undefined;
  readonly problem: VerifyFinding | undefined;
}

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
  readonly #ahead: number;
  problem: VerifyFinding | undefined;

  /** `ahead`: chunks read at once, each on its own connections when the store has several (PostgreSQL). */
  constructor(store: Store, size: number, chunkSize: number, ahead = 1) {
    this.#store = store;
    this.#size = size;
    this.#chunkSize = chunkSize;
    this.#ahead = Math.max(1, ahead);
  }

  async *chunks(): AsyncGenerator<LeafChunk> {
    // Later chunks' queries are sent before this chunk is handed over, so on PostgreSQL the round trips overlap the
    // hashing instead of following it, and with ahead ≥ 2 the server builds several chunks at once (one backend
    // process per connection: the profile of verify on PostgreSQL showed this thread waiting on one of them).
    const reads: Promise<ReadChunk>[] = [];
    let next = 0;
    const issue = (): void => {
      const begin = next;
      next = Math.min(begin + this.#chunkSize, this.#size);
      reads.push(readChunk(this.#store, begin, next, this.#size));
    };
    try {
      while (next < this.#size && reads.length < this.#ahead) issue();
      while (reads.length > 0) {
        const { chunk, problem } = await (reads.shift() as Promise<ReadChunk>);
        this.problem = problem;
        if (chunk !== undefined) yield chunk;
        if (problem !== undefined) return;
        if (next < this.#size) issue();
      }
    } finally {
      for (const read of reads) read.catch(() => undefined); // reads started ahead and then abandoned must not go unhandled
    }
  }
}

/**
 * Reads the chunk [begin, end) of a log of `size` leaves: its leaves, stored leaf hashes and stored inner nodes. The
 * common case is one block of leaves and one of nodes (Store.leafBlock, Store.nodeBlock); when either says a row is
 * missing or malformed, the chunk is read again row by row to name the first bad index.
 */
export async function readChunk(store: Store, begin: number, end: number, size: number): Promise<ReadChunk> {
  const layout = chunkNodeLayout(begin, end, LOWEST_STORED_LEVEL);
  const ranges = layout.levels.map((span) => ({ level: span.level, from: span.first, to: span.first + span.count }));
  const [block, packedNodes] = await Promise.all([store.leafBlock(begin, end), store.nodeBlock(ranges)]);
  if (block !== undefined && packedNodes?.length === layout.total * HASH_SIZE) {
    const { data, offsets, leafHashes } = block;
    return { chunk: { begin, leaves: { data, offsets }, expected: leafHashes, storedNodes: packedNodes, lowestLevel: LOWEST_STORED_LEVEL }, problem: undefined };
  }
  return readRows(store, begin, end, size, layout, ranges);
}

/** readChunk row by row: the leaves present and well-formed from `begin` on, and a finding naming the first that is not. */
async function readRows(store: Store, begin: number, end: number, size: number, layout: NodeLayout, ranges: readonly NodeRange[]): Promise<ReadChunk> {
  const [page, nodes]: [LeafColumns, StoredNode[]] = await Promise.all([store.leafColumns(begin, end, end - begin), store.nodeRanges(ranges)]);
  let count = 0;
  while (count < page.indices.length && page.indices[count] === begin + count && isHash(page.leafHashes[count])) count++;
  let problem: VerifyFinding | undefined;
  if (count < end - begin) {
    const index = begin + count;
    const what = page.indices[count] === index ? 'has a stored hash that is not 32 bytes' : `is missing from the store, which states ${size} leaves`;
    problem = { code: 'LEDGER_LEAF_MISMATCH', index, reason: `leaf ${index} ${what}` };
  }
  if (count === 0) return { chunk: undefined, problem };
  const partial = count < end - begin ? chunkNodeLayout(begin, begin + count, LOWEST_STORED_LEVEL) : layout;
  const stored = new Uint8Array(partial.total * HASH_SIZE); // a missing node stays 32 zero bytes: a mismatch
  for (const node of nodes) {
    const at = slotOf(partial, node);
    if (at >= 0 && node.hash.length === HASH_SIZE) stored.set(node.hash, at);
  }
  const expected = new Uint8Array(count * HASH_SIZE);
  for (let k = 0; k < count; k++) expected.set(page.leafHashes[k] as Uint8Array, k * HASH_SIZE);
  return { chunk: { begin, leaves: page.leaves.slice(0, count), expected, storedNodes: stored, lowestLevel: LOWEST_STORED_LEVEL }, problem };
}
