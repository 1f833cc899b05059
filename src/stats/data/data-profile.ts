import { fail } from '../../core/index.ts';
import { CellIndex } from '../cells/cell-index.ts';
import { CELL_LABELLED, CELL_MISSING, CELL_POSITIVES, CELL_ROWS } from './cell-layout.ts';
import { ColumnState } from './column-state.ts';
import { HashSet64 } from './hash-set64.ts';
import { scanColumn, type Scratch } from './scan-column.ts';
import type { DataBatch, DataProfileSpec } from './spec.ts';
import { fmix32 } from './value-hash.ts';


const EMPTY = new Float64Array(0);

/**
 * Mergeable statistics of a training set for the data rules, gathered in ONE pass (DESIGN.md principle 3): per
 * column (ColumnState), per cell of sensitive values (rows, label counts, missing values per column), and the
 * fingerprints of rows for exact duplicate counts. Memory is bounded by columns × (bins + distinct text values) and
 * cells × columns — except the duplicate sets, which hold 8 bytes per slot for every distinct row (and every distinct
 * id that is not a small integer; those take a bit, distinct-values.ts), the price of an exact count (hash-set64.ts).
 *
 * Duplicate rows are compared on every column except the id (an id makes every row unique by construction; duplicate
 * ids are counted on their own), by value: `1.0` and `1` are the same number.
 */
export class DataProfile {
  readonly spec: DataProfileSpec;
  readonly columns: readonly ColumnState[];
  readonly cells: CellIndex;
  cellStats: Float64Array;
  rows = 0;
  readonly rowFingerprints = new HashSet64();
  readonly #stride: number;
  readonly #sensitive: readonly number[];
  readonly #label: number;
  readonly #id: number;
  #scratch: Scratch | undefined;

