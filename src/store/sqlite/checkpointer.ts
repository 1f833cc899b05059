import type { DatabaseSync } from 'node:sqlite';
import { Worker } from 'node:worker_threads';
import type { SqliteSynchronous } from './open-database.ts';

/**
 * WAL checkpoints off the writing thread, for a store that keeps appending (`steward serve` taking in decisions).
 *
 * SQLite's automatic checkpoint runs inside the COMMIT that takes the WAL past `wal_autocheckpoint` pages (default
 * 1000, 4 MiB): that commit also copies the WAL into the database file and fsyncs it, so every few ingest batches one
 * acknowledgement waited for a whole checkpoint. Measured on the ingest path (a ledger leaf with 1,000 decision rows
 * per commit, 1M rows, 2 cores shared at load 7–9, three runs each, alternated): COMMIT p90 18.5–21.5 ms and p99
 * 53–60 ms with SQLite's own checkpoints, 13.5–14.6 ms and 37–46 ms with this thread; ~20 % less time in COMMIT.
 * SQLite's advice for this is to "run checkpoints from a separate thread" (https://sqlite.org/wal.html#ckpt): a
 * worker thread with its own connection checkpoints every INTERVAL_MS (checkpoint-worker.ts), and the writer's own
 * automatic checkpoint stays as a backstop at BACKSTOP_PAGES, should the worker fall behind or die, so the WAL stays
 * bounded (SQLite restarts the WAL from its start once a checkpoint has copied all of it).
 *
 * A short command commits a batch or two and closes, and a thread would cost it more than it saves: the thread starts
 * after START_AFTER_COMMITS commits of one store object.
 */
export const START_AFTER_COMMITS = 16;
const INTERVAL_MS = 100;
/** 16,384 pages of 4 KiB: 64 MiB of WAL at most before the writer checkpoints itself. */
export const BACKSTOP_PAGES = 16_384;
/** SQLite's default wal_autocheckpoint, restored when the worker stops. */
const DEFAULT_AUTOCHECKPOINT = 1000;

export class Checkpointer {
  readonly #db: DatabaseSync;
  readonly #path: string;
  readonly #synchronous: SqliteSynchronous;
  #commits = 0;
  #worker: Worker | undefined;
  #exited: Promise<void> | undefined;
  #stopped = false;
  #closed = false;

  constructor(db: DatabaseSync, path: string, synchronous: SqliteSynchronous) {
    this.#db = db;
    this.#path = path;
    this.#synchronous = synchronous;
  }

  /** Called after each commit of the writing connection: starts the thread once the store has proved busy. */
  committed(): void {
    if (this.#worker !== undefined || this.#closed || ++this.#commits < START_AFTER_COMMITS) return;
    const file = import.meta.url.endsWith('.ts') ? './checkpoint-worker.ts' : './checkpoint-worker.js';
    const worker = new Worker(new URL(file, import.meta.url), { workerData: { path: this.#path, synchronous: this.#synchronous, intervalMs: INTERVAL_MS } });
    worker.unref(); // never what keeps a process alive; close() stops it
    this.#worker = worker;
    this.#exited = new Promise((resolve) => {
      worker.once('exit', () => {
        this.#stopped = true;
        this.#ownCheckpoints();
        resolve();
      });
    });
    worker.on('error', () => undefined); // it exits next; the writer checkpoints on its own from then on
    this.#db.exec(`PRAGMA wal_autocheckpoint = ${BACKSTOP_PAGES}`);
  }

  /** Whether the checkpoint thread is running (for tests and diagnostics). */
  get running(): boolean {
    return this.#worker !== undefined && !this.#stopped;
  }

  /** Stops the thread and waits for it; the writer's connection, closed next, checkpoints the rest itself. */
  async close(): Promise<void> {
    this.#closed = true;
    if (this.#worker === undefined) return;
    this.#worker.ref(); // so that awaiting its exit keeps the process alive until it has closed its connection
    this.#worker.postMessage('stop');
    await this.#exited;
  }

  #ownCheckpoints(): void {
    if (this.#db.isOpen) this.#db.exec(`PRAGMA wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT}`);
  }
}
