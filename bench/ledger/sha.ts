import { hash } from 'node:crypto';
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';

/**
 * The raw limit of verification: plain SHA-256 of the same leaves, one crypto.hash call per leaf (no 0x00 prefix, no
 * tree, no store), on one thread and split across `threads` worker threads. Leaves are packed and transferred before
 * the clock starts; the time is the slowest worker's.
 */
export async function plainShaRate(leaves: readonly Uint8Array[], threads: number): Promise<{ oneThread: number; allThreads: number }> {
  let start = performance.now();
  for (const leaf of leaves) hash('sha256', leaf, 'buffer');
  const oneThread = leaves.length / ((performance.now() - start) / 1000);

  const workers = Array.from({ length: threads }, () => new Worker(new URL('./sha-worker.ts', import.meta.url)));
  try {
    const share = Math.ceil(leaves.length / threads);
    const jobs = workers.map((_, w) => pack(leaves.slice(w * share, (w + 1) * share)));
    await Promise.all(workers.map((worker) => once(worker, 'message'))); // each has loaded and said 'ready'
    start = performance.now();
    const done = workers.map((worker) => once(worker, 'message'));
    workers.forEach((worker, w) => {
      const job = jobs[w] as { data: Uint8Array; offsets: Float64Array };
      worker.postMessage(job, [job.data.buffer as ArrayBuffer, job.offsets.buffer as ArrayBuffer]);
    });
    await Promise.all(done);
    const allThreads = leaves.length / ((performance.now() - start) / 1000);
    return { oneThread, allThreads };
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

function pack(leaves: readonly Uint8Array[]): { data: Uint8Array; offsets: Float64Array } {
  const offsets = new Float64Array(leaves.length + 1);
  let total = 0;
  leaves.forEach((leaf, j) => {
    offsets[j] = total;
    total += leaf.length;
  });
  offsets[leaves.length] = total;
  const data = new Uint8Array(total);
  leaves.forEach((leaf, j) => data.set(leaf, offsets[j]));
  return { data, offsets };
}
