import type { Location } from '../../core/index.ts';
import type { Column, InvalidNumber, RowBatch } from '../types.ts';
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
  /** Per slot, created on the first one: the non-numbers of a number column read with collectInvalid. */
  readonly invalid: (InvalidNumber[] | undefined)[];

  constructor(slots: readonly SlotPlan[], capacity: number) {
    this.slots = slots;
    this.capacity = capacity;
    this.numbers = slots.map((slot) => (slot.kind === 'number' ? new Float64Array(capacity) : EMPTY_NUMBERS));
    this.codes = slots.map((slot) => (slot.kind === 'category' ? new Int32Array(capacity) : EMPTY_CODES));
    this.invalid = slots.map(() => undefined);
  }

  /** Records a non-number at `row` of a collectInvalid slot: NaN in the values, the text in the list. */
  addInvalid(slot: number, row: number, text: string): void {
    (this.numbers[slot] as Float64Array)[row] = Number.NaN;
    const list = (this.invalid[slot] ??= []);
    list.push({ row, text });
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
        const values = (this.numbers[index] ?? EMPTY_NUMBERS).subarray(0, rows);
        const invalid = this.invalid[index];
        columns.set(slot.name, invalid === undefined ? { kind: 'number', values } : { kind: 'number', values, invalid });
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
