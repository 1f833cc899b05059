/**
 * Per-batch coding for the proxy profile: every cell becomes a small integer once per batch (a feature's level, a
 * sensitive column's group), so the counting loops of every feature × sensitive pair only index typed arrays. The
 * dictionaries are resolved once per batch (code → index), never per cell.
 */
import { binOf } from './bin-edges.ts';

/** A dense, insertion-ordered index of labels. */
export class Labels {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();
  of(label: string): number {
    let at = this.index.get(label);
    if (at === undefined) {
      at = this.list.length;
      this.list.push(label);
      this.index.set(label, at);
    }
    return at;
  }

  /** Index of every dictionary entry, registering new labels in dictionary order. */
  ofAll(dictionary: readonly string[]): Int32Array {
    const indices = new Int32Array(dictionary.length);
    for (let code = 0; code < dictionary.length; code++) indices[code] = this.of(dictionary[code] as string);
    return indices;
  }
}

/** A reusable Int32Array of at least `rows` elements (batches reuse one buffer instead of allocating). */
export function scratch(buffer: Int32Array, rows: number): Int32Array {
  return buffer.length >= rows ? buffer : new Int32Array(Math.max(rows, buffer.length * 2));
}

/**
 * out[row] = indexOf[codes[row]], or -1 where the code is -1 (missing). A code outside the dictionary is a caller bug
 * (codes and dictionaries come together from a reader) and is reported as such.
 */
export function recode(codes: Int32Array, indexOf: Int32Array, rows: number, out: Int32Array, what: string): void {
  const size = indexOf.length;
  for (let row = 0; row < rows; row++) {
    const code = codes[row] as number;
    if (code < 0) out[row] = -1;
    else if (code < size) out[row] = indexOf[code] as number;
    else throw new TypeError(`code ${code} of "${what}" is not in its dictionary`);
  }
}

/**
 * out[row] = the bin of values[row] on `edges` (the number of edges ≤ x, as binOf), or -1 where the value is not
 * finite (missing). Edges from data are few (deciles: ≤ 9) and increasing, so they are padded with +∞ to 15 and the
 * bin found by a four-step binary search without branches: each step adds Number(edge ≤ x) shifted to the step, which compiles to
 * a conditional move, where an `if` would be mispredicted about half the time on spread data (measured: ~3× faster
 * than binOf). More edges, or given edges that are not increasing, go through binOf itself: the bin is always binOf's.
 */
export function binRows(values: Float64Array, edges: readonly number[], rows: number, out: Int32Array): void {
  const small = edges.length <= 15 && edges.every((edge, i) => i === 0 || edge > (edges[i - 1] as number));
  if (!small) {
    for (let row = 0; row < rows; row++) {
      const x = values[row] as number;
      out[row] = x - x !== 0 ? -1 : binOf(edges, x);
    }
    return;
  }
  const e = new Float64Array(15).fill(Number.POSITIVE_INFINITY);
  e.set(edges);
  for (let row = 0; row < rows; row++) {
    const x = values[row] as number;
    if (x - x !== 0) {
      out[row] = -1; // NaN or ±∞: x − x is NaN
      continue;
    }
    let bin = Number((e[7] as number) <= x) << 3;
    bin += Number((e[bin + 3] as number) <= x) << 2;
    bin += Number((e[bin + 1] as number) <= x) << 1;
    bin += Number((e[bin] as number) <= x);
    out[row] = bin;
  }
}
