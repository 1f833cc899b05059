import { isHash } from './bytes.ts';
import { HASH_SIZE } from './hashing.ts';
import { verifyChunks, type LeafChunk } from './verify-chunks.ts';

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

export type { LeafChunk };

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
  const state: { problem?: LogCheck } = {};
  async function* chunks(): AsyncGenerator<LeafChunk> {
    for await (const chunk of readChunks(leaves, storedLeafHashes, options.chunkSize ?? 4096)) {
      if ('problem' in chunk) {
        state.problem = chunk.problem;
        return;
      }
      yield chunk;
    }
  }
  const check = await verifyChunks(chunks(), treeHeads, options);
  // A missing or extra stored hash is reported after everything before it was folded without a problem.
  return check.ok || state.problem === undefined ? (state.problem ?? check) : problemFirst(check, state.problem);
}

/** A problem found while folding the leaves before a missing stored hash comes first. */
function problemFirst(check: LogCheck, missing: LogCheck): LogCheck {
  // Heads are only checked at sizes up to the missing index; one still unchecked is reported as the missing leaf.
  return check.ok || check.code === 'LEDGER_LOG_TRUNCATED' ? missing : check;
}

type Chunk = LeafChunk | { problem: LogCheck };

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
