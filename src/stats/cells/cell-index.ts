import { fail } from '../../core/index.ts';
import type { EvaluationBatch } from '../../core/index.ts';

/**
 * Maps each row to its cell: the finest intersection of all sensitive columns. A cell is identified by VALUES (the
 * profile keeps its own dictionary per column), never by a batch's codes, so profiles built from differently coded
 * reads merge correctly. `null` stands for a missing value.
 *
 * Hot path: per batch, the row's codes are combined into one mixed-radix integer (radix = dictionary size + 1) and
 * looked up in a dense Int32Array; only the first row of each distinct combination in a batch takes the slow path
 * through string keys. When the radix product would exceed DENSE_LIMIT the slow path is used for every row.
 */
const DENSE_LIMIT = 1 << 22;

export class CellIndex {
  readonly columns: number;
  readonly #dictionaries: string[][];
  readonly #codeOf: Map<string, number>[];
  readonly #cellOfKey = new Map<string, number>();
  readonly #cellCodes: Int32Array[] = [];
  #lookup = new Int32Array(0);
  #rowCells = new Int32Array(0);
  #keys = new Int32Array(0);

  constructor(columns: number) {
    this.columns = columns;
    this.#dictionaries = Array.from({ length: columns }, () => []);
    this.#codeOf = Array.from({ length: columns }, () => new Map<string, number>());
  }

  get size(): number {
    return this.#cellCodes.length;
  }

  /** The values of cell `cell`, one per column, null = missing. */
  values(cell: number): (string | null)[] {
    const codes = this.#cellCodes[cell] ?? new Int32Array(0);
    return Array.from(codes, (code, column) => (code < 0 ? null : (this.#dictionaries[column]?.[code] ?? null)));
  }

  /** The cell of a tuple of values, created when new. */
  cellOf(values: readonly (string | null)[]): number {
    const codes = new Int32Array(this.columns);
    for (let column = 0; column < this.columns; column++) {
      const value = values[column] ?? null;
      codes[column] = value === null ? -1 : this.#code(column, value);
    }
    return this.#cellOfCodes(codes);
  }

  /** The cell of every row of the batch (a buffer reused across batches: read it before the next call). */
  assign(batch: EvaluationBatch): Int32Array {
    this.#check(batch);
    const rows = batch.rows;
    if (this.#rowCells.length < rows) this.#rowCells = new Int32Array(rows);
    const out = this.#rowCells;
    if (this.columns === 0) {
      const cell = this.#cellOfCodes(new Int32Array(0));
      out.fill(cell, 0, rows);
      return out;
    }
    let product = 1;
    for (const values of batch.groupValues) product *= values.length + 1;
    if (product <= DENSE_LIMIT) this.#assignDense(batch, product, out);
    else for (let row = 0; row < rows; row++) out[row] = this.#slowCell(batch, row);
    return out;
  }

  /**
   * Column by column (each pass a tight int32 loop over one code array), then one lookup per row. `keys` holds the
   * mixed-radix key of each row; a code outside its dictionary sets `bad`, and the slow path then names it.
   */
  #assignDense(batch: EvaluationBatch, product: number, out: Int32Array): void {
    const rows = batch.rows;
    if (this.#lookup.length < product) this.#lookup = new Int32Array(product).fill(-1);
    if (this.#keys.length < rows) this.#keys = new Int32Array(rows);
    const keys = this.#keys;
    keys.fill(0, 0, rows);
    let bad = false;
    batch.groups.forEach((codes, column) => {
      const radix = (batch.groupValues[column]?.length ?? 0) + 1;
      for (let row = 0; row < rows; row++) {
        const digit = (codes[row] as number) + 1;
        if (digit < 0 || digit >= radix) bad = true;
        keys[row] = Math.imul(keys[row] as number, radix) + digit;
      }
    });
    if (bad) for (let row = 0; row < rows; row++) this.#slowCell(batch, row); // throws at the first bad code
    const lookup = this.#lookup;
    const touched: number[] = [];
    for (let row = 0; row < rows; row++) {
      const key = keys[row] as number;
      let cell = lookup[key] as number;
      if (cell < 0) {
        cell = this.#slowCell(batch, row);
        lookup[key] = cell;
        touched.push(key);
      }
      out[row] = cell;
    }
    for (const key of touched) lookup[key] = -1; // codes mean something else in another read
  }

  #slowCell(batch: EvaluationBatch, row: number): number {
    const codes = new Int32Array(this.columns);
    for (let column = 0; column < this.columns; column++) {
      const code = batch.groups[column]?.[row] ?? -1;
      const dictionary = batch.groupValues[column] ?? [];
      if (code < -1 || code >= dictionary.length) {
        fail('INTERNAL_INVARIANT', `sensitive column ${column}: code ${code} at batch row ${row} is outside its dictionary`);
      }
      codes[column] = code < 0 ? -1 : this.#code(column, dictionary[code] as string);
    }
    return this.#cellOfCodes(codes);
  }

  #code(column: number, value: string): number {
    const known = this.#codeOf[column]?.get(value);
    if (known !== undefined) return known;
    const dictionary = this.#dictionaries[column] as string[];
    dictionary.push(value);
    this.#codeOf[column]?.set(value, dictionary.length - 1);
    return dictionary.length - 1;
  }

  #cellOfCodes(codes: Int32Array): number {
    const key = codes.join(',');
    const known = this.#cellOfKey.get(key);
    if (known !== undefined) return known;
    this.#cellCodes.push(codes);
    this.#cellOfKey.set(key, this.#cellCodes.length - 1);
    return this.#cellCodes.length - 1;
  }

  #check(batch: EvaluationBatch): void {
    if (batch.groups.length !== this.columns || batch.groupValues.length !== this.columns) {
      fail('INTERNAL_INVARIANT', `batch has ${batch.groups.length} sensitive columns, the profile ${this.columns}`);
    }
    for (const codes of batch.groups) {
      if (codes.length < batch.rows) fail('INTERNAL_INVARIANT', 'a sensitive code array is shorter than the batch');
    }
  }
}
