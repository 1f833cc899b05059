/**
 * The CSV parsing thread: runs one pass (pass.ts) and posts its batches, in order, to the main thread, which computes
 * statistics on one batch while this thread parses the next (see thread.ts). Typed arrays are transferred, never
 * copied or cloned; category values cross once, when first seen.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isStewardError } from '../../core/index.ts';
import { planColumns } from '../columns/plan.ts';
import { csvPass } from './pass.ts';
import type { InvalidNumber } from '../types.ts';
import type { CsvMainMessage, CsvWorkerInput, CsvWorkerMessage } from './protocol.ts';

const input = workerData as CsvWorkerInput;
const port = parentPort;

function post(message: CsvWorkerMessage, transfer: ArrayBuffer[] = []): void {
  port?.postMessage(message, transfer);
}

// Credit-based flow control: each batch the main thread takes gives back one credit. The main thread also hands
// back each chunk's buffer once onChunk has seen it, so hashing the file allocates no memory per chunk.
let credit = input.ahead;
let wake: (() => void) | undefined;
const spare: ArrayBuffer[] = [];
port?.on('message', (message: CsvMainMessage) => {
  if (message instanceof ArrayBuffer) {
    spare.push(message);
    return;
  }
  credit++;
  wake?.();
  wake = undefined;
});

/** A copy of the window's new bytes in a buffer that can be handed over (the window reuses its own). */
function chunkCopy(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  let buffer = spare.pop();
  if (buffer === undefined || buffer.byteLength < bytes.length) buffer = new ArrayBuffer(Math.max(bytes.length, input.chunkBytes));
  const copy = new Uint8Array(buffer, 0, bytes.length);
  copy.set(bytes);
  return copy;
}

async function run(): Promise<void> {
  const plan = planColumns(input.header, input.requests, { file: input.file });
  const sent = plan.slots.map(() => 0);
  const pass = csvPass({
    file: input.file,
    delimiter: input.delimiter,
    header: input.header,
    plan,
    chunkBytes: input.chunkBytes,
    batchRows: input.batchRows,
    onChunk: input.sendChunks
      ? (bytes) => {
          const copy = chunkCopy(bytes);
          post({ type: 'chunk', bytes: copy }, [copy.buffer]);
        }
      : undefined,
    onProgress: input.sendProgress ? (progress) => post({ type: 'progress', progress }) : undefined,
  });
  for await (const { sink, firstRow } of pass) {
    const batch = sink.finish(firstRow);
    const numbers: (Float64Array | undefined)[] = [];
    const codes: (Int32Array | undefined)[] = [];
    const invalid: (readonly InvalidNumber[] | undefined)[] = [];
    const newValues: string[][] = [];
    const transfer = [sink.rowLines.buffer, sink.rowStarts.buffer, sink.rowEnds.buffer] as ArrayBuffer[];
    plan.slots.forEach((slot, index) => {
      const column = batch.columns.get(slot.name);
      if (column?.kind === 'number') {
        numbers.push(column.values);
        codes.push(undefined);
        invalid.push(column.invalid);
        newValues.push([]);
        transfer.push(column.values.buffer as ArrayBuffer);
      } else if (column?.kind === 'category') {
        numbers.push(undefined);
        codes.push(column.codes);
        invalid.push(undefined);
        newValues.push(column.dictionary.slice(sent[index]));
        sent[index] = column.dictionary.length;
        transfer.push(column.codes.buffer as ArrayBuffer);
      }
    });
    const { rowLines, rowStarts, rowEnds } = sink;
    post({ type: 'batch', firstRow, rows: batch.rows, numbers, codes, invalid, newValues, rowLines, rowStarts, rowEnds }, transfer);
    credit--;
    while (credit <= 0) await new Promise<void>((resolve) => (wake = resolve));
  }
  post({ type: 'done' });
}

run().catch((error: unknown) => {
  if (isStewardError(error)) post({ type: 'error', problem: error.problem });
  else post({ type: 'crash', message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined });
});
