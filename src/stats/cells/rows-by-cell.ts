/**
 * The rows of a batch grouped by cell, each group in row order (a stable counting sort): rows of cell c are
 * order[start[c]] … order[start[c + 1] − 1]. Updating one cell at a time keeps that cell's statistics in registers
 * and cache, while every sum still receives its addends in row order, so results are bit-for-bit those of a
 * row-at-a-time update. The arrays are reused from call to call: read them before the next call.
 */
export interface RowsByCell {
  readonly order: Int32Array;
  readonly start: Int32Array;
}

let order = new Int32Array(0);
let start = new Int32Array(0);
let cursor = new Int32Array(0);

export function rowsByCell(cellOf: Int32Array, rows: number, cells: number): RowsByCell {
  if (order.length < rows) order = new Int32Array(rows);
  if (start.length < cells + 1) {
    start = new Int32Array(cells + 1);
    cursor = new Int32Array(cells + 1);
  }
  start.fill(0, 0, cells + 1);
  for (let row = 0; row < rows; row++) {
    const next = (cellOf[row] as number) + 1;
    start[next] = (start[next] as number) + 1;
  }
  for (let cell = 1; cell <= cells; cell++) start[cell] = (start[cell] as number) + (start[cell - 1] as number);
  cursor.set(start.subarray(0, cells));
  for (let row = 0; row < rows; row++) {
    const cell = cellOf[row] as number;
    const at = cursor[cell] as number;
    order[at] = row;
    cursor[cell] = at + 1;
  }
  return { order, start };
}
