/**
 * Worker thread of ReadingPool: opens its own connection to the embedded store and, per message, reads one chunk
 * (leaves, stored leaf hashes, stored inner nodes) and hashes it, so reading runs on every core instead of only on
 * the thread that folds the results.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { hashChunk, leafCount, packChunk, type ChunkResult } from '../../ledger/index.ts';
import { openStore } from '../../store/index.ts';
import { readChunk } from './store-chunks.ts';
import { treeHasher } from './tree-hasher.ts';

const { url, cwd, size } = workerData as { url: string | undefined; cwd: string; size: number };
const port = parentPort;
const store = await openStore(url, { hasher: treeHasher, cwd });

port?.on('message', (message: { id: number; begin: number; end: number; cuts: readonly number[] } | { close: true }) => {
  if ('close' in message) {
    void store.close().then(() => port.close());
    return;
  }
  const { id, begin, end, cuts } = message;
  readChunk(store, begin, end, size).then(
    ({ chunk, problem }) => {
      const count = chunk === undefined ? 0 : leafCount(chunk.leaves);
      const result: ChunkResult =
        chunk === undefined
          ? { begin, count: 0, mismatch: -1, nodes: [], cuts: [] }
          : hashChunk(packChunk(begin, chunk.leaves, chunk.expected, cuts.filter((cut) => cut <= begin + count), chunk.storedNodes, chunk.lowestLevel));
      port.postMessage({ id, result, problem });
    },
    (error: unknown) => port.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
  );
});
port?.postMessage({ ready: true });
