/** Worker of the plain SHA-256 ceiling: one crypto.hash call per leaf, nothing else. */
import { hash } from 'node:crypto';
import { parentPort } from 'node:worker_threads';

parentPort?.on('message', (message: { data: Uint8Array; offsets: Float64Array }) => {
  const { data, offsets } = message;
  const start = performance.now();
  for (let j = 0; j + 1 < offsets.length; j++) hash('sha256', data.subarray(offsets[j], offsets[j + 1]), 'buffer');
  parentPort?.postMessage(performance.now() - start);
});
parentPort?.postMessage('ready');
