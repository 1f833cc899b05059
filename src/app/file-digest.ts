import { Worker } from 'node:worker_threads';
import { fail, isDigest, type Digest } from '../core/index.ts';

// Runs in a worker thread so hashing a large file uses the second core while the main thread parses the same file.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { createReadStream } = require('node:fs');
const hash = createHash('sha256');
createReadStream(workerData, { highWaterMark: 1 << 20 })
  .on('data', (chunk) => hash.update(chunk))
  .on('error', (error) => parentPort.postMessage({ error: error.message }))
  .on('end', () => parentPort.postMessage({ digest: 'sha256:' + hash.digest('hex') }));
`;

/** The sha256 digest of a file's bytes, computed off the main thread. */
export function digestFile(path: string): Promise<Digest> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerSource, { eval: true, workerData: path });
    worker.once('message', (message: { digest?: string; error?: string }) => {
      void worker.terminate();
      if (message.digest !== undefined && isDigest(message.digest)) resolve(message.digest);
      else {
        try {
          fail('INPUT_FILE_UNREADABLE', `cannot read ${path}: ${message.error ?? 'no digest'}`, { location: { file: path } });
        } catch (error) {
          reject(error as Error);
        }
      }
    });
    worker.once('error', reject);
  });
}
