import { fail } from '../../core/index.ts';
import { BatchBuffers } from '../columns/batch.ts';
import { NOT_A_NUMBER, parseNumberText } from '../columns/number-parse.ts';
import { planColumns, type SlotPlan } from '../columns/plan.ts';
import { DEFAULT_BATCH_ROWS } from '../csv/reader.ts';
import { ChunkWindow, DEFAULT_CHUNK_BYTES, openForReading } from '../file-chunks.ts';
import type { ColumnRequest, ReadOptions, RowBatch, TableReader, TableSource } from '../types.ts';
import { LineSplitter, type JsonLine } from './lines.ts';
import { parseRecord } from './record.ts';

/**
 * Opens a JSONL (NDJSON) file: one JSON object per line. The header is the keys of the first record, so a requested
 * column absent from the first record is INPUT_MISSING_COLUMN; a later record without the key (or with null) has a
 * missing value there. Numbers, booleans and strings are mapped to the requested kind (see decodeValue).
 */
export async function openJsonl(source: TableSource, requests: readonly ColumnRequest[], options: ReadOptions = {}): Promise<TableReader> {
  const file = source.path;
  const chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  const batchRows = options.batchRows ?? DEFAULT_BATCH_ROWS;
  const { handle, size } = await openForReading(file);
  let first: JsonLine | undefined;
  try {
    first = await new LineSplitter(new ChunkWindow(handle, chunkBytes), file).next();
  } finally {
    await handle.close();
  }
  if (first === undefined) fail('INPUT_EMPTY_FILE', 'the file has no records', { location: { file }, expected: 'one JSON object per line' });
  const header = Object.keys(parseRecord(first, file));
  const plan = planColumns(header, requests, { file, line: first.line });

  async function* batches(): AsyncGenerator<RowBatch> {
    const opened = await openForReading(file);
    try {
      const window = new ChunkWindow(opened.handle, chunkBytes, options.onChunk);
      const lines = new LineSplitter(window, file);
      let firstRow = 0;
      let buffers = new BatchBuffers(plan.slots, batchRows);
      let rowLines = new Int32Array(batchRows);
      let reported = 0;
      for (let line = await lines.next(); line !== undefined; line = await lines.next()) {
        const record = parseRecord(line, file);
        const row = buffers.rows;
        plan.slots.forEach((slot, index) => decodeValue(slot, index, buffers, row, record, line, file));
        rowLines[row] = line.line;
        buffers.rows++;
        if (buffers.full) {
          yield finish(buffers, rowLines, firstRow, file);
          firstRow += buffers.rows;
          buffers = new BatchBuffers(plan.slots, batchRows);
          rowLines = new Int32Array(batchRows);
        }
        if (window.bytesRead !== reported) {
          reported = window.bytesRead;
          options.onProgress?.({ bytesRead: reported, totalBytes: opened.size, rowsRead: firstRow + buffers.rows });
        }
      }
      if (buffers.rows > 0) yield finish(buffers, rowLines, firstRow, file);
      options.onProgress?.({ bytesRead: window.bytesRead, totalBytes: opened.size, rowsRead: firstRow + buffers.rows });
    } finally {
      await opened.handle.close();
    }
  }

  return { format: 'jsonl', header, totalBytes: size, batches };
}

function finish(buffers: BatchBuffers, rowLines: Int32Array, firstRow: number, file: string): RowBatch {
  return buffers.finish(firstRow, (row, column) => ({
    file,
    line: rowLines[row] ?? 0,
    ...(column === undefined ? {} : { path: column }),
  }));
}

/**
 * One value into its slot. Number column: a JSON number as is, a boolean as 1/0, a string by the CSV number rules.
 * Category column: a string as is, a number as its JSON text (String(n), so 1.0 reads as "1"), a boolean as
 * "true"/"false". null or an absent key is missing; an object or array is INPUT_INVALID_VALUE.
 */
function decodeValue(slot: SlotPlan, index: number, buffers: BatchBuffers, row: number, record: Record<string, unknown>, line: JsonLine, file: string): void {
  const value = Object.hasOwn(record, slot.name) ? record[slot.name] : undefined;
  if (typeof value === 'object' && value !== null) {
    fail('INPUT_INVALID_VALUE', `"${slot.name}" holds ${Array.isArray(value) ? 'an array' : 'an object'}, not a single value`, {
      location: locationOf(line, slot.name, file),
      expected: slot.kind === 'number' ? 'a number' : 'a string, number or boolean',
    });
  }
  if (slot.dictionary === undefined) {
    const values = buffers.numbers[index];
    if (values === undefined) return;
    let number: number;
    if (typeof value === 'number') number = value;
    else if (typeof value === 'boolean') number = value ? 1 : 0;
    else if (typeof value === 'string') number = parseNumberText(value);
    else number = Number.NaN;
    if (number === NOT_A_NUMBER && slot.collectInvalid) {
      buffers.addInvalid(index, row, String(value));
      return;
    }
    if (number === NOT_A_NUMBER) {
      fail('INPUT_NOT_A_NUMBER', `value ${JSON.stringify(value)} of "${slot.name}" is not a number`, {
        location: locationOf(line, slot.name, file),
        expected: 'a number',
      });
    }
    values[row] = number;
    return;
  }
  const codes = buffers.codes[index];
  if (codes === undefined) return;
  codes[row] = value === undefined || value === null ? -1 : slot.dictionary.internString(String(value));
}

/** The key's position in the line (its first occurrence as a JSON string), so the error points at the field. */
function locationOf(line: JsonLine, name: string, file: string): { file: string; line: number; column: number; path: string } {
  const at = line.text.indexOf(JSON.stringify(name));
  return { file, line: line.line, column: at < 0 ? 1 : at + 1, path: name };
}
