import { Worker } from 'node:worker_threads';
import type { ChunkJob, ChunkResult } from './chunk-hasher.ts';

/**
 * A fixed pool of hashing threads. Chunks go to the least busy worker; results come back as promises the caller
 * awaits in chunk order, so the tree is still folded strictly left to right. The job's buffers are transferred, not
 * copied. When run from source the worker is the .ts file (Node strips types); when built, the .js next to this one.
 */
export class HashWorkerPool {
  readonly #workers: { worker: Worker; pending: number }[] = [];
  readonly #waiting = new Map<number, { resolve: (r: ChunkResult) => void; reject: (e: unknown) => void }>();
  #nextId = 0;

  constructor(size: number) {
    const file = import.meta.url.endsWith('.ts') ? './hash-worker.ts' : './hash-worker.js';
    for (let k = 0; k < size; k++) {
      const worker = new Worker(new URL(file, import.meta.url));
      const slot = { worker, pending: 0 };
      worker.on('message', (message: { id: number; result: ChunkResult }) => {
        slot.pending--;
        this.#waiting.get(message.id)?.resolve(message.result);
        this.#waiting.delete(message.id);
      });
      worker.on('error', (error) => this.#failAll(error));
      this.#workers.push(slot);
    }
  }

  run(job: ChunkJob): Promise<ChunkResult> {
    const slot = this.#workers.reduce((best, next) => (next.pending < best.pending ? next : best));
    const id = this.#nextId++;
    slot.pending++;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      const transfer = [job.data.buffer, job.offsets.buffer];
      if (job.expected !== undefined) transfer.push(job.expected.buffer);
      if (job.storedNodes !== undefined && job.storedNodes.buffer !== job.expected?.buffer) transfer.push(job.storedNodes.buffer);
      slot.worker.postMessage({ id, job }, transfer as ArrayBuffer[]);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.#workers.map(({ worker }) => worker.terminate()));
  }

  #failAll(error: unknown): void {
    for (const { reject } of this.#waiting.values()) reject(error);
    this.#waiting.clear();
  }
}
