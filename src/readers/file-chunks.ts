import { open, type FileHandle } from 'node:fs/promises';
import { fail } from '../core/index.ts';

/** Bytes read from disk per call: large enough to amortise the syscall, small enough to stay in cache. */
export const DEFAULT_CHUNK_BYTES = 1 << 20;

/** Opens a file for reading, turning the operating system's errors into the user-fixable codes. */
export async function openForReading(path: string): Promise<{ handle: FileHandle; size: number }> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') fail('INPUT_FILE_NOT_FOUND', `file "${path}" does not exist`, { location: { file: path } });
    fail('INPUT_FILE_UNREADABLE', `file "${path}" cannot be opened (${code ?? 'unknown error'})`, { location: { file: path } });
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) fail('INPUT_FILE_UNREADABLE', `"${path}" is not a regular file`, { location: { file: path } });
    return { handle, size: stats.size };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/**
 * A growable window over a file for the text readers: bytes [start, end) of `bytes` are unconsumed; `refill` moves
 * them to the front (a row cut by the chunk boundary is kept whole) and appends the next chunk, doubling the buffer
 * when one row is larger than what is left.
 */
export class ChunkWindow {
  bytes: Uint8Array;
  start = 0;
  end = 0;
  eof = false;
  bytesRead = 0;
  private readonly handle: FileHandle;
  private readonly chunkBytes: number;
  private readonly onChunk: ((bytes: Uint8Array) => void) | undefined;

  /** `onChunk` sees every byte read, once, in file order (see ReadOptions.onChunk). */
  constructor(handle: FileHandle, chunkBytes: number, onChunk?: (bytes: Uint8Array) => void) {
    this.handle = handle;
    this.chunkBytes = chunkBytes;
    this.onChunk = onChunk;
    this.bytes = new Uint8Array(Math.max(2 * chunkBytes, 64));
  }

  /** Reads the next chunk after the unconsumed bytes; returns false (and sets eof) at the end of the file. */
  async refill(): Promise<boolean> {
    if (this.eof) return false;
    const kept = this.end - this.start;
    if (kept + this.chunkBytes > this.bytes.length) {
      const bigger = new Uint8Array(Math.max(this.bytes.length * 2, kept + this.chunkBytes));
      bigger.set(this.bytes.subarray(this.start, this.end));
      this.bytes = bigger;
    } else if (this.start > 0) {
      this.bytes.copyWithin(0, this.start, this.end);
    }
    this.start = 0;
    this.end = kept;
    const { bytesRead } = await this.handle.read(this.bytes, kept, this.chunkBytes, this.bytesRead);
    if (bytesRead > 0) this.onChunk?.(this.bytes.subarray(kept, kept + bytesRead));
    this.bytesRead += bytesRead;
    this.end += bytesRead;
    if (bytesRead === 0) this.eof = true;
    return bytesRead > 0;
  }
}
