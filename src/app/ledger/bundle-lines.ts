import { createReadStream } from 'node:fs';

/**
 * Splits a file into lines as raw bytes (no UTF-8 decoding, so a leaf hashes exactly as written), streaming with
 * bounded memory. A final line without a newline is yielded too; `terminated` tells the two apart.
 */
export async function* byteLines(path: string): AsyncGenerator<{ bytes: Uint8Array; terminated: boolean }> {
  let carry: Buffer = Buffer.alloc(0);
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    let data = carry.length === 0 ? chunk : Buffer.concat([carry, chunk]);
    let start = 0;
    for (let nl = data.indexOf(0x0a, start); nl !== -1; nl = data.indexOf(0x0a, start)) {
      yield { bytes: new Uint8Array(data.subarray(start, nl)), terminated: true };
      start = nl + 1;
    }
    data = data.subarray(start);
    carry = Buffer.from(data);
  }
  if (carry.length > 0) yield { bytes: new Uint8Array(carry), terminated: false };
}
