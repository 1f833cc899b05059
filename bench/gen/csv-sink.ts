import { closeSync, openSync, writeSync } from 'node:fs';
import { AGE_BANDS, HEADER, RACES, SEXES, type Chunk } from './model.ts';

/** Flush threshold: rows are appended to a string until it passes ~1 MiB, which is then written and dropped. */
const FLUSH_CHARS = 1 << 20;

/**
 * Streams generated rows to a CSV file (RFC 4180, `\n` line ends, no quoting needed: no value holds a comma or
 * quote). Memory stays at one ~1 MiB buffer whatever the row count.
 */
export class CsvSink {
  readonly #fd: number;
  #pending = '';

  constructor(path: string) {
    this.#fd = openSync(path, 'w');
    this.#pending = `${HEADER.join(',')}\n`;
  }

  write(chunk: Chunk): void {
    for (let i = 0; i < chunk.rows; i++) {
      this.#pending +=
        `${chunk.firstId + i},${chunk.yTrue[i]},${chunk.yPred[i]},${fixed(chunk.score[i], 6)},` +
        `${RACES[chunk.race[i] ?? 0]},${SEXES[chunk.sex[i] ?? 0]},${AGE_BANDS[chunk.ageBand[i] ?? 0]},` +
        `${fixed(chunk.f1[i], 4)},${fixed(chunk.f2[i], 2)},${fixed(chunk.f3[i], 4)},${chunk.f4[i]},${fixed(chunk.f5[i], 4)}\n`;
      if (this.#pending.length >= FLUSH_CHARS) this.#flush();
    }
  }

  close(): void {
    this.#flush();
    closeSync(this.#fd);
  }

  #flush(): void {
    if (this.#pending.length > 0) writeSync(this.#fd, this.#pending);
    this.#pending = '';
  }
}

/** Prints a value already rounded to `decimals` places without trailing zeros (`0.5`, not `0.500000`). */
function fixed(value: number | undefined, decimals: number): string {
  const text = (value ?? Number.NaN).toFixed(decimals);
  if (!text.includes('.')) return text;
  let end = text.length;
  while (text.charCodeAt(end - 1) === 48) end--;
  if (text.charCodeAt(end - 1) === 46) end--;
  return text.slice(0, end);
}
