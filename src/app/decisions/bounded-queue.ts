import { fail } from '../../core/index.ts';

/** One queued unit of work: how many records it holds, and what to tell its caller. */
export interface QueuedJob<J, R> {
  readonly job: J;
  readonly size: number;
  resolve(result: R): void;
  reject(error: unknown): void;
}

/**
 * A bounded in-memory queue in front of one writer, with group commit: while the writer commits one group, new jobs
 * wait; the next group takes as many of them as fit in `maxGroup` records (a single larger job goes alone). When
 * `capacity` records are waiting, a new job is refused with INGEST_QUEUE_FULL (HTTP 429 + Retry-After) before
 * anything of it is taken — back-pressure instead of loss. A job's promise settles only after its group's write
 * resolved, so nothing acknowledged can still be in memory. close() refuses new jobs and waits until all are written.
 */
export class BoundedQueue<J, R> {
  readonly #write: (group: QueuedJob<J, R>[]) => Promise<void>;
  readonly #capacity: number;
  readonly #maxGroup: number;
  #waiting: QueuedJob<J, R>[] = [];
  #queued = 0;
  #running: Promise<void> | undefined;
  #closing = false;

  constructor(write: (group: QueuedJob<J, R>[]) => Promise<void>, capacity: number, maxGroup: number) {
    this.#write = write;
    this.#capacity = capacity;
    this.#maxGroup = maxGroup;
  }

  /** Records waiting (not yet taken by the writer). */
  get queued(): number {
    return this.#queued;
  }

  submit(job: J, size: number): Promise<R> {
    if (this.#closing) fail('INGEST_SHUTTING_DOWN', 'the server is shutting down and takes no new batch', { hint: 'retry on another replica' });
    if (this.#queued > 0 && this.#queued + size > this.#capacity) {
      fail('INGEST_QUEUE_FULL', `the ingest queue holds ${this.#queued} records (capacity ${this.#capacity}); nothing of this batch was taken`, {
        hint: 'retry after the Retry-After seconds',
      });
    }
    return new Promise<R>((resolve, reject) => {
      this.#waiting.push({ job, size, resolve, reject });
      this.#queued += size;
      this.#running ??= this.#drain();
    });
  }

  /** Refuses new jobs, then resolves once every queued job was written (or failed). */
  async close(): Promise<void> {
    this.#closing = true;
    while (this.#running !== undefined) await this.#running;
  }

  async #drain(): Promise<void> {
    await Promise.resolve(); // let the jobs of the current tick join the first group
    while (this.#waiting.length > 0) {
      const group = this.#take();
      try {
        await this.#write(group);
      } catch (error) {
        for (const entry of group) entry.reject(error);
      }
    }
    this.#running = undefined;
  }

  #take(): QueuedJob<J, R>[] {
    let records = 0;
    let count = 0;
    while (count < this.#waiting.length) {
      const next = this.#waiting[count] as QueuedJob<J, R>;
      if (count > 0 && records + next.size > this.#maxGroup) break;
      records += next.size;
      count++;
    }
    const group = this.#waiting.slice(0, count);
    this.#waiting = this.#waiting.slice(count);
    this.#queued -= records;
    return group;
  }
}
