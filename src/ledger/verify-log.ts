import { availableParallelism } from 'node:os';
import { bytesEqual, isHash, toHex } from './bytes.ts';
import { hashChunk, packChunk, type ChunkJob, type ChunkResult } from './chunk-hasher.ts';
import { CompactRange } from './compact-range.ts';
import { EMPTY_ROOT, HASH_SIZE } from './hashing.ts';
import { HashWorkerPool } from './worker-pool.ts';

/** A tree head to check the log against: a verified checkpoint's size and root. */
export interface TreeHead {
  readonly size: number;
  readonly root: Uint8Array;
}

export type LogCheck =
  | { readonly ok: true; readonly size: number; readonly root: Uint8Array }
  | { readonly ok: false; readonly code: 'LEDGER_LEAF_MISMATCH'; readonly index: number; readonly reason: string }
  | {
      readonly ok: false;
      readonly code: 'LEDGER_ROOT_MISMATCH';
      readonly size: number;
      /** The largest checked size below `size` whose root matched: the first changed leaf is in [after, size). */
      readonly after: number;
      readonly reason: string;
    }
  | { readonly ok: false; readonly code: 'LEDGER_LOG_TRUNCATED'; readonly size: number; readonly reason: string };

export interface VerifyLogOptions {
  /** Hashing threads; 0 hashes on the calling thread. Default: the machine's parallelism, at most 2. */
  readonly workers?: number;
  /** Leaves per chunk handed to a worker. Default 4096. */
  readonly chunkSize?: number;
}

type Source<T> = Iterable<T> | AsyncIterable<T>;

/**
 * Recomputes the whole log from its leaves and reports the FIRST problem in index order: a stored leaf hash that
 * differs from SHA-256(0x00 ‖ leaf), or a tree head whose root differs from the recomputed RFC 6962 root of its size,
 * or a tree head larger than the log. Leaves stream through in chunks: memory is O(chunk + log n). Chunks are hashed
 * on worker threads (leaf hashes and the perfect subtrees inside each chunk) and merged in order on this thread.
 */
export async function verifyLog(
  leaves: Source<Uint8Array>,
  storedLeafHashes?: Source<Uint8Array>,
  treeHeads: readonly TreeHead[] = [],
  options: VerifyLogOptions = {},
): Promise<LogCheck> {
  const heads = [...treeHeads].sort((a, b) => a.size - b.size);
  const invalid = heads.find((head) => !Number.isSafeInteger(head.size) || head.size < 0 || !isHash(head.root));
  if (invalid !== undefined) {
    return { ok: false, code: 'LEDGER_ROOT_MISMATCH', size: Number(invalid.size), after: 0, reason: 'a tree head has an invalid size or root' };
  }
  const workerCount = options.workers ?? Math.min(2, availableParallelism());
  const chunkSize = options.chunkSize ?? 4096;
  const pool = workerCount > 0 ? new HashWorkerPool(workerCount) : undefined;
  const run = (job: ChunkJob): Promise<ChunkResult> => (pool === undefined ? Promise.resolve(hashChunk(job)) : pool.run(job));
  const folder = new Folder(heads);
  try {
    const empty = folder.checkEmpty();
    if (empty !== undefined) return empty;
    const inFlight: Promise<ChunkResult>[] = [];
    for await (const chunk of readChunks(leaves, storedLeafHashes, chunkSize)) {
      if ('problem' in chunk) {
        // A missing or extra stored hash: report it after everything before it has been folded.
        for (const pending of inFlight.splice(0)) {
          const problem = folder.fold(await pending);
          if (problem !== undefined) return problem;
        }
        return chunk.problem;
      }
      const end = chunk.begin + chunk.leaves.length;
      const cuts = heads.map((head) => head.size).filter((size) => size > chunk.begin && size <= end);
      inFlight.push(run(packChunk(chunk.begin, chunk.leaves, chunk.expected, [...new Set(cuts)])));
      if (inFlight.length >= Math.max(2, workerCount * 2)) {
        const problem = folder.fold(await (inFlight.shift() as Promise<ChunkResult>));
        if (problem !== undefined) return problem;
      }
    }
    for (const pending of inFlight) {
      const problem = folder.fold(await pending);
      if (problem !== undefined) return problem;
    }
    return folder.finish();
  } finally {
    await pool?.close();
  }
}

/** Folds chunk results in index order into the log's frontier and checks tree heads as their sizes are reached. */
class Folder {
  readonly #heads: readonly TreeHead[];
  readonly #frontier = new CompactRange(0);
  #nextHead = 0;
  #lastGood = 0;

