import { openTable } from './open-table.ts';
import type { ColumnRequest, ReadOptions, TableSource } from './types.ts';

/** What a bare read saw. */
export interface RawReadResult {
  readonly rows: number;
  readonly batches: number;
  readonly bytes: number;
}

/**
 * Reads and decodes the requested columns of a file and throws the values away: the "bare read" a benchmark compares
 * the full check against (same reader, same decoding, no statistics).
 */
export async function readRaw(source: TableSource, requests: readonly ColumnRequest[], options: ReadOptions = {}): Promise<RawReadResult> {
  const reader = await openTable(source, requests, options);
  let rows = 0;
  let batches = 0;
  for await (const batch of reader.batches()) {
    rows += batch.rows;
    batches++;
  }
  return { rows, batches, bytes: reader.totalBytes };
}
