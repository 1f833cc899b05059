import type { RowBatch } from '../../readers/index.ts';

/**
 * Walks the rows of a batch stream in spans, so two files whose readers cut batches at different places (a CSV at
 * 65,536 rows, a Parquet file at its row groups) can be consumed in lockstep without copying rows.
 */
export class RowCursor {
  private readonly iterator: AsyncIterator<RowBatch>;
  private current: RowBatch | undefined;
  /** Rows of `current` already consumed. */
  offset = 0;
  /** Rows consumed before `current`. */
  private consumedBefore = 0;
  private ended = false;

  constructor(batches: AsyncIterable<RowBatch>) {
    this.iterator = batches[Symbol.asyncIterator]();
  }

  /** The batch holding the next row (undefined at the end), with at least one unconsumed row. */
  async peek(): Promise<RowBatch | undefined> {
    while (!this.ended && (this.current === undefined || this.offset >= this.current.rows)) {
      if (this.current !== undefined) {
        this.consumedBefore += this.current.rows;
        this.offset = 0;
      }
      const next = await this.iterator.next();
      if (next.done === true) {
        this.ended = true;
        this.current = undefined;
      } else {
        this.current = next.value;
        this.offset = 0;
      }
    }
    return this.current;
  }

  advance(rows: number): void {
    this.offset += rows;
  }

  /** Rows consumed so far. */
  get position(): number {
    return this.consumedBefore + this.offset;
  }

  /** Rows left in the stream after the current position (reads to the end). */
  async countRest(): Promise<number> {
    let rest = 0;
    for (let batch = await this.peek(); batch !== undefined; batch = await this.peek()) {
      rest += batch.rows - this.offset;
      this.advance(batch.rows - this.offset);
    }
    return rest;
  }

  /** Stops the underlying reader early (releases a Parquet decoder thread). */
  async close(): Promise<void> {
    await this.iterator.return?.();
  }
}