  constructor(heads: readonly TreeHead[]) {
    this.#heads = heads;
  }

  checkEmpty(): LogCheck | undefined {
    while (this.#heads[this.#nextHead]?.size === 0) {
      const problem = this.#compare(this.#heads[this.#nextHead++] as TreeHead, EMPTY_ROOT);
      if (problem !== undefined) return problem;
    }
    return undefined;
  }

  fold(result: ChunkResult): LogCheck | undefined {
    for (const cut of result.cuts) {
      const head = this.#heads[this.#nextHead];
      if (head === undefined || head.size !== cut.size) continue;
      if (result.mismatch >= 0 && result.mismatch < cut.size) break; // the leaf mismatch comes first in index order
      const prefix = this.#frontier.clone();
      for (const node of cut.nodes) prefix.appendNode(node.level, node.hash);
      const root = prefix.root();
      while (this.#heads[this.#nextHead]?.size === cut.size) {
        const problem = this.#compare(this.#heads[this.#nextHead++] as TreeHead, root);
        if (problem !== undefined) return problem;
      }
    }
    if (result.mismatch >= 0) {
      return { ok: false, code: 'LEDGER_LEAF_MISMATCH', index: result.mismatch, reason: `the stored hash of leaf ${result.mismatch} is not the hash of its stored leaf` };
    }
    for (const node of result.nodes) this.#frontier.appendNode(node.level, node.hash);
    return undefined;
  }

  finish(): LogCheck {
    const head = this.#heads[this.#nextHead];
    if (head !== undefined) {
      return { ok: false, code: 'LEDGER_LOG_TRUNCATED', size: head.size, reason: `a tree head states ${head.size} leaves but the log has ${this.#frontier.end}` };
    }
    return { ok: true, size: this.#frontier.end, root: this.#frontier.root() };
  }

  #compare(head: TreeHead, root: Uint8Array): LogCheck | undefined {
    if (bytesEqual(head.root, root)) {
      this.#lastGood = head.size;
      return undefined;
    }
    return {
      ok: false,
      code: 'LEDGER_ROOT_MISMATCH',
      size: head.size,
      after: this.#lastGood,
      reason: `the root of the first ${head.size} leaves is ${toHex(root)}, the tree head states ${toHex(head.root)}`,
    };
  }
}

type Chunk = { begin: number; leaves: Uint8Array[]; expected?: Uint8Array } | { problem: LogCheck };

/** Reads leaves (and stored hashes, in lockstep) into chunks; a count mismatch between the two ends the stream. */
async function* readChunks(leaves: Source<Uint8Array>, stored: Source<Uint8Array> | undefined, chunkSize: number): AsyncGenerator<Chunk> {
  const hashes = stored === undefined ? undefined : iteratorOf(stored);
  let begin = 0;
  let batch: Uint8Array[] = [];
  let expected = hashes === undefined ? undefined : new Uint8Array(chunkSize * HASH_SIZE);
  const flush = (): Chunk => {
    const chunk = expected === undefined ? { begin, leaves: batch } : { begin, leaves: batch, expected: expected.subarray(0, batch.length * HASH_SIZE) };
    begin += batch.length;
    batch = [];
    expected = hashes === undefined ? undefined : new Uint8Array(chunkSize * HASH_SIZE);
    return chunk;
  };
  for await (const leaf of leaves) {
    if (hashes !== undefined && expected !== undefined) {
      const next = await hashes.next();
      const index = begin + batch.length;
      if (next.done === true || !isHash(next.value)) {
        if (batch.length > 0) yield flush();
        yield { problem: leafProblem(index, next.done === true ? 'has no stored hash' : 'has a stored hash that is not 32 bytes') };
        return;
      }
      expected.set(next.value, batch.length * HASH_SIZE);
    }
    batch.push(leaf);
    if (batch.length === chunkSize) yield flush();
  }
  if (batch.length > 0) yield flush();
  if (hashes !== undefined && (await hashes.next()).done !== true) {
    yield { problem: leafProblem(begin, 'is missing but a stored hash exists for it') };
  }
}

const leafProblem = (index: number, what: string): LogCheck => ({ ok: false, code: 'LEDGER_LEAF_MISMATCH', index, reason: `leaf ${index} ${what}` });

function iteratorOf<T>(source: Source<T>): AsyncIterator<T> | Iterator<T> {
  return Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]();
}