  constructor(spec: DataProfileSpec) {
    this.spec = spec;
    const position = (name: string | undefined): number => (name === undefined ? -1 : spec.columns.findIndex((c) => c.name === name));
    this.#label = position(spec.label);
    this.#id = position(spec.id);
    this.#sensitive = spec.sensitive.map((name) => {
      const at = position(name);
      if (at < 0 || spec.columns[at]?.kind !== 'category') fail('INTERNAL_INVARIANT', `sensitive column ${name} must be a text column of the profile`);
      return at;
    });
    if (spec.label !== undefined && spec.columns[this.#label]?.kind !== 'category') fail('INTERNAL_INVARIANT', `label ${spec.label} must be a text column of the profile`);
    const hasLabel = this.#label >= 0;
    this.columns = spec.columns.map(
      (column) => new ColumnState(column, { detectors: spec.detectors, hasLabel, ...(spec.positiveLabel === undefined ? {} : { positiveLabel: spec.positiveLabel }) }),
    );
    this.cells = new CellIndex(spec.sensitive.length);
    this.#stride = CELL_MISSING + spec.columns.length;
    this.cellStats = new Float64Array(this.#stride * 4);
  }

  get stride(): number {
    return this.#stride;
  }

  /** Rows that repeat an earlier row (same values in every column but the id). */
  get duplicateRows(): number {
    return this.rows - this.rowFingerprints.size;
  }

  add(batch: DataBatch): void {
    const rows = batch.rows;
    const scratch = this.#scratchFor(rows);
    const cellOf = this.#assignCells(batch);
    const positive = scratch.positive;
    positive.fill(-1, 0, rows);
    // The label first: every feature's class counts need each row's class.
    const order = this.columns.map((_, index) => index);
    if (this.#label >= 0) order.unshift(...order.splice(this.#label, 1));
    for (const index of order) {
      scanColumn(this.columns[index] as ColumnState, index, batch, scratch, cellOf, this.cellStats, this.#stride, index === this.#label);
    }
    this.#rowPass(rows, scratch);
    const stats = this.cellStats;
    const stride = this.#stride;
    for (let row = 0; row < rows; row++) {
      const base = (cellOf[row] as number) * stride;
      stats[base + CELL_ROWS] = (stats[base + CELL_ROWS] as number) + 1;
      const cls = positive[row] as number;
      if (cls >= 0) {
        stats[base + CELL_LABELLED] = (stats[base + CELL_LABELLED] as number) + 1;
        stats[base + CELL_POSITIVES] = (stats[base + CELL_POSITIVES] as number) + cls;
      }
    }
    this.rows += rows;
  }

  /**
   * Row fingerprints (every column but the id; murmur3-style body per column, one finaliser per row), and each
   * column's equality with the label and the id.
   */
  #rowPass(rows: number, scratch: Scratch): void {
    const laneA = scratch.laneA;
    const laneB = scratch.laneB;
    laneA.fill(this.columns.length, 0, rows);
    laneB.fill(0x9e3779b9, 0, rows);
    const label = this.#label;
    const id = this.#id;
    const labelA = label >= 0 ? (scratch.wordA[label] as Uint32Array) : undefined;
    const labelB = label >= 0 ? (scratch.wordB[label] as Uint32Array) : undefined;
    const idA = id >= 0 ? (scratch.wordA[id] as Uint32Array) : undefined;
    const idB = id >= 0 ? (scratch.wordB[id] as Uint32Array) : undefined;
    // One small loop per job (fold, compare with the label, compare with the id) instead of one loop that tested per
    // row which jobs the column has: each loop is branch-free but for its own comparison.
    this.columns.forEach((column, index) => {
      const wa = scratch.wordA[index] as Uint32Array;
      const wb = scratch.wordB[index] as Uint32Array;
      if (index !== id) foldRows(laneA, laneB, wa, wb, rows);
      if (labelA !== undefined && labelB !== undefined && index !== label) column.equalLabel += equalRows(wa, wb, labelA, labelB, rows);
      if (idA !== undefined && idB !== undefined && index !== id) column.equalId += equalRows(wa, wb, idA, idB, rows);
    });
    const set = this.rowFingerprints;
    for (let row = 0; row < rows; row++) set.add(fmix32(laneA[row] as number), fmix32((laneB[row] as number) ^ Math.imul(laneA[row] as number, 0x9e3779b1)));
  }

  /** Sizes the duplicate sets for about `rows` rows in all (an estimate is fine), so they need not grow on the way. */
  reserve(rows: number): void {
    this.rowFingerprints.reserve(rows);
    for (const column of this.columns) column.distinct?.reserve(rows);
  }

  #assignCells(batch: DataBatch): Int32Array {
    const groups: Int32Array[] = [];
    const groupValues: (readonly string[])[] = [];
    for (const index of this.#sensitive) {
      const name = this.spec.columns[index]?.name ?? '';
      const column = batch.columns.get(name);
      if (column?.kind !== 'category') fail('INTERNAL_INVARIANT', `batch has no text column ${name}`);
      groups.push(column.codes);
      groupValues.push(column.dictionary);
    }
    const cellOf = this.cells.assign({ rows: batch.rows, yTrue: EMPTY, yPred: EMPTY, groups, groupValues });
    this.#ensureCells();
    return cellOf;
  }

  #ensureCells(): void {
    const needed = this.cells.size * this.#stride;
    if (this.cellStats.length >= needed) return;
    const bigger = new Float64Array(Math.max(needed, this.cellStats.length * 2));
    bigger.set(this.cellStats);
    this.cellStats = bigger;
  }

  #scratchFor(rows: number): Scratch {
    const current = this.#scratch;
    if (current !== undefined && current.positive.length >= rows) return current;
    const scratch: Scratch = {
      positive: new Int8Array(rows),
      laneA: new Uint32Array(rows),
      laneB: new Uint32Array(rows),
      wordA: this.columns.map(() => new Uint32Array(rows)),
      wordB: this.columns.map(() => new Uint32Array(rows)),
    };
    this.#scratch = scratch;
    return scratch;
  }

  /** Adds `other` (a profile of the same spec) into this one; `other` is left unchanged. */
  merge(other: DataProfile): void {
    if (other === this) throw new TypeError('a profile cannot be merged into itself');
    if (other.spec.columns.map((c) => c.name).join('\u0000') !== this.spec.columns.map((c) => c.name).join('\u0000')) {
      throw new TypeError('cannot merge data profiles of different columns');
    }
    this.columns.forEach((column, index) => column.merge(other.columns[index] as ColumnState));
    for (let cell = 0; cell < other.cells.size; cell++) {
      const target = this.cells.cellOf(other.cells.values(cell));
      this.#ensureCells();
      for (let k = 0; k < this.#stride; k++) {
        const at = target * this.#stride + k;
        this.cellStats[at] = (this.cellStats[at] as number) + (other.cellStats[cell * this.#stride + k] as number);
      }
    }
    for (const [a, b] of other.rowFingerprints.keys()) this.rowFingerprints.add(a, b);
    this.rows += other.rows;
  }
}

/** Folds one column's value words into each row's two fingerprint lanes (murmur3-style body, see #rowPass). */
function foldRows(laneA: Uint32Array, laneB: Uint32Array, wa: Uint32Array, wb: Uint32Array, rows: number): void {
  for (let row = 0; row < rows; row++) {
    const a = wa[row] as number;
    const b = wb[row] as number;
    const x = Math.imul(a, 0xcc9e2d51);
    const y = Math.imul(b, 0x1b873593);
    let h = (laneA[row] as number) ^ ((x << 15) | (x >>> 17));
    laneA[row] = Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64 + b;
    h = (laneB[row] as number) ^ ((y << 16) | (y >>> 16));
    laneB[row] = Math.imul((h << 13) | (h >>> 19), 5) + 0x85ebca6b + a;
  }
}

/** Rows whose value words (wa, wb) equal another column's (xa, xb). */
function equalRows(wa: Uint32Array, wb: Uint32Array, xa: Uint32Array, xb: Uint32Array, rows: number): number {
  let equal = 0;
  for (let row = 0; row < rows; row++) if (xa[row] === wa[row] && xb[row] === wb[row]) equal++;
  return equal;
}
