import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isStewardError, type ErrorCode, type Location } from '../../src/core/index.ts';
import { openTable, type ColumnRequest, type ReadOptions, type TableSource } from '../../src/readers/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'steward-readers-'));
let counter = 0;

/** Writes a file into this test run's temp directory and returns its path. */
export function tempFile(name: string, content: string | Uint8Array): string {
  const path = join(dir, `${counter++}-${name}`);
  writeFileSync(path, content);
  return path;
}

export type Cell = number | string | null;

/** Reads every batch and returns the requested columns as plain arrays (category codes resolved, missing → null). */
export async function readAll(
  source: TableSource | string,
  requests: readonly ColumnRequest[],
  options: ReadOptions = {},
): Promise<{ header: readonly string[]; columns: Record<string, Cell[]>; batches: number }> {
  const reader = await openTable(typeof source === 'string' ? { path: source } : source, requests, options);
  const columns: Record<string, Cell[]> = Object.fromEntries(requests.map((request) => [request.name, []]));
  let batches = 0;
  for await (const batch of reader.batches()) {
    batches++;
    for (const [name, column] of batch.columns) {
      const out = columns[name] ?? [];
      if (column.kind === 'number') for (const value of column.values) out.push(Number.isNaN(value) ? null : value);
      else for (const code of column.codes) out.push(code < 0 ? null : (column.dictionary[code] ?? '?'));
    }
  }
  return { header: reader.header, columns, batches };
}

/** Asserts that `action` rejects with a StewardError of `code` at the given place; returns the error's message. */
export async function rejectsWith(action: () => Promise<unknown>, code: ErrorCode, where: Partial<Location> = {}): Promise<string> {
  try {
    await action();
  } catch (error) {
    assert.ok(isStewardError(error), `expected a StewardError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    for (const [key, value] of Object.entries(where)) {
      assert.equal(error.problem.location?.[key as keyof Location], value, `${key} of ${error.message}`);
    }
    return error.message;
  }
  assert.fail(`expected ${code}, but nothing was thrown`);
}

export const num = (name: string): ColumnRequest => ({ name, kind: 'number' });
export const cat = (name: string): ColumnRequest => ({ name, kind: 'category' });
