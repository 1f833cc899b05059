import { fail } from '../../core/index.ts';
import type { CategoryColumn, RowBatch } from '../types.ts';
import type { LabelDecoder } from './labels.ts';

const UNKNOWN = -1;

/**
 * Turns a label column's codes into 1/0 (NaN when missing). The dictionary only grows, so each distinct value is
 * classified once, in the order it first appears in the file, and the result is cached by code.
 */
export class LabelColumn {
  private readonly name: string;
  private readonly decoder: LabelDecoder;
  private readonly byCode: number[] = [];

  constructor(name: string, decoder: LabelDecoder) {
    this.name = name;
    this.decoder = decoder;
  }

  /** Writes the classes of the batch's rows into `out`; returns how many were missing. */
  decode(batch: RowBatch, column: CategoryColumn, out: Float64Array): number {
    const { codes, dictionary } = column;
    for (let code = this.byCode.length; code < dictionary.length; code++) {
      this.byCode.push(this.decoder.classify(dictionary[code] ?? '') ?? UNKNOWN);
    }
    let missing = 0;
    for (let row = 0; row < batch.rows; row++) {
      const code = codes[row] ?? -1;
      if (code < 0) {
        out[row] = Number.NaN;
        missing++;
        continue;
      }
      const label = this.byCode[code] ?? UNKNOWN;
      if (label === UNKNOWN) {
        fail('INPUT_UNKNOWN_LABEL', `value ${JSON.stringify(dictionary[code])} of "${this.name}" is not a known class`, {
          location: batch.locate(row, this.name),
          expected: this.decoder.expected(),
        });
      }
      out[row] = label;
    }
    return missing;
  }
}
