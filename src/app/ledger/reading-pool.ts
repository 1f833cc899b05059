import { Worker } from 'node:worker_threads';
import type { ChunkResult, ChunkRunner } from '../../ledger/index.ts';
import type { VerifyFinding } from './types.ts';

/** A chunk's result with the problem its reader met (a missing row: only the leaves before it were hashed). */
export type ReadResult = ChunkResult & { readonly problem?: VerifyFinding };

/** How the store was opened (openStore's arguments), so each thread can open its own connection to it. */
export interface StoreSource {
  readonly url: string | undefined;
  readonly cwd: string;
}

type Reply = { id: number; result: ChunkResult; problem?: VerifyFinding } | { id: number; error: string };

/**
 * Threads that each open the embedded store and read and hash whole chunks (verify-worker.ts). The profile of
 * `steward verify` on SQLite showed the one reading thread busy while the hashing threads idled a third of the time:
 * node:sqlite reads are synchronous, so only more threads can read faster. WAL mode lets every thread read at once.
 * When run from source the worker is the .ts file (Node strips types); when built, the .js next to this one.
 */
export class ReadingPool implements ChunkRunner {
  readonly chunkSize: number;
  readonly inFlight: number;
  readonly #workers: { worker: Worker; pending: number; exited: Promise<unknown> }[] = [];
  readonly #waiting = new Map<number, { resolve: (result: ReadResult) => void; reject: (error: unknown) => void }>();
  #nextId = 0;

  constructor(source: StoreSource, size: number, threads: number, chunkSize: number) {
    this.chunkSize = chunkSize;
    this.inFlight = threads * 2;
    const file = import.meta.url.endsWith('.ts') ? './verify-worker.ts' : './verify-worker.js';
    for (let k = 0; k < threads; k++) {
      const worker = new Worker(new URL(file, import.meta.url), { workerData: { ...source, size } });
      const slot = { worker, pending: 0, exited: new Promise((resolve) => worker.once('exit', resolve)) };
      worker.on('message', (reply: Reply | { ready: true }) => {
        if ('ready' in reply) return;
        slot.pending--;
        const waiter = this.#waiting.get(reply.id);
        this.#waiting.delete(reply.id);
        if ('error' in reply) waiter?.reject(new Error(`verify reader: ${reply.error}`));
        else waiter?.resolve(reply.problem === undefined ? reply.result : { ...reply.result, problem: reply.problem });
      });
      worker.on('error', (error) => this.#failAll(error));
      this.#workers.push(slot);
    }
  }

  run(begin: number, end: number, cuts: readonly number[]): Promise<ReadResult> {
    const slot = this.#workers.reduce((best, next) => (next.pending < best.pending ? next : best));
    const id = this.#nextId++;
    slot.pending++;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      slot.worker.postMessage({ id, begin, end, cuts });
    });
  }

  /** Lets each thread close its connection, then waits for it to end. */
  async close(): Promise<void> {
    await Promise.all(
      this.#workers.map(({ worker, exited }) => {
        worker.postMessage({ close: true });
        return exited;
      }),
    );
  }

  #failAll(error: unknown): void {
    for (const { reject } of this.#waiting.values()) reject(error);
    this.#waiting.clear();
  }
}
