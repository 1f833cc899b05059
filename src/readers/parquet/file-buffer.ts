import type { FileHandle } from 'node:fs/promises';
import type { AsyncBuffer } from 'hyparquet';

/**
 * A local file as hyparquet's AsyncBuffer: each slice is one positioned read. Ranges are clamped to the file, so a
 * corrupt footer that points past the end yields short data (which hyparquet then rejects) rather than a huge
 * allocation.
 */
export function fileAsyncBuffer(handle: FileHandle, size: number): AsyncBuffer {
  return {
    byteLength: size,
    async slice(start: number, end?: number): Promise<ArrayBuffer> {
      const from = Math.max(0, Math.min(size, Math.floor(start)));
      const to = Math.max(from, Math.min(size, Math.floor(end ?? size)));
      const buffer = new ArrayBuffer(to - from);
      let done = 0;
      while (done < to - from) {
        const { bytesRead } = await handle.read(new Uint8Array(buffer, done), 0, to - from - done, from + done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      return done === to - from ? buffer : buffer.slice(0, done);
    },
  };
}
