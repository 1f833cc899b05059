import type { Location } from '../../core/index.ts';
import type { Column, RowBatch } from '../types.ts';
import type { SlotPlan } from './plan.ts';

const EMPTY_NUMBERS = new Float64Array(0);
const EMPTY_CODES = new Int32Array(0);

/**
 * The typed arrays one batch is decoded into, one per requested column. Readers write by slot index; both arrays exist
 * for every slot (an empty one for the other kind) so the readers' hot loops see one shape.
 */
export class BatchBuffers {
  readonly numbers: Float64Array[];
  readonly codes: Int32Array[];
  readonly slots: readonly SlotPlan[];
  readonly capacity: number;
  rows = 0;

  constructor(slots: readonly SlotPlan[], capacity: number) {
    this.slots = slots;
    this.capacity = capacity;
    this.numbers = slots.map((slot) => (slot.kind === 'number' ? new Float64Array(capacity) : EMPTY_NUMBERS));
    this.codes = slots.map((slot) => (slot.kind === 'category' ? new Int32Array(capacity) : EMPTY_CODES));
  }

  get full(): boolean {
    return this.rows >= this.capacity;
  }

  /** The batch of the rows written so far; `locate` maps (row, column name) to a position in the file. */
  finish(firstRow: number, locate: (row: number, column?: string) => Location): RowBatch {
    const rows = this.rows;
    const columns = new Map<string, Column>();
    this.slots.forEach((slot, index) => {
      if (slot.dictionary === undefined) {
        columns.set(slot.name, { kind: 'number', values: (this.numbers[index] ?? EMPTY_NUMBERS).subarray(0, rows) });
      } else {
        columns.set(slot.name, {
          kind: 'category',
          codes: (this.codes[index] ?? EMPTY_CODES).subarray(0, rows),
          dictionary: slot.dictionary.values,
        });
      }
    });
    return { rows, firstRow, columns, locate };
  }
}
