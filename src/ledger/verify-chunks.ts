import { availableParallelism } from 'node:os';
import { isHash } from './bytes.ts';
import { hashChunk, leafCount, packChunk, type ChunkJob, type ChunkResult, type PackedLeaves } from './chunk-hasher.ts';
import type { NodeSink } from './compact-range.ts';
import type { NodeId } from './hash-source.ts';
import { Folder } from './folder.ts';
import type { LogCheck, TreeHead } from './verify-log.ts';
import { HashWorkerPool } from './worker-pool.ts';

/** A run of consecutive leaves as a reader hands it over, with what the store claims about them. */
export interface LeafChunk {
  /** Global index of the first leaf; each chunk starts where the previous one ended. */
  readonly begin: number;
  /** Listed one by one, or already packed back to back (a store's one-block read). */
  readonly leaves: readonly Uint8Array[] | PackedLeaves;
  /** The stored leaf hashes, 32 bytes each, back to back. */
  readonly expected?: Uint8Array;
  /** The stored interior nodes wholly inside the chunk, packed as chunkNodeLayout says (see ChunkJob.storedNodes). */
  readonly storedNodes?: Uint8Array;
  /** The lowest level of storedNodes' layout (chunkNodeLayout's `lowest`); default 1. */
  readonly lowestLevel?: number;
}

/**
 * Hashes one chunk somewhere else — on threads that also read the chunk themselves, so reading is no longer done on
 * this thread alone: given the chunk's range and the tree sizes (cuts) wanted inside it, resolves with its result.
 */
export interface ChunkRunner {
  /** Leaves per chunk the runner reads; chunk k covers [k·chunkSize, min((k+1)·chunkSize, size)). */
  readonly chunkSize: number;
  /** How many chunks to keep in flight (enough to keep every thread busy). */
  readonly inFlight: number;
  run(begin: number, end: number, cuts: readonly number[]): Promise<ChunkResult>;
}

export interface VerifyChunksOptions {
  /** Hashing threads; 0 hashes on the calling thread. Default: the machine's parallelism, at most 2. */
  readonly workers?: number;
  /** Every perfect subtree completed while merging chunks (the nodes above them), so a caller can compare stored copies. */
  readonly onNode?: NodeSink;
  /** The first bad stored node of each chunk that has one (see ChunkResult.nodeMismatch), in chunk order. */
  readonly onNodeMismatch?: (id: NodeId) => void;
  /** Each chunk's top nodes whose stored copies differ (a bad chunk root), so the caller can tell root causes above. */
  readonly onBadTop?: (id: NodeId) => void;
}

/**
 * The engine of verifyLog for readers that already hold whole chunks (a store reads a page of leaves, their hashes and
 * their stored nodes in a few queries): chunks are hashed on worker threads — leaf hashes, every interior node inside
 * the chunk and its comparison with the stored one — and merged in order on this thread, which does no per-leaf work
 * beyond packing. Reports the FIRST problem in index order, as verifyLog does.
 */
export async function verifyChunks(chunks: AsyncIterable<LeafChunk> | Iterable<LeafChunk>, treeHeads: readonly TreeHead[], options: VerifyChunksOptions = {}): Promise<LogCheck> {
  const heads = [...treeHeads].sort((a, b) => a.size - b.size);
  const invalid = heads.find((head) => !Number.isSafeInteger(head.size) || head.size < 0 || !isHash(head.root));
  if (invalid !== undefined) {
    return { ok: false, code: 'LEDGER_ROOT_MISMATCH', size: Number(invalid.size), after: 0, reason: 'a tree head has an invalid size or root' };
  }
  const workerCount = options.workers ?? Math.min(2, availableParallelism());
  const pool = workerCount > 0 ? new HashWorkerPool(workerCount) : undefined;
  const run = (job: ChunkJob): Promise<ChunkResult> => (pool === undefined ? Promise.resolve(hashChunk(job)) : pool.run(job));
  const folder = new Folder(heads, options.onNode);
  const fold = (result: ChunkResult): LogCheck | undefined => {
    if (result.nodeMismatch !== undefined) options.onNodeMismatch?.(result.nodeMismatch);
    for (const node of result.nodes) if (node.mismatch === true) options.onBadTop?.(node);
    return folder.fold(result);
  };
  try {
    const empty = folder.checkEmpty();
    if (empty !== undefined) return empty;
    const inFlight: Promise<ChunkResult>[] = [];
    for await (const chunk of chunks) {
      const end = chunk.begin + leafCount(chunk.leaves);
      const cuts = heads.map((head) => head.size).filter((size) => size > chunk.begin && size <= end);
      inFlight.push(run(packChunk(chunk.begin, chunk.leaves, chunk.expected, [...new Set(cuts)], chunk.storedNodes, chunk.lowestLevel)));
      if (inFlight.length >= Math.max(2, workerCount * 2)) {
        const problem = fold(await (inFlight.shift() as Promise<ChunkResult>));
        if (problem !== undefined) return problem;
      }
    }
    for (const pending of inFlight) {
      const problem = fold(await pending);
      if (problem !== undefined) return problem;
    }
    return folder.finish();
  } finally {
    await pool?.close();
  }
}

/**
 * verifyChunks for a log of `size` leaves whose chunks a ChunkRunner reads and hashes itself; results are folded in
 * index order here, exactly as verifyChunks folds them. `stopAfter(result)` true (the runner met a problem in that
 * chunk, e.g. a missing row, and hashed only the leaves before it) ends the fold after that result, as verifyChunks
 * ends when its reader stops.
 */
export async function verifyRunChunks(
  size: number,
  runner: ChunkRunner,
  treeHeads: readonly TreeHead[],
  options: VerifyChunksOptions & { readonly stopAfter?: (result: ChunkResult) => boolean } = {},
): Promise<LogCheck> {
  const heads = [...treeHeads].sort((a, b) => a.size - b.size);
  const invalid = heads.find((head) => !Number.isSafeInteger(head.size) || head.size < 0 || !isHash(head.root));
  if (invalid !== undefined) {
    return { ok: false, code: 'LEDGER_ROOT_MISMATCH', size: Number(invalid.size), after: 0, reason: 'a tree head has an invalid size or root' };
  }
  const folder = new Folder(heads, options.onNode);
  const empty = folder.checkEmpty();
  if (empty !== undefined) return empty;
  const inFlight: Promise<ChunkResult>[] = [];
  let next = 0;
  const issue = (): void => {
    const begin = next;
    const end = Math.min(begin + runner.chunkSize, size);
    next = end;
    const cuts = heads.map((head) => head.size).filter((cut) => cut > begin && cut <= end);
    inFlight.push(runner.run(begin, end, [...new Set(cuts)]));
  };
  while (next < size && inFlight.length < runner.inFlight) issue();
  while (inFlight.length > 0) {
    const result = await (inFlight.shift() as Promise<ChunkResult>);
    if (result.nodeMismatch !== undefined) options.onNodeMismatch?.(result.nodeMismatch);
    for (const node of result.nodes) if (node.mismatch === true) options.onBadTop?.(node);
    const problem = result.count > 0 ? folder.fold(result) : undefined;
    if (problem !== undefined || options.stopAfter?.(result) === true) {
      await Promise.allSettled(inFlight); // let the threads finish what they hold before the caller closes them
      return problem ?? folder.finish();
    }
    if (next < size) issue();
  }
  return folder.finish();
}
