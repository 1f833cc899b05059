import { fail } from '../../core/index.ts';

/** Decoded values of one column from `start` (absolute row index): one Parquet page, as hyparquet hands it over. */
export interface PageChunk {
  readonly start: number;
  readonly data: ArrayLike<unknown>;
}

/**
 * The pages of each requested column over one slice of rows, kept as hyparquet decoded them (typed arrays for
 * numbers, arrays of strings for text) instead of concatenated into one array per column: hyparquet's own
 * concatenation copies typed arrays into plain arrays ten thousand values at a time, which cost more than all the
 * decoding in profiles of the 10M-row benchmark file. Pages may reach outside the slice; rows are taken by index.
 */
export class SlicePages {
  readonly #pages: PageChunk[][];
  readonly #cursor: Int32Array;

  constructor(columns: number) {
    this.#pages = Array.from({ length: columns }, () => []);
    this.#cursor = new Int32Array(columns);
  }

  add(column: number, chunk: PageChunk): void {
    this.#pages[column]?.push(chunk);
  }

  /** Sorts each column's pages by row (hyparquet emits them in order per column; sorting makes it a guarantee). */
  seal(): void {
    for (const pages of this.#pages) pages.sort((a, b) => a.start - b.start);
  }

  /**
   * Calls `take(data, from, rows, at)` for the runs of `column` that cover rows [start, end): `rows` values from
   * `data[from]` go to batch position `at`. Calls must ask for increasing rows per column (a cursor moves forward).
   * A gap (rows no page covers) is an invalid file.
   */
  each(column: number, start: number, end: number, file: string, take: (data: ArrayLike<unknown>, from: number, rows: number, at: number) => void): void {
    const pages = this.#pages[column] ?? [];
    let index = this.#cursor[column] as number;
    let row = start;
    while (row < end) {
      while (index < pages.length && (pages[index] as PageChunk).start + (pages[index] as PageChunk).data.length <= row) index++;
      const page = pages[index];
      if (page === undefined || page.start > row) {
        fail('INPUT_INVALID_PARQUET', `no page of the column holds row ${row}`, { location: { file, path: `rows[${row}]` }, expected: 'a valid Parquet file' });
      }
      const rows = Math.min(end, page.start + page.data.length) - row;
      take(page.data, row - page.start, rows, row - start);
      row += rows;
    }
    this.#cursor[column] = index;
  }
}
