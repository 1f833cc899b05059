/** Worker thread entry of the verifyLog pool: hashes one chunk per message, in arrival order. */
import { parentPort } from 'node:worker_threads';
import { hashChunk, type ChunkJob } from './chunk-hasher.ts';

parentPort?.on('message', (message: { id: number; job: ChunkJob }) => {
  parentPort?.postMessage({ id: message.id, result: hashChunk(message.job) });
});
